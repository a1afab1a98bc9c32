"""Changes to a producer's listing, each written to the audit trail where it happens."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from audit.models import AuditKind
from audit.records import record

from .forms import description_to_html
from .models import Listing, ListingStatus

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

GOODS_CLASS = "san-pham"


def listing_for(product):
    """The product's listing; products that predate the seller area count as approved."""
    try:
        return product.listing
    except Listing.DoesNotExist:
        return Listing(product=product, status=ListingStatus.APPROVED, on_sale=product.is_public)


def _yes_no(value):
    return _("Có") if value else _("Không")


def _sync_public(product, listing):
    public = listing.public_state()
    if product.is_public != public:
        product.is_public = public
        product.save(update_fields=["is_public", "date_updated"])


class StockBelowReserved(ValidationError):
    """The stock typed is less than the units that orders hold now."""


@transaction.atomic
def save_listing(user, stockrecord, data):
    """Save what the producer edited, and only that.

    Checkouts reserve units (``num_allocated``) and shipping takes them off
    ``num_in_stock`` while the producer's form is open, so the stock record is read
    again under its row lock and written field by field: a reservation is never
    overwritten, and the stock is written only when the producer changed the number
    they were shown (``stock_seen``; without it, the number in the database).
    """
    product = stockrecord.product
    partner = stockrecord.partner
    listing = listing_for(product)

    locked = StockRecord._default_manager.select_for_update().get(pk=stockrecord.pk)
    changed = []
    price = Decimal(data["price"])
    if locked.price != price:
        record(
            user,
            AuditKind.PRICE,
            product,
            old=currency(locked.price) if locked.price is not None else "",
            new=currency(price),
            product=product,
            partner=partner,
        )
        locked.price = price
        changed.append("price")
    seen = data.get("stock_seen")
    seen = locked.num_in_stock if seen is None else seen
    stock = data["num_in_stock"]
    if stock != seen and stock != locked.num_in_stock:
        reserved = locked.num_allocated or 0
        if stock < reserved:
            raise StockBelowReserved(
                _("Đang có %(n)s sản phẩm nằm trong các đơn chưa giao; số lượng không thể ít hơn.")
                % {"n": reserved},
                code="below_reserved",
            )
        record(
            user,
            AuditKind.STOCK,
            product,
            old=locked.num_in_stock,
            new=stock,
            product=product,
            partner=partner,
        )
        locked.num_in_stock = stock
        changed.append("num_in_stock")
    if changed:
        locked.save(update_fields=[*changed, "date_updated"])
    stockrecord.price, stockrecord.num_in_stock = locked.price, locked.num_in_stock
    stockrecord.num_allocated = locked.num_allocated

    words = {
        "title": data["title"],
        "description": description_to_html(data["description"]),
        "title_en": data.get("title_en", ""),
        "description_en": description_to_html(data.get("description_en", "")),
    }
    changed_words = [name for name, value in words.items() if getattr(product, name) != value]
    if changed_words:
        for name in changed_words:
            setattr(product, name, words[name])
        product.save(update_fields=[*changed_words, "date_updated"])

    if listing.on_sale != data["on_sale"]:
        record(
            user,
            AuditKind.AVAILABILITY,
            product,
            old=_yes_no(listing.on_sale),
            new=_yes_no(data["on_sale"]),
            product=product,
            partner=partner,
        )
    listing.on_sale = data["on_sale"]
    if listing.status == ListingStatus.REJECTED:
        # Edited after a refusal: it goes back to the officers.
        listing.status = ListingStatus.PENDING
    listing.save()
    _sync_public(product, listing)
    return product


@transaction.atomic
def create_product(user, partner, data):
    """A producer's new product: saved hidden, waiting for an officer's approval."""
    product = Product.objects.create(
        product_class=ProductClass.objects.get(slug=GOODS_CLASS),
        title=data["title"],
        description=description_to_html(data["description"]),
        title_en=data.get("title_en", ""),
        description_en=description_to_html(data.get("description_en", "")),
        is_public=False,
    )
    ProductCategory.objects.create(product=product, category=data["category"])
    StockRecord.objects.create(
        product=product,
        partner=partner,
        partner_sku=f"{partner.pk}-{product.pk}",
        price=Decimal(data["price"]),
        num_in_stock=data["num_in_stock"],
    )
    Listing.objects.create(product=product, submitted_by=user)
    if data.get("photo"):
        add_photo(product, data["photo"])
    record(
        user,
        AuditKind.PRODUCT,
        product,
        new=_("Chờ duyệt, giá %(price)s, tồn kho %(stock)s")
        % {"price": currency(data["price"]), "stock": data["num_in_stock"]},
        product=product,
        partner=partner,
    )
    return product


def add_photo(product, upload):
    order = product.images.count()
    return ProductImage.objects.create(product=product, original=upload, display_order=order)


@transaction.atomic
def move_photo(image, step):
    """Swap a photo with its neighbour; the first photo is the one shown in lists."""
    images = list(image.product.images.order_by("display_order", "pk"))
    index = images.index(image)
    target = index + step
    if 0 <= target < len(images):
        images[index], images[target] = images[target], images[index]
    for position, each in enumerate(images):
        if each.display_order != position:
            each.display_order = position
            each.save(update_fields=["display_order"])


@transaction.atomic
def decide(officer, listing, approve, note=""):
    old = listing.get_status_display()
    listing.status = ListingStatus.APPROVED if approve else ListingStatus.REJECTED
    listing.note = "" if approve else note.strip()
    listing.decided_by = officer
    listing.decided_at = timezone.now()
    listing.save()
    _sync_public(listing.product, listing)
    partner = listing.product.stockrecords.select_related("partner").first()
    record(
        officer,
        AuditKind.APPROVAL,
        listing.product,
        old=old,
        new=listing.get_status_display() + (f" – {listing.note}" if listing.note else ""),
        product=listing.product,
        partner=partner.partner if partner else None,
    )
    return listing
