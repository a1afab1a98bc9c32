"""Stripe failing at each step, against a real localstripe: one order, in a true state.

Each test makes one call unreachable (``stripe_down_at``: that call goes to a port where
nothing listens), then brings Stripe back and lets the scheduled work finish. Every test
ends with exactly one order (or none), no second capture and no lost payment.
"""

from datetime import timedelta
from decimal import Decimal as D

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from checkout.tests.factories import checkout_until_review, two_producer_shop
from order.placement import place_order
from payments import state, testing
from payments.models import OrderPayment, PendingCheckout
from payments.providers import PaymentError, get_provider
from payments.tasks import sweep_payments

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
PaymentEvent = get_model("order", "PaymentEvent")

pytestmark = pytest.mark.django_db

NOT_CHARGED = "chưa bị trừ tiền"


@pytest.fixture
def shop(client, stripe_settings):
    """Two producers, each with a user who gets order emails; the shopper at review."""
    rice, honey = two_producer_shop()
    for item, email in ((rice, "htx@example.vn"), (honey, "ong@example.vn")):
        user = get_user_model().objects.create_user(username=email, email=email, password="x")
        item.stockrecords.get().partner.users.add(user)
    checkout_until_review(client, [(rice, 1), (honey, 1)], method="card")
    return rice, honey


def stock(item):
    record = StockRecord.objects.get(product=item)
    return record.num_in_stock, record.num_allocated


def later(minutes):
    return timezone.now() + timedelta(minutes=minutes)


def sweep(now=None):
    """The scheduled task, as the worker runs it (immediate backend in tests)."""
    from unittest import mock

    with mock.patch("payments.reconcile.timezone.now", return_value=now or later(0)):
        return sweep_payments.enqueue().return_value


def placed_while_capture_is_down(client, localstripe, stripe_down_at):
    """The shopper pays by card while Stripe cannot be reached for the capture: the order."""
    stripe_down_at("payment_intents.capture")
    testing.pay_by_card(
        client, payment_method=testing.card_payment_method(localstripe, testing.VISA)
    )
    return Order.objects.get()


def producer_mail():
    return [m for m in mail.outbox if m.to[0] in ("htx@example.vn", "ong@example.vn")]


def shopper_mail():
    return [m for m in mail.outbox if m.to == ["lan@example.vn"]]


# Create and confirm: no order yet, and the shopper is told the truth (not charged)


def test_stripe_unreachable_at_create_places_nothing_and_a_retry_pays_once(
    client, shop, localstripe, stripe_down_at
):
    card = testing.card_payment_method(localstripe, testing.VISA)
    before = len(testing.intents(localstripe))
    stripe_down_at("payment_intents.create")

    status, answer = testing.pay_by_card(client, payment_method=card)

    assert status == 402 and NOT_CHARGED in answer["error"]
    assert Order.objects.count() == 0
    assert len(testing.intents(localstripe)) == before
    # Stripe is back: the same checkout pays once
    stripe_down_at()
    status, answer = testing.pay_by_card(client, payment_method=card)
    assert answer == {"redirect": reverse("checkout:thank-you")}
    order = Order.objects.get()
    assert state.summary(order).status == OrderPayment.Status.PAID
    assert PendingCheckout.objects.count() == 1


def test_stripe_unreachable_at_confirm_places_nothing_and_charges_once(
    client, shop, localstripe, stripe_down_at
):
    card = testing.card_payment_method(localstripe, testing.VISA)
    stripe_down_at("payment_intents.confirm")

    status, answer = testing.pay_by_card(client, payment_method=card)

    assert status == 402 and NOT_CHARGED in answer["error"]
    assert Order.objects.count() == 0
    first = PendingCheckout.objects.get().payment_intent_id
    assert testing.intent(localstripe, first)["status"] == "requires_confirmation"
    stripe_down_at()
    status, answer = testing.pay_by_card(client, payment_method=card)
    assert answer == {"redirect": reverse("checkout:thank-you")}
    assert Order.objects.count() == 1
    captured = [i for i in testing.intents(localstripe) if i["status"] == "succeeded"]
    mine = [i for i in captured if i["metadata"].get("pending_checkout")]
    assert len({i["id"] for i in mine if i["id"] != first}) >= 1
    assert testing.intent(localstripe, first)["status"] != "succeeded"


# Capture: the order exists; it waits for its money, visibly, until the sweep finishes


def test_capture_unreachable_leaves_a_pending_order_that_the_sweep_captures_once(
    client, shop, localstripe, stripe_down_at
):
    rice, honey = shop
    card = testing.card_payment_method(localstripe, testing.VISA)
    stripe_down_at("payment_intents.capture")

    status, answer = testing.pay_by_card(client, payment_method=card)

    # The shopper has an order and is not told "not charged"
    assert answer == {"redirect": reverse("checkout:thank-you")}
    order = Order.objects.get()
    summary = state.summary(order)
    assert (summary.status, summary.captured, summary.to_collect) == (
        "pending",
        D("0"),
        D("410000.00"),
    )
    assert all(group.payment_pending for group in summary.groups)
    assert sorted(g.due for g in summary.groups) == [D("180000.00"), D("230000.00")]
    thanks = client.get(reverse("checkout:thank-you"))
    page = thanks.content.decode()
    assert "payment-pending" in page and NOT_CHARGED not in page
    (confirmation,) = shopper_mail()
    assert "đang xác nhận" in confirmation.body and NOT_CHARGED not in confirmation.body
    assert producer_mail() == []  # nobody packs an unpaid parcel
    intent_id = PendingCheckout.objects.get().payment_intent_id
    assert testing.intent(localstripe, intent_id)["status"] == "requires_capture"
    # the stock stays reserved for the order meanwhile
    assert stock(rice) == (10, 1)

    # Still down at the next run: another attempt, later (backoff)
    payment = OrderPayment.objects.get(order=order)
    assert payment.attempts == 1 and payment.next_attempt_at > timezone.now()
    assert sweep(now=timezone.now())["captures"] == {}  # not due yet
    assert sweep(now=later(3))["captures"] == {order.number: "pending"}
    payment.refresh_from_db()
    assert payment.attempts == 2

    # Stripe is back: the scheduled sweep captures, once
    stripe_down_at()
    assert sweep(now=later(30))["captures"] == {order.number: "paid"}
    assert sweep(now=later(90))["captures"] == {}
    paid = testing.intent(localstripe, intent_id)
    assert paid["status"] == "succeeded"
    assert testing.captured(localstripe, intent_id) == [410000]
    summary = state.summary(order)
    assert (summary.status, summary.captured, summary.to_collect) == ("paid", D("410000"), 0)
    assert order.sources.get().amount_debited == D("410000.00")
    assert PaymentEvent.objects.filter(order=order, event_type__code="settled").count() == 1
    assert sorted(m.to[0] for m in producer_mail()) == ["htx@example.vn", "ong@example.vn"]
    assert len(shopper_mail()) == 1


def test_a_group_cancelled_while_capture_waits_is_not_charged(
    client, shop, localstripe, stripe_down_at
):
    from order.cancelling import cancel_group
    from payments.providers import provider_for

    # Given a card order (rice 180.000 with delivery, honey 230.000) whose capture failed
    rice, _honey = shop
    order = placed_while_capture_is_down(client, localstripe, stripe_down_at)
    intent_id = PendingCheckout.objects.get().payment_intent_id

    # When the rice producer cancels its part before Stripe is back
    rice_group = order.fulfilment_groups.get(partner=rice.stockrecords.get().partner)
    cancel_group(rice_group, provider=provider_for(order))
    stripe_down_at()
    assert sweep(now=later(30))["captures"] == {order.number: "paid"}

    # Then only the honey part is taken, once, and the order reads as paid
    # (localstripe, like Stripe, shows the released rest of the hold as a refund)
    (charge,) = testing.intent(localstripe, intent_id)["charges"]["data"]
    assert (charge["captured"], charge["amount"] - charge["amount_refunded"]) == (True, 230000)
    assert order.sources.get().amount_debited == D("230000")
    assert state.summary(order).status == "paid"
    assert stock(rice) == (10, 0)


def test_an_unpaid_parcel_does_not_leave_until_the_capture_succeeds(
    client, shop, localstripe, stripe_down_at
):
    from django.test import Client

    from order.fulfilment import AwaitingPayment, update_fulfilment

    # Given a card order whose capture failed: it waits for its money
    rice, _honey = shop
    order = placed_while_capture_is_down(client, localstripe, stripe_down_at)
    group = order.fulfilment_groups.get(partner=rice.stockrecords.get().partner)

    # When its producer ships from the seller area, or anything calls the one function
    producer = Client()
    producer.force_login(group.partner.users.get())
    page = producer.post(
        reverse("seller:order-detail", args=[group.pk]),
        {"status": "shipped", "carrier": "GHN", "tracking_number": "G1"},
        follow=True,
    )
    with pytest.raises(AwaitingPayment):
        update_fulfilment(group, "delivered")

    # Then nothing left the shelf, and the producer is told why
    assert "chưa được thanh toán" in page.content.decode()
    group.refresh_from_db()
    assert (group.status, group.tracking_number, stock(rice)) == ("new", "", (10, 1))
    # Packing meanwhile is fine; once the money is in, the parcel ships
    update_fulfilment(group, "packed")
    stripe_down_at()
    assert sweep(now=later(30))["captures"] == {order.number: "paid"}
    update_fulfilment(group, "shipped")
    group.refresh_from_db()
    assert (group.status, stock(rice)) == ("shipped", (9, 0))


def test_a_cancelled_authorisation_cancels_the_order_returns_stock_and_tells_the_shopper(
    client, shop, localstripe, stripe_down_at, django_capture_on_commit_callbacks
):
    rice, honey = shop
    order = placed_while_capture_is_down(client, localstripe, stripe_down_at)
    Order.objects.filter(pk=order.pk).update(language="en")  # placed in English
    testing.cancel_intent(localstripe, PendingCheckout.objects.get().payment_intent_id)
    stripe_down_at()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert sweep(now=later(5))["captures"] == {order.number: "cancelled"}

    assert state.summary(order).status == "cancelled"
    assert set(order.fulfilment_groups.values_list("status", flat=True)) == {"cancelled"}
    assert stock(rice) == (10, 0) and stock(honey) == (5, 0)
    (told,) = mail.outbox
    assert told.to == ["lan@example.vn"] and order.number in told.subject
    assert "cancelled" in told.subject.lower()  # in the language the shopper ordered in
    assert order.notes.filter(note_type="System").exists()
    # a later run changes nothing
    assert sweep(now=later(60))["captures"] == {}
    assert stock(rice) == (10, 0)


def test_an_authorisation_past_seven_days_is_voided_and_the_order_cancelled(
    client, shop, localstripe, stripe_down_at
):
    rice, _honey = shop
    order = placed_while_capture_is_down(client, localstripe, stripe_down_at)
    intent_id = PendingCheckout.objects.get().payment_intent_id
    stripe_down_at()

    results = sweep(now=timezone.now() + timedelta(days=7, minutes=1))

    assert results["captures"] == {order.number: "cancelled"}
    assert testing.intent(localstripe, intent_id)["status"] == "canceled"
    assert stock(rice) == (10, 0)


def test_process_dying_between_placement_and_capture_is_finished_by_the_sweep(
    client, shop, localstripe
):
    # Authorised by 3-D Secure; the process placed the order and died before capturing
    status, answer = testing.pay_by_card(
        client, payment_method=testing.card_payment_method(localstripe, testing.THREE_D_SECURE)
    )
    testing.authenticate_3ds(localstripe, answer["client_secret"])
    pending = PendingCheckout.objects.get()
    order, _created = place_order(pending, notify=False)
    assert not OrderPayment.objects.filter(order=order).exists() and mail.outbox == []

    results = sweep(now=later(5))

    assert results == {"checkouts": {}, "captures": {order.number: "paid"}}
    assert Order.objects.count() == 1
    assert testing.intent(localstripe, pending.payment_intent_id)["status"] == "succeeded"
    assert state.summary(order).captured == D("410000.00")
    assert len(shopper_mail()) == 1 and len(producer_mail()) == 2
    assert sweep(now=later(60)) == {"checkouts": {}, "captures": {}}
    assert len(mail.outbox) == 3


def test_browser_gone_after_authorisation_is_placed_and_captured_by_the_sweep(
    client, shop, localstripe
):
    status, answer = testing.pay_by_card(
        client, payment_method=testing.card_payment_method(localstripe, testing.THREE_D_SECURE)
    )
    testing.authenticate_3ds(localstripe, answer["client_secret"])
    PendingCheckout.objects.update(updated_at=timezone.now() - timedelta(minutes=5))

    results = sweep(now=later(0))

    order = Order.objects.get()
    assert results["checkouts"] == {order.number: order.number}
    assert state.summary(order).status == "paid"


# Refund


def test_refund_with_stripe_unreachable_changes_nothing_and_a_retry_refunds_once(
    client, shop, localstripe, stripe_down_at
):
    testing.pay_by_card(
        client, payment_method=testing.card_payment_method(localstripe, testing.VISA)
    )
    order = Order.objects.get()
    card = get_provider("card")
    stripe_down_at("refunds.create")

    with pytest.raises(PaymentError):
        card.refund(order, 180_000, key="k1")

    source = order.sources.get()
    assert source.amount_refunded == 0
    assert not PaymentEvent.objects.filter(order=order, event_type__code="refunded").exists()
    stripe_down_at()
    reference = card.refund(order, 180_000, key="k1")
    assert card.refund(order, 180_000, key="k1") == reference  # a resubmit: once
    source.refresh_from_db()
    assert source.amount_refunded == D("180000")
    intent_id = PendingCheckout.objects.get().payment_intent_id
    assert testing.intent(localstripe, intent_id)["charges"]["data"][0]["amount_refunded"] == 180000
    assert state.summary(order).refunded == D("180000")
