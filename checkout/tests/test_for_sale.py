"""Checkout never sells what stopped being for sale after it went into the basket:
cash on delivery, card, and the placement itself (the road the Stripe webhook takes)."""

import json

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue.tests.factories import WITHDRAWALS, withdraw
from payments import testing
from payments.intents import finalise
from payments.models import PendingCheckout

from .factories import checkout_until_review, two_producer_shop

Order = get_model("order", "Order")
Line = get_model("basket", "Line")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

THREE_D_SECURE = "4000002500003155"
DROPPED = "“Mật ong Phong Điền” không còn được bán nên đã được bỏ khỏi giỏ hàng."


def stock():
    """(title, units allocated to orders) of every stock record."""
    rows = StockRecord.objects.values_list("product__title", "num_allocated")
    return sorted((title, allocated or 0) for title, allocated in rows)


def lines():
    return sorted(Line.objects.values_list("product__title", "quantity"))


def pay(client, **payload):
    return client.post(
        reverse("checkout:card-payment"), json.dumps(payload), content_type="application/json"
    )


@pytest.mark.parametrize("how", WITHDRAWALS)
def test_cash_on_delivery_places_nothing_once_a_product_stopped_being_for_sale(client, how):
    # Given a basket at the review step, then one of its products is withdrawn
    rice, honey = two_producer_shop()
    checkout_until_review(client, [(rice, 2), (honey, 1)], method="cod")
    withdraw(honey, how)
    before = stock()

    # When the shopper places the order
    response = client.post(reverse("checkout:preview"), {"action": "place_order"})

    # Then nothing is ordered or allocated; the shopper lands on the basket, told, and
    # the withdrawn line is dropped before any payment
    assert response.status_code == 302
    assert response["Location"] == reverse("basket:summary")
    assert Order.objects.count() == 0
    assert stock() == before
    basket = client.get(reverse("basket:summary"))
    assert DROPPED in basket.content.decode()
    assert lines() == [("Bánh tráng Thuận Hưng", 2)]


@pytest.mark.parametrize("how", ["paused", "revoked", "expired"])
def test_card_payment_is_not_started_once_a_product_stopped_being_for_sale(
    client, stripe_settings, localstripe, how
):
    rice, honey = two_producer_shop()
    checkout_until_review(client, [(rice, 1), (honey, 1)], method="card")
    withdraw(honey, how)
    card = testing.card_payment_method(localstripe, "4242424242424242")

    response = pay(client, payment_method=card)

    # No payment attempt, no order: the browser is sent back to the basket
    assert response.status_code == 302
    assert response["Location"] == reverse("basket:summary")
    assert PendingCheckout.objects.count() == 0
    assert Order.objects.count() == 0
    assert stock() == [("Bánh tráng Thuận Hưng", 0), ("Mật ong Phong Điền", 0)]


@pytest.mark.parametrize("how", ["hidden", "revoked", "expired"])
def test_placement_refuses_under_the_stock_lock_and_releases_the_card_hold(
    client, stripe_settings, localstripe, how
):
    # Given a card authorised after 3-D Secure, and the product withdrawn before the
    # order is placed (the webhook's road, which no basket page stands in front of)
    rice, honey = two_producer_shop()
    checkout_until_review(client, [(rice, 1), (honey, 1)], method="card")
    answer = pay(
        client, payment_method=testing.card_payment_method(localstripe, THREE_D_SECURE)
    ).json()
    authorised = testing.authenticate_3ds(localstripe, answer["client_secret"])
    assert authorised["status"] == "requires_capture"
    withdraw(honey, how)

    # When the order is placed for that payment
    outcome = finalise(PendingCheckout.objects.get())

    # Then placement refuses with a clear message, nothing is ordered, the hold on the
    # card is released and the basket is as it was
    assert outcome.order is None
    assert outcome.error == (
        "Rất tiếc, “Mật ong Phong Điền” không còn được bán. "
        "Bạn chưa bị trừ tiền: khoản giữ tiền trên thẻ đã được hủy."
    )
    assert Order.objects.count() == 0
    assert stock() == [("Bánh tráng Thuận Hưng", 0), ("Mật ong Phong Điền", 0)]
    assert testing.intent(localstripe, authorised["id"])["status"] == "canceled"
    assert PendingCheckout.objects.get().status == "cancelled"
    assert lines() == [("Bánh tráng Thuận Hưng", 1), ("Mật ong Phong Điền", 1)]
