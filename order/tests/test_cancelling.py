"""Cancelling before shipping: by the producer for its own group, by staff for any group or
the whole order; stock released, money settled through the provider, the shopper told."""

from decimal import Decimal as D

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from order.fulfilment import update_fulfilment
from seller.tests.factories import make_user

from .conftest import HONEY, RICE, SITE_URL, group, stock

Refund = get_model("order", "Refund")
Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db


def producer(name, email):
    user = make_user(email)
    Partner.objects.get(name=name).users.add(user)
    client = Client()
    client.force_login(user)
    return client


def state(order):
    """What a cancellation changes: groups, stock of both products, order status, refunds."""
    order.refresh_from_db()
    return (
        sorted(order.fulfilment_groups.values_list("partner__name", "status", "refund_state")),
        stock("Bánh tráng Thuận Hưng"),
        stock("Mật ong Phong Điền"),
        order.status,
        Refund.objects.count(),
        order.lines.filter(allocation_cancelled=True).count(),
    )


def test_a_producer_cancels_its_group_before_shipping(place, django_capture_on_commit_callbacks):
    # Given a cash-on-delivery guest order: 2 × rice (reserved) and 1 × honey
    order = place(method="cod")
    rice = producer(RICE, "rice@example.vn")
    assert stock("Bánh tráng Thuận Hưng") == (10, 2)

    # When the rice producer cancels its part
    with django_capture_on_commit_callbacks(execute=True):
        response = rice.post(
            reverse("seller:order-detail", args=[group(order, RICE).pk]), {"cancel": "1"}
        )

    # Then its units are back on sale, the honey goes on, nothing was paid so nothing refunded
    assert response.status_code == 302
    assert group(order, RICE).status == "cancelled"
    assert group(order, HONEY).status == "new"
    assert stock("Bánh tráng Thuận Hưng") == (10, 0)
    assert Refund.objects.count() == 0
    order.refresh_from_db()
    assert order.status == "Mới"
    # and the shopper got one email in Vietnamese with a link to the shop's tracking page
    (message,) = mail.outbox
    assert message.to == ["lan@example.vn"]
    assert message.subject == f"OCOP Cần Thơ – đã hủy một phần đơn {order.number}"
    assert (
        f"Phần hàng của {RICE} trong đơn {order.number} đã bị hủy trước khi giao." in message.body
    )
    assert "Bạn không bị thu tiền cho phần hàng này." in message.body
    assert f"{SITE_URL}/cua-hang/checkout/don-hang/" in message.body


def test_a_producer_cannot_cancel_another_producers_group(
    place, django_capture_on_commit_callbacks
):
    order = place(method="cod")
    honey = producer(HONEY, "honey@example.vn")
    before = state(order)

    with django_capture_on_commit_callbacks(execute=True):
        response = honey.post(
            reverse("seller:order-detail", args=[group(order, RICE).pk]), {"cancel": "1"}
        )

    assert response.status_code == 404
    assert state(order) == before
    assert mail.outbox == []


def test_a_shipped_group_cannot_be_cancelled(place, django_capture_on_commit_callbacks):
    order = place()
    update_fulfilment(group(order, RICE), "shipped", carrier="GHN")
    rice = producer(RICE, "rice@example.vn")
    mail.outbox.clear()
    before = state(order)

    with django_capture_on_commit_callbacks(execute=True):
        response = rice.post(
            reverse("seller:order-detail", args=[group(order, RICE).pk]),
            {"cancel": "1"},
            follow=True,
        )

    assert "đã gửi đi hoặc đã đóng, không thể hủy" in response.content.decode()
    assert state(order) == before
    assert mail.outbox == []


def test_staff_cancel_a_paid_card_order_and_the_money_goes_back(
    place, staff, django_capture_on_commit_callbacks
):
    # Given a card order of 560.000 ₫, captured
    order = place()

    # When staff cancel the whole order
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(reverse("dashboard:order-cancel", args=[order.number]), {"group": "all"})

    # Then every unit is back on sale, 560.000 ₫ went back through Stripe, status cancelled
    assert stock("Bánh tráng Thuận Hưng") == (10, 0)
    assert stock("Mật ong Phong Điền") == (5, 0)
    record = Refund.objects.get()
    assert (record.reason, record.amount) == ("cancel", D("560000"))
    assert order.sources.get().amount_refunded == D("560000")
    order.refresh_from_db()
    assert order.status == "Đã hủy"
    (message,) = mail.outbox
    assert "Số tiền 560.000" in message.body


def test_staff_cancel_one_group_of_a_card_order_refunds_its_share(
    place, staff, django_capture_on_commit_callbacks
):
    order = place()

    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            reverse("dashboard:order-cancel", args=[order.number]),
            {"group": str(group(order, HONEY).pk)},
        )

    # 200.000 ₫ of honey + 30.000 ₫ of its delivery; the rice goes on
    assert Refund.objects.get().amount == D("230000")
    assert order.sources.get().amount_refunded == D("230000")
    assert (group(order, HONEY).status, group(order, RICE).status) == ("cancelled", "new")


def test_staff_cannot_cancel_a_bad_or_shipped_group(place, staff):
    order = place()
    update_fulfilment(group(order, RICE), "shipped", carrier="GHN")
    before = state(order)
    url = reverse("dashboard:order-cancel", args=[order.number])

    assert staff.post(url, {"group": "abc"}).status_code == 404
    assert staff.post(url, {"group": "999999"}).status_code == 404
    assert staff.post(url, {"group": str(group(order, RICE).pk)}).status_code == 302
    assert staff.post(url, {"group": "all"}).status_code == 302  # all or none: rice shipped

    assert state(order) == before
