"""Layer 1: a Vietnamese address, the per-producer delivery fee and cash on delivery."""

from decimal import Decimal as D

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from payments.models import PendingCheckout

from .factories import checkout_until_review, enter_address, two_producer_shop

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
FulfilmentGroup = get_model("order", "FulfilmentGroup")

pytestmark = pytest.mark.django_db


def test_guest_places_a_cash_on_delivery_order_across_two_producers(
    client, django_capture_on_commit_callbacks
):
    # Given two producers' goods in one basket (600.000 ₫ and 200.000 ₫)
    rice, honey = two_producer_shop()
    checkout_until_review(client, [(rice, 4), (honey, 1)], method="cod")

    # When the guest places the order on the review page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("checkout:preview"), {"action": "place_order"})

    # Then one order exists, with one delivery fee (honey's part is under 500.000 ₫)
    assert response.status_code == 302
    assert response["Location"] == reverse("checkout:thank-you")
    order = Order.objects.get()
    assert order.guest_email == "lan@example.vn"
    assert order.total_incl_tax == D("830000.00")  # 600.000 + 200.000 + 30.000
    assert order.shipping_incl_tax == D("30000.00")
    address = order.shipping_address
    assert (address.first_name, address.state, address.province_code) == (
        "Nguyễn Thị Lan",
        "Thành phố Cần Thơ",
        "92",
    )
    assert str(address.phone_number) == "+84912345678"
    assert address.line4 and address.ward_belongs_to_province
    # each producer has its own group, its own fee, and its stock allocated
    groups = {g.partner.name: g for g in FulfilmentGroup.objects.select_related("partner")}
    assert {name: (g.status, g.shipping_charge) for name, g in groups.items()} == {
        "HTX Thuận Hưng": ("new", D("0.00")),
        "Cơ sở Ong Phong Điền": ("new", D("30000.00")),
    }
    assert StockRecord.objects.get(product=rice).num_allocated == 4
    assert StockRecord.objects.get(product=honey).num_allocated == 1
    assert order.sources.get().source_type.code == "cod"
    assert PendingCheckout.objects.get().status == "placed"
    # and the shopper got the confirmation in Vietnamese
    assert [m.to for m in mail.outbox] == [["lan@example.vn"]]
    assert "xác nhận đơn hàng" in mail.outbox[0].subject

    thank_you = client.get(reverse("checkout:thank-you"))
    assert thank_you.status_code == 200
    assert "HTX Thuận Hưng" in thank_you.content.decode()


def test_ward_from_another_province_is_refused(client):
    # Given a basket and a guest
    rice, _honey = two_producer_shop()
    from .factories import add_to_basket

    add_to_basket(client, rice, 1)

    # When the ward is Hà Nội's but the province is Cần Thơ
    import places

    hanoi_ward = places.wards(1)[0][0]
    response = enter_address(client, ward_code=hanoi_ward)

    # Then the form is shown again with the error, and nothing is stored
    assert response.status_code == 200
    assert "ward_code" in response.context["form"].errors
    assert "shipping" not in str(client.session.get("checkout_data", {}).get("shipping", {}))


def test_invalid_phone_is_refused(client):
    rice, _honey = two_producer_shop()
    from .factories import add_to_basket

    add_to_basket(client, rice)
    response = enter_address(client, phone_number="12345")
    assert response.status_code == 200
    assert "phone_number" in response.context["form"].errors


def test_free_delivery_from_the_threshold_per_producer(client):
    # 3 × 150.000 = 450.000 ₫ pays the fee; 4 × 150.000 = 600.000 ₫ does not
    from shipping.methods import producer_charge

    assert producer_charge(D("450000")) == D("30000")
    assert producer_charge(D("500000")) == D("0")
    rice, _honey = two_producer_shop()
    checkout_until_review(client, [(rice, 4)], method="cod")
    client.post(reverse("checkout:preview"), {"action": "place_order"})
    order = Order.objects.get()
    assert (order.shipping_incl_tax, order.total_incl_tax) == (D("0.00"), D("600000.00"))


def test_basket_shows_the_delivery_rule(client):
    rice, _honey = two_producer_shop()
    from .factories import add_to_basket

    add_to_basket(client, rice)
    page = client.get(reverse("basket:summary")).content.decode()
    assert "30.000" in page and "mỗi cơ sở" in page and "500.000" in page


def test_card_option_is_hidden_without_stripe_keys(client, settings):
    settings.STRIPE_SECRET_KEY = settings.STRIPE_PUBLISHABLE_KEY = ""
    rice, _honey = two_producer_shop()
    checkout_until_review(client, [(rice, 1)], method="cod")
    page = client.get(reverse("checkout:payment-method"))
    assert [c[0] for c in page.context["form"].fields["method"].choices] == ["cod"]
    # and posting "card" anyway is refused
    response = client.post(reverse("checkout:payment-method"), {"method": "card"})
    assert response.status_code == 200
    assert client.session["checkout_data"]["payment"]["method"] == "cod"


def test_someone_elses_saved_address_is_not_found(client, django_user_model):
    from oscar.test.factories import UserAddressFactory

    rice, _honey = two_producer_shop()
    owner = django_user_model.objects.create_user("a", "a@example.vn", "pw")
    other = django_user_model.objects.create_user("b", "b@example.vn", "pw")
    theirs = UserAddressFactory(user=owner)
    client.force_login(other)
    from .factories import add_to_basket

    add_to_basket(client, rice)
    for address_id in (theirs.pk, "abc"):
        response = client.post(
            reverse("checkout:shipping-address"), {"action": "ship_to", "address_id": address_id}
        )
        assert response.status_code == 404
    assert "shipping" not in client.session.get("checkout_data", {})


def test_confirmation_email_in_the_shoppers_language(client, django_capture_on_commit_callbacks):
    # Given a shopper checking out on the English site
    from django.utils import translation

    rice, _honey = two_producer_shop()
    # (override() also restores the language the English requests activate in this thread)
    with translation.override("en"):
        checkout_until_review(client, [(rice, 1)], method="cod")
        url = reverse("checkout:preview")
        assert url.startswith("/en/")
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url, {"action": "place_order"})
    order = Order.objects.get()
    assert mail.outbox[0].subject == f"OCOP Cần Thơ – order {order.number} confirmed"
    assert "Thank you for your order" in mail.outbox[0].body
