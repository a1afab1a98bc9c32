"""The checkout's steps: no "who are you?" step for guests, an experience-only basket
without address or delivery, a step bar that agrees with the flow, and messages true
to the payment method when an order cannot be placed."""

from decimal import Decimal as D

import pytest
from django.contrib import messages
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from experiences.tests.factories import experience, slot
from payments.pending import pending_for

from .factories import (
    add_to_basket,
    checkout_until_review,
    choose_payment,
    enter_address,
    two_producer_shop,
)

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

GOODS_STEPS = ["Địa chỉ", "Giao hàng & thanh toán", "Xem lại & đặt"]
EXPERIENCE_STEPS = ["Liên hệ", "Thanh toán", "Xem lại & đặt"]


def steps(response):
    return [(step["label"], step["state"]) for step in response.context["checkout_steps"]]


def test_guest_goes_from_the_basket_straight_to_the_address_with_email_and_phone(client):
    rice, _honey = two_producer_shop()
    add_to_basket(client, rice)

    # When the guest presses "Đặt hàng"
    response = client.get(reverse("checkout:index"))

    # Then the address step opens: no gateway, email and phone asked there, sign-in a link
    assert response.status_code == 302
    assert response["Location"] == reverse("checkout:shipping-address")
    page = client.get(response["Location"])
    html = page.content.decode()
    assert list(page.context["form"].fields)[:3] == ["first_name", "phone_number", "email"]
    assert "Bạn là ai" not in html and "khách vãn lai" not in html
    assert reverse("customer:login") in html
    assert steps(page) == list(zip(GOODS_STEPS, ["current", "todo", "todo"], strict=True))


def test_address_without_email_is_refused_and_nothing_is_kept(client):
    rice, _honey = two_producer_shop()
    add_to_basket(client, rice)

    response = enter_address(client, email="")

    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    checkout = client.session.get("checkout_data", {})
    assert checkout.get("shipping", {}) == {} and checkout.get("guest", {}) == {}


def test_guest_email_from_the_address_step_is_the_orders(client):
    rice, _honey = two_producer_shop()
    checkout_until_review(client, [(rice, 1)], method="cod", email="an@example.vn")

    review = client.get(reverse("checkout:preview"))
    assert steps(review) == list(zip(GOODS_STEPS, ["done", "done", "current"], strict=True))
    client.post(reverse("checkout:preview"), {"action": "place_order"})

    assert Order.objects.get().guest_email == "an@example.vn"


def test_signed_in_shopper_is_not_asked_for_an_email(client):
    rice, _honey = two_producer_shop()
    client.force_login(UserFactory(email="lan@example.vn"))
    add_to_basket(client, rice)

    page = client.get(reverse("checkout:shipping-address"))

    assert "email" not in page.context["form"].fields
    assert reverse("customer:login") not in page.content.decode()


def experience_basket(client):
    """Two adults booked on a tour: the basket holds one booking line of 500.000 ₫."""
    tour = slot(experience(adult_price=250_000, pay_at_village=True), days=5)
    response = client.post(
        reverse("experiences:book", kwargs={"pk": tour.experience.product_id}),
        {"slot": tour.pk, "adults": 2, "children": 0, "language": "vi"},
    )
    assert response.status_code == 302, response.status_code


def test_experience_only_basket_has_no_address_or_delivery_step(client):
    experience_basket(client)

    # The address step sends back to the contact step; the step bar has no address
    assert client.get(reverse("checkout:shipping-address"))["Location"] == reverse("checkout:index")
    contact = client.get(reverse("checkout:index"))
    assert contact.status_code == 200
    assert list(contact.context["form"].fields) == ["first_name", "phone_number", "email"]
    assert steps(contact) == list(zip(EXPERIENCE_STEPS, ["current", "todo", "todo"], strict=True))

    # When the guest gives a name, a phone and an email
    response = client.post(
        reverse("checkout:index"),
        {"first_name": "Trần Văn An", "phone_number": "0912 345 678", "email": "an@example.vn"},
    )

    # Then payment comes next, through no delivery page
    assert response["Location"] == reverse("checkout:shipping-method")
    assert client.get(response["Location"])["Location"] == reverse("checkout:payment-method")
    payment = client.get(reverse("checkout:payment-method"))
    assert payment.status_code == 200
    assert "checkout-delivery" not in payment.content.decode()
    assert "Giao hàng và thanh toán" not in payment.content.decode()
    assert choose_payment(client, "village").status_code == 302
    review = client.get(reverse("checkout:preview"))
    assert steps(review) == list(zip(EXPERIENCE_STEPS, ["done", "done", "current"], strict=True))
    html = review.content.decode()
    assert "Người đặt" in html and "Trần Văn An" in html and "Giao đến" not in html
    assert review.context["order_total"].incl_tax == D("500000")


def test_experience_contact_without_phone_is_refused(client):
    experience_basket(client)

    response = client.post(
        reverse("checkout:index"), {"first_name": "An", "phone_number": "", "email": "an@x.vn"}
    )

    assert response.status_code == 200
    assert "phone_number" in response.context["form"].errors
    checkout = client.session.get("checkout_data", {})
    assert checkout.get("contact", {}) == {} and checkout.get("guest", {}) == {}


def test_cash_order_refused_for_stock_says_what_happened_and_what_to_do(client, monkeypatch):
    # Given a cash order for 4 rice rolls at review
    rice, _honey = two_producer_shop()
    checkout_until_review(client, [(rice, 4)], method="cod")

    # When another shopper takes all but 2 while this order is being placed (after the
    # page's checks, before the stock is locked)
    from checkout import views

    def pending_then_sold(*args, **kwargs):
        pending = pending_for(*args, **kwargs)
        StockRecord.objects.filter(product=rice).update(num_in_stock=2)
        return pending

    monkeypatch.setattr(views, "pending_for", pending_then_sold)
    response = client.post(reverse("checkout:preview"), {"action": "place_order"})

    # Then no order, back to the basket, and no word about a charge that never was
    assert response["Location"] == reverse("basket:summary")
    assert Order.objects.count() == 0
    (message,) = [str(m) for m in get_messages(response.wsgi_request) if m.level == messages.ERROR]
    assert message == (
        "Rất tiếc, “Bánh tráng Thuận Hưng” vừa hết hàng (còn 2). "
        "Đơn hàng chưa được tạo. Hãy xem lại giỏ hàng rồi đặt hàng lại."
    )
    assert "trừ tiền" not in message


def test_producer_email_names_the_producer_once(client, django_capture_on_commit_callbacks):
    rice, honey = two_producer_shop()
    seller = UserFactory(email="ong@example.vn")
    honey.stockrecords.get().partner.users.add(seller)
    checkout_until_review(client, [(honey, 1)], method="cod")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("checkout:preview"), {"action": "place_order"})

    (to_producer,) = [m for m in mail.outbox if m.to == ["ong@example.vn"]]
    assert to_producer.body.startswith("Cơ sở Ong Phong Điền có đơn hàng mới")
    assert "Cơ sở Cơ sở" not in to_producer.body
