"""Experience test data: an experience product run by a producer, with slots."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.reference import EXPERIENCE
from catalogue.tests.factories import groups, producer
from experiences.choices import ActivityKind, BookingStatus
from experiences.models import Booking, Experience, Slot

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")


def experience(
    title="Đi chợ nổi Cái Răng lúc bình minh",
    partner=None,
    adult_price=250_000,
    child_price=150_000,
    village=None,
    **fields,
):
    """An experience product with its stock record (adult price) and booking details."""
    categories = groups()
    partner = partner or producer("HTX Du lịch Cái Răng")
    product = Product.objects.create(
        title=title,
        product_class=ProductClass.objects.get(slug=EXPERIENCE["slug"]),
        structure=Product.STANDALONE,
        is_public=True,
    )
    ProductCategory.objects.create(product=product, category=categories["6"])
    StockRecord.objects.create(
        product=product,
        partner=partner,
        partner_sku=f"exp-{product.pk}",
        price_currency="VND",
        price=Decimal(adult_price),
        num_in_stock=0,
    )
    values = {
        "kind": ActivityKind.FLOATING_MARKET,
        "duration_minutes": 180,
        "meeting_point": "Bến Ninh Kiều",
        "meeting_latitude": Decimal("10.034000"),
        "meeting_longitude": Decimal("105.788000"),
        "languages": ",vi,en,",
        "child_price": Decimal(child_price) if child_price is not None else None,
        "village": village,
    }
    values.update(fields)
    return Experience.objects.create(product=product, **values)


def slot(experience, days=3, hour=5, minute=30, capacity=10, **fields):
    """A slot ``days`` from today at hour:minute, Cần Thơ time."""
    day = timezone.localdate() + dt.timedelta(days=days)
    starts_at = timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))
    return Slot.objects.create(
        experience=experience, starts_at=starts_at, capacity=capacity, **fields
    )


def booking(slot, adults=2, children=0, status=BookingStatus.CONFIRMED, **fields):
    if status == BookingStatus.HELD and "hold_expires_at" not in fields:
        fields["hold_expires_at"] = timezone.now() + dt.timedelta(minutes=15)
    return Booking.objects.create(
        reference=fields.pop("reference", f"T{Booking.objects.count() + 1:07d}"),
        slot=slot,
        adults=adults,
        children=children,
        status=status,
        **fields,
    )
