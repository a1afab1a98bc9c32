"""The demo's sample orders and the product awaiting approval: believable, placed like a
real checkout, and identical on a re-run.

As in ``test_load_demo_data``, the command runs twice for the module inside a transaction
rolled back at the end, with media in a temporary folder.
"""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from oscar.core.loading import get_model

import places
from demo import orders
from seller.models import Listing, ListingStatus

Order = get_model("order", "Order")
Line = get_model("order", "Line")
FulfilmentGroup = get_model("order", "FulfilmentGroup")
Basket = get_model("basket", "Basket")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
Source = get_model("payment", "Source")
OcopCertificate = get_model("catalogue", "OcopCertificate")
User = get_user_model()

pytestmark = pytest.mark.django_db

NUMBERS = [spec.number for spec in orders.SAMPLE_ORDERS]


def snapshot():
    sample = Order.objects.filter(number__in=NUMBERS)
    return {
        "orders": Order.objects.count(),
        "lines": Line.objects.count(),
        "groups": FulfilmentGroup.objects.count(),
        "baskets": Basket.objects.count(),
        "products": Product.objects.count(),
        "listings": Listing.objects.count(),
        "sample orders": sample.count(),
        "stock": sorted(
            StockRecord.objects.values_list("partner_sku", "num_in_stock", "num_allocated")
        ),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media_root = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        with transaction.atomic():
            before = snapshot()
            call_command("load_demo_data", verbosity=0)
            first = snapshot()
            call_command("load_demo_data", verbosity=0)
            second = snapshot()
            yield {"before": before, "first": first, "second": second}
            transaction.set_rollback(True)


def test_a_second_run_adds_no_order_and_moves_no_stock(demo):
    assert demo["second"] == demo["first"]
    assert demo["first"]["sample orders"] == len(NUMBERS) == 8
    assert demo["first"]["orders"] - demo["before"]["orders"] == 8
    assert demo["first"]["lines"] - demo["before"]["lines"] == 18
    assert demo["first"]["groups"] - demo["before"]["groups"] == 17


def test_placing_allocates_stock_as_the_checkout_does(demo):
    record = StockRecord.objects.get(partner_sku="nhan-xuong-my-khanh")
    ordered = sum(
        qty for spec in orders.SAMPLE_ORDERS for key, qty in spec.lines if key == record.partner_sku
    )

    # Units in parcels that have left (shipped or delivered) came off the shelf; the rest
    # stay reserved, as the seller area's steps do it.
    left = sum(
        qty
        for spec in orders.SAMPLE_ORDERS
        for key, qty in spec.lines
        if key == record.partner_sku
        and any(
            orders.KEY_PREFIX + s.producer == record.partner.code
            and s.status in ("shipped", "delivered")
            for s in spec.shipments
        )
    )
    assert (ordered, left) == (10, 7)
    assert (record.num_in_stock, record.num_allocated) == (80 - left, 10 - left)
    assert record.net_stock_level == 70
    for spec in orders.SAMPLE_ORDERS:
        for key, quantity in spec.lines:
            line = Line.objects.get(order__number=spec.number, partner_sku=key)
            assert line.quantity == quantity
            assert line.stockrecord.partner_sku == key


def test_orders_are_cash_on_delivery_from_guests_with_vietnamese_addresses(demo):
    sample = Order.objects.filter(number__in=NUMBERS).select_related("shipping_address")

    assert sample.count() == 8
    for order in sample:
        address = order.shipping_address
        assert order.user_id is None and order.guest_email.endswith("@example.com")
        assert order.basket.status == "Submitted"
        assert address.ward_belongs_to_province, order.number
        assert address.line4 == places.ward_name(address.ward_code)
        assert address.state == places.province_name(address.province_code)
        assert address.phone_number.country_code == 84 and address.phone_number.is_valid()
        source = Source.objects.get(order=order)
        assert source.source_type.code == "cod"
        assert source.amount_allocated == order.total_incl_tax
        assert order.total_incl_tax == order.total_incl_tax.to_integral_value()
    assert set(sample.values_list("shipping_address__province_code", flat=True)) == {
        "92",
        "79",
        "1",
        "86",
    }


def test_delivery_is_charged_per_producer(demo):
    order = Order.objects.get(number="MAU-1001")

    # 2 kg of longan (65.000 ₫) and 3 packs of rice paper (30.000 ₫): two producers,
    # each under the free-delivery threshold, so two fees of 30.000 ₫.
    assert order.total_excl_tax == Decimal("130000") + Decimal("90000") + Decimal("60000")
    assert order.shipping_incl_tax == Decimal("60000")
    assert sorted(order.fulfilment_groups.values_list("shipping_charge", flat=True)) == [
        Decimal("30000"),
        Decimal("30000"),
    ]


def test_groups_are_in_a_mix_of_states_dated_over_four_weeks(demo):
    groups = FulfilmentGroup.objects.filter(order__number__in=NUMBERS).select_related("order")
    states = sorted(set(groups.values_list("status", flat=True)))

    assert states == ["delivered", "new", "packed", "shipped"]
    for group in groups:
        placed = group.order.date_placed
        assert group.created_at == placed
        if group.status in ("shipped", "delivered"):
            assert group.carrier in {"Viettel Post", "VNPost", "GHN"}
            assert group.tracking_number
            assert placed < group.packed_at < group.shipped_at
        else:
            assert (group.carrier, group.tracking_number) == ("", "")
            assert group.shipped_at is None
        assert (group.delivered_at is not None) == (group.status == "delivered")
    dates = sorted(o.date_placed for o in Order.objects.filter(number__in=NUMBERS))
    assert (dates[-1] - dates[0]).days >= 25


def test_producer1_sees_its_own_groups_and_none_of_producer2s_lines(demo, client):
    user = User.objects.get(email="producer1@ocop-cantho.local")
    client.force_login(user)

    response = client.get(reverse("seller:orders"))

    html = response.content.decode()
    assert response.status_code == 200
    own = FulfilmentGroup.objects.filter(partner__code="demo-my-khanh-xanh")
    assert sorted(own.values_list("order__number", flat=True)) == [
        "MAU-1001",
        "MAU-1003",
        "MAU-1005",
        "MAU-1006",
        "MAU-1007",
    ]
    for group in own:
        assert reverse("seller:order-detail", args=[group.pk]) in html
    assert "Nhãn xuồng cơm vàng Mỹ Khánh Xanh" in html
    for title in ("Bánh tráng dừa Út Hương", "Bánh tráng cuốn Út Hương", "Nước ép khóm"):
        assert title not in html
    others = FulfilmentGroup.objects.filter(partner__code="demo-ut-huong")
    assert others.count() == 6
    for group in others:
        assert reverse("seller:order-detail", args=[group.pk]) not in html
        assert client.get(reverse("seller:order-detail", args=[group.pk])).status_code == 404


def test_the_new_product_waits_hidden_for_an_officer(demo, client):
    product = Product.objects.get(code="demo-mit-say-deo-my-khanh")
    listing = product.listing

    assert not product.is_public
    assert listing.status == ListingStatus.PENDING
    assert listing.submitted_by.email == "producer1@ocop-cantho.local"
    assert product.stockrecords.get().partner.code == "demo-my-khanh-xanh"
    assert product.primary_image().original.name.endswith(".jpg")
    assert client.get(product.get_absolute_url()).status_code == 404

    client.force_login(User.objects.get(email="officer@ocop-cantho.local"))
    response = client.get(reverse("seller:officer-approvals"))

    assert response.status_code == 200
    assert product.title in response.content.decode()
    assert list(response.context["pending"]) == [listing]


def test_producer1_has_a_certificate_expiring_within_30_days(demo):
    expiring = OcopCertificate.objects.expiring_within(30).filter(
        product__stockrecords__partner__code="demo-my-khanh-xanh"
    )

    assert sorted(expiring.values_list("product__code", flat=True)) == [
        "demo-nhan-xuong-my-khanh",
        "demo-ve-lang-my-khanh",
    ]
