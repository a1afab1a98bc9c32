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
