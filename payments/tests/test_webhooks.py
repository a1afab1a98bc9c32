"""The webhook: signatures, one record per event, and orders made without the browser."""

import json
import time

import pytest
import stripe
from django.urls import reverse
from oscar.core.loading import get_model

from checkout.tests.factories import checkout_until_review, two_producer_shop
from payments import testing
from payments.models import PendingCheckout, StripeEvent

Order = get_model("order", "Order")
URL = testing.WEBHOOK_PATH


def signed(payload, secret=testing.WEBHOOK_SECRET):
    body = json.dumps(payload)
    timestamp = int(time.time())
    signature = stripe.WebhookSignature._compute_signature(f"{timestamp}.{body}", secret)
    return body, f"t={timestamp},v1={signature}"


def event(event_id, intent_id, kind="payment_intent.amount_capturable_updated"):
    return {
        "id": event_id,
        "object": "event",
        "type": kind,
        "data": {"object": {"id": intent_id, "object": "payment_intent"}},
    }


def authorised_by_3ds_only(client, localstripe):
    """A shopper who authorised by 3-D Secure and closed the browser before coming back."""
    rice, honey = two_producer_shop()
    checkout_until_review(client, [(rice, 1), (honey, 1)], method="card")
    card = testing.card_payment_method(localstripe, "4000002500003155")
    answer = client.post(
        reverse("checkout:card-payment"),
        json.dumps({"payment_method": card}),
        content_type="application/json",
    ).json()
    return testing.authenticate_3ds(localstripe, answer["client_secret"])["id"]


@pytest.mark.django_db
def test_bad_signature_is_refused_and_nothing_stored(client, stripe_settings):
    body, header = signed(event("evt_forged", "pi_x"), secret="whsec_wrong")
    response = client.post(URL, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header)
    assert response.status_code == 400
    missing = client.post(URL, body, content_type="application/json")
    assert missing.status_code == 400
    assert StripeEvent.objects.count() == 0


@pytest.mark.django_db
def test_event_reconciles_once_and_a_replay_does_nothing(client, stripe_settings, localstripe):
    # Given a payment authorised while the browser never came back
    intent_id = authorised_by_3ds_only(client, localstripe)
    assert Order.objects.count() == 0
    body, header = signed(event("evt_1", intent_id))

    # When Stripe delivers the event, then delivers it again
    first = client.post(URL, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header)
    replay = client.post(URL, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header)

    # Then exactly one order, with the address the shopper entered, and one event stored
    assert (first.status_code, replay.status_code) == (200, 200)
    assert replay.content == b"already handled"
    order = Order.objects.get()
    assert order.shipping_address.first_name == "Nguyễn Thị Lan"
    assert order.guest_email == "lan@example.vn"
    assert list(StripeEvent.objects.values_list("event_id", flat=True)) == ["evt_1"]
    assert testing.intent(localstripe, intent_id)["status"] == "succeeded"
    # and a second, different event for the same payment makes no second order
    body, header = signed(event("evt_2", intent_id, "payment_intent.succeeded"))
    client.post(URL, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header)
    assert Order.objects.count() == 1 and StripeEvent.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_localstripe_signed_events_are_verified_and_stored_once(
    client, stripe_settings, localstripe, live_server
):
    # Given localstripe delivers its own signed events to the running site
    testing.register_webhook(localstripe, live_server.url + URL)
    rice, honey = two_producer_shop()
    checkout_until_review(client, [(rice, 1), (honey, 1)], method="card")
    card = testing.card_payment_method(localstripe, "4242424242424242")

    # When the shopper pays (the capture makes localstripe send payment_intent.succeeded)
    client.post(
        reverse("checkout:card-payment"),
        json.dumps({"payment_method": card}),
        content_type="application/json",
    )
    intent_id = PendingCheckout.objects.get().payment_intent_id
    deadline = time.monotonic() + 15
    while (
        time.monotonic() < deadline
        and not StripeEvent.objects.filter(
            payment_intent_id=intent_id, type="payment_intent.succeeded"
        ).exists()
    ):
        time.sleep(0.2)

    # Then the event passed the signature check, was stored once, and made no second order
    assert (
        StripeEvent.objects.filter(
            payment_intent_id=intent_id, type="payment_intent.succeeded"
        ).count()
        == 1
    )
    assert Order.objects.count() == 1


@pytest.mark.django_db
def test_sweep_finishes_a_payment_whose_browser_and_webhook_never_came(
    client, stripe_settings, localstripe
):
    from datetime import timedelta

    from payments.reconcile import reconcile_open_checkouts

    intent_id = authorised_by_3ds_only(client, localstripe)
    pending = PendingCheckout.objects.get(payment_intent_id=intent_id)

    results = reconcile_open_checkouts(older_than=timedelta(0))

    order = Order.objects.get()
    assert results == {pending.order_number: order.number}
    assert testing.intent(localstripe, intent_id)["status"] == "succeeded"
    # a second sweep finds nothing left to do
    assert reconcile_open_checkouts(older_than=timedelta(0)) == {}


# Failures are redelivered; every event type does its work once


def deliver(client, payload):
    body, header = signed(payload)
    return client.post(URL, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header)


def charge_event(event_id, intent_id, kind, **fields):
    return {
        "id": event_id,
        "object": "event",
        "type": kind,
        "data": {"object": {"object": "charge", "payment_intent": intent_id, **fields}},
    }


def paid_order(client, localstripe):
    rice, honey = two_producer_shop()
    checkout_until_review(client, [(rice, 1), (honey, 1)], method="card")
    card = testing.card_payment_method(localstripe, "4242424242424242")
    client.post(
        reverse("checkout:card-payment"),
        json.dumps({"payment_method": card}),
        content_type="application/json",
    )
    return Order.objects.get(), PendingCheckout.objects.get().payment_intent_id


@pytest.mark.django_db
def test_an_event_whose_work_fails_answers_500_is_not_recorded_and_is_redelivered(
    client, localstripe, stripe_down_at
):
    intent_id = authorised_by_3ds_only(client, localstripe)
    stripe_down_at("*")

    failed = deliver(client, event("evt_down", intent_id))

    assert failed.status_code == 500
    assert StripeEvent.objects.count() == 0 and Order.objects.count() == 0
    stripe_down_at()
    again = deliver(client, event("evt_down", intent_id))
    assert (again.status_code, again.content) == (200, b"ok")
    assert Order.objects.count() == 1 and StripeEvent.objects.count() == 1
    assert testing.intent(localstripe, intent_id)["status"] == "succeeded"


@pytest.mark.django_db
def test_a_capture_still_failing_in_the_webhook_answers_500_until_it_succeeds(
    client, localstripe, stripe_down_at
):
    from payments import state

    stripe_down_at("payment_intents.capture")
    order, intent_id = paid_order(client, localstripe)
    assert state.is_pending(order)

    failed = deliver(client, event("evt_cap", intent_id))
    assert failed.status_code == 500 and StripeEvent.objects.count() == 0

    stripe_down_at()
    assert deliver(client, event("evt_cap", intent_id)).status_code == 200
    assert state.summary(order).status == "paid"
    assert testing.captured(localstripe, intent_id) == [410000]


@pytest.mark.django_db
def test_canceled_event_cancels_the_unpaid_order_once(client, localstripe, stripe_down_at):
    from payments import state

    stripe_down_at("payment_intents.capture")
    order, intent_id = paid_order(client, localstripe)
    stripe_down_at()
    testing.cancel_intent(localstripe, intent_id)

    first = deliver(client, event("evt_c", intent_id, "payment_intent.canceled"))
    replay = deliver(client, event("evt_c", intent_id, "payment_intent.canceled"))

    assert (first.content, replay.content) == (b"ok", b"already handled")
    assert state.summary(order).status == "cancelled"
    assert set(order.fulfilment_groups.values_list("status", flat=True)) == {"cancelled"}
    assert order.notes.count() == 1


@pytest.mark.django_db
def test_payment_failed_before_an_order_is_noted_on_the_checkout(
    client, localstripe, stripe_settings
):
    intent_id = authorised_by_3ds_only(client, localstripe)

    response = deliver(client, event("evt_f", intent_id, "payment_intent.payment_failed"))

    assert response.status_code == 200
    assert PendingCheckout.objects.get().message == "payment_failed"
    assert Order.objects.count() == 0


@pytest.mark.django_db
def test_a_refund_made_in_stripes_dashboard_appears_on_the_order_once(
    client, localstripe, stripe_settings
):
    from decimal import Decimal as D

    from payments import state

    order, intent_id = paid_order(client, localstripe)
    refund = testing.refund_in_dashboard(localstripe, intent_id, 50_000)
    payload = {
        "id": "ch_1",
        "amount_refunded": 50_000,
        "refunds": {"object": "list", "data": [{"id": refund["id"], "amount": 50_000}]},
    }

    deliver(client, charge_event("evt_r1", intent_id, "charge.refunded", **payload))
    # Stripe sends the same refund again under another event (and the same event twice)
    deliver(client, charge_event("evt_r2", intent_id, "charge.refunded", **payload))
    deliver(client, charge_event("evt_r2", intent_id, "charge.refunded", **payload))

    source = order.sources.get()
    assert source.amount_refunded == D("50000")
    assert state.summary(order).refunded == D("50000")
    assert order.notes.filter(message__contains=refund["id"]).count() == 1


@pytest.mark.django_db
def test_the_released_rest_of_a_partial_capture_is_not_booked_as_a_refund(
    client, localstripe, stripe_settings
):
    from decimal import Decimal as D

    order, intent_id = paid_order(client, localstripe)
    # A hold of 410.000 captured as 230.000: Stripe lists the 180.000 released as a refund
    payload = {
        "id": "ch_1",
        "amount": 410_000,
        "amount_captured": 230_000,
        "amount_refunded": 180_000,
        "refunds": {"object": "list", "data": [{"id": "re_release", "amount": 180_000}]},
    }

    deliver(client, charge_event("evt_partial", intent_id, "charge.refunded", **payload))

    assert order.sources.get().amount_refunded == D("0")
    assert not order.notes.filter(message__contains="re_release").exists()


@pytest.mark.django_db
def test_a_refund_made_by_the_shop_is_not_booked_again_by_its_webhook(
    client, localstripe, stripe_settings
):
    from decimal import Decimal as D

    from payments.providers import get_provider

    order, intent_id = paid_order(client, localstripe)
    get_provider("card").refund(order, 30_000, key="staff-1")
    charge = testing.intent(localstripe, intent_id)["charges"]["data"][0]
    refunds = charge["refunds"]["data"]

    deliver(
        client,
        charge_event(
            "evt_own",
            intent_id,
            "charge.refunded",
            id=charge["id"],
            amount_refunded=30_000,
            refunds={"object": "list", "data": refunds},
        ),
    )

    assert order.sources.get().amount_refunded == D("30000")


@pytest.mark.django_db
def test_a_dispute_flags_the_order_for_officers_once(client, localstripe, stripe_settings):
    from payments import state

    order, intent_id = paid_order(client, localstripe)
    dispute = {
        "id": "evt_d1",
        "object": "event",
        "type": "charge.dispute.created",
        "data": {
            "object": {
                "object": "dispute",
                "id": "dp_1",
                "charge": "ch_1",
                "payment_intent": intent_id,
                "reason": "fraudulent",
            }
        },
    }

    deliver(client, dispute)
    deliver(client, {**dispute, "id": "evt_d2"})

    assert state.summary(order).disputed
    assert order.notes.filter(message__contains="dp_1").count() == 1


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_deliveries_do_the_work_once(
    client, localstripe, stripe_settings, live_server
):
    import threading

    import requests

    intent_id = authorised_by_3ds_only(client, localstripe)
    body, header = signed(event("evt_twice", intent_id))
    answers, start = [], threading.Barrier(2)

    def post():
        start.wait()
        answers.append(
            requests.post(
                live_server.url + URL,
                data=body.encode(),
                headers={"Content-Type": "application/json", "Stripe-Signature": header},
                timeout=30,
            )
        )

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(a.status_code for a in answers) == [200, 200]
    assert Order.objects.count() == 1 and StripeEvent.objects.count() == 1
    paid = testing.intent(localstripe, intent_id)
    assert paid["status"] == "succeeded"
    assert testing.captured(localstripe, intent_id) == [paid["amount"]]
    assert Order.objects.get().sources.get().amount_debited == paid["amount"]
