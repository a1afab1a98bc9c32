"""Card payments against a real localstripe: success, decline, 3-D Secure, limits, faults."""

from decimal import Decimal as D

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from checkout.tests.factories import checkout_until_review, two_producer_shop
from payments import testing
from payments.models import PendingCheckout

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop_at_review(client, stripe_settings):
    rice, honey = two_producer_shop()
    checkout_until_review(client, [(rice, 1), (honey, 1)], method="card")
    return rice, honey


def test_card_payment_places_one_order_and_captures_whole_dong(client, shop_at_review, localstripe):
    # Given 150.000 + 200.000 + 2 × 30.000 delivery at review, paid by card
    card = testing.card_payment_method(localstripe, testing.VISA)

    # When the browser sends the card (and a forged amount, which must be ignored)
    status, answer = testing.pay_by_card(client, payment_method=card, amount=1)

    # Then the order exists and exactly its total was captured, in whole đồng
    assert (status, answer) == (200, {"redirect": reverse("checkout:thank-you")})
    order = Order.objects.get()
    assert order.total_incl_tax == D("410000.00")
    pending = PendingCheckout.objects.get()
    assert (pending.status, pending.order_id, pending.amount) == ("placed", order.pk, 410000)
    paid = testing.intent(localstripe, pending.payment_intent_id)
    assert (paid["status"], paid["amount"], paid["currency"]) == ("succeeded", 410000, "vnd")
    source = order.sources.get()
    assert (source.source_type.code, source.amount_debited) == ("card", D("410000.00"))
    assert client.get(reverse("checkout:thank-you")).status_code == 200


def test_declined_card_keeps_basket_and_details_and_a_new_card_works(
    client, shop_at_review, localstripe
):
    before = len(testing.intents(localstripe))
    # When the card is declined at charge time
    status, answer = testing.pay_by_card(
        client, payment_method=testing.card_payment_method(localstripe, testing.DECLINED_AT_CHARGE)
    )

    # Then a clear message, no order, the basket and the address still there
    assert status == 402
    assert answer["error"].startswith("Thẻ bị từ chối")
    assert Order.objects.count() == 0
    assert Basket.objects.get().num_lines == 2
    assert (
        client.session["checkout_data"]["shipping"]["new_address_fields"]["first_name"]
        == "Nguyễn Thị Lan"
    )
    pending = PendingCheckout.objects.get()
    assert (pending.status, pending.payment_intent_id) == ("open", "")

    # When another card is used: one order, paid by a second PaymentIntent
    status, answer = testing.pay_by_card(
        client, payment_method=testing.card_payment_method(localstripe, testing.VISA)
    )
    assert status == 200 and "redirect" in answer
    pending.refresh_from_db()
    assert pending.status == "placed"
    assert testing.intent(localstripe, pending.payment_intent_id)["status"] == "succeeded"
    assert len(testing.intents(localstripe)) == before + 2
    assert Order.objects.count() == 1


def test_three_d_secure_then_order(client, shop_at_review, localstripe):
    status, answer = testing.pay_by_card(
        client, payment_method=testing.card_payment_method(localstripe, testing.THREE_D_SECURE)
    )
    assert status == 200 and set(answer) == {"client_secret"}
    assert Order.objects.count() == 0

    # The shopper completes 3-D Secure in Stripe.js, then the page reports back
    authenticated = testing.authenticate_3ds(localstripe, answer["client_secret"])
    assert authenticated["status"] == "requires_capture"
    status, answer = testing.pay_by_card(client, payment_intent=authenticated["id"])

    assert (status, answer) == (200, {"redirect": reverse("checkout:thank-you")})
    assert testing.intent(localstripe, authenticated["id"])["status"] == "succeeded"
    assert Order.objects.count() == 1


def test_failed_three_d_secure_places_nothing(client, shop_at_review, localstripe):
    status, answer = testing.pay_by_card(
        client, payment_method=testing.card_payment_method(localstripe, testing.THREE_D_SECURE)
    )
    failed = testing.authenticate_3ds(localstripe, answer["client_secret"], success=False)
    status, answer = testing.pay_by_card(client, payment_intent=failed["id"])
    # A failed 3-D Secure is said as such, not as a declined card
    assert status == 402 and answer["error"].startswith("Xác thực 3-D Secure không thành công")
    assert "Thẻ bị từ chối" not in answer["error"]
    assert Order.objects.count() == 0
    assert Basket.objects.get().num_lines == 2


def test_stripe_unreachable_then_retry_charges_once(client, shop_at_review, localstripe, settings):
    card = testing.card_payment_method(localstripe, testing.VISA)
    before = len(testing.intents(localstripe))
    # Given Stripe cannot be reached (a closed port)
    settings.STRIPE_API_BASE = f"http://127.0.0.1:{testing.free_port()}"

    status, answer = testing.pay_by_card(client, payment_method=card)

    # Then a clear message; the pending checkout and its idempotency key are kept
    assert status == 402 and answer["error"].startswith("Không kết nối được")
    pending = PendingCheckout.objects.get()
    key = pending.idempotency_key
    assert (pending.status, Order.objects.count()) == ("open", 0)

    # When Stripe is back, retrying places exactly one order with one PaymentIntent
    settings.STRIPE_API_BASE = localstripe
    status, answer = testing.pay_by_card(client, payment_method=card)
    assert status == 200 and "redirect" in answer
    pending.refresh_from_db()
    assert pending.idempotency_key == key and pending.status == "placed"
    assert len(testing.intents(localstripe)) == before + 1
    assert Order.objects.count() == 1


@pytest.mark.parametrize("payload", [{}, {"payment_method": "tok_../x"}, {"payment_method": 42}])
def test_malformed_card_submission_is_refused(client, shop_at_review, payload):
    status, answer = testing.pay_by_card(client, **payload)
    assert status == 400 and "error" in answer
    assert (Order.objects.count(), PendingCheckout.objects.count()) == (0, 0)


def test_total_above_stripes_vnd_maximum_offers_cash_on_delivery(client, stripe_settings):
    # Given a card limit lower than this basket's 410.000 ₫
    stripe_settings.STRIPE_MAX_VND = 400_000
    rice, honey = two_producer_shop()
    checkout_until_review(client, [(rice, 1), (honey, 1)], method="cod")

    page = client.get(reverse("checkout:payment-method"))

    assert [c[0] for c in page.context["form"].fields["method"].choices] == ["cod"]
    assert "Thanh toán thẻ nhận đơn từ 13.000" in page.content.decode()
    # and a card payment forced through the endpoint is refused
    status, _answer = testing.pay_by_card(client, payment_method="card_abcdefgh")
    assert status == 400
    assert PendingCheckout.objects.count() == 0


def test_total_under_stripes_minimum_offers_cash_on_delivery(client, stripe_settings):
    stripe_settings.STRIPE_MIN_VND = 1_000_000
    rice, _honey = two_producer_shop()
    checkout_until_review(client, [(rice, 1)], method="cod")
    page = client.get(reverse("checkout:payment-method"))
    assert [c[0] for c in page.context["form"].fields["method"].choices] == ["cod"]


def test_negative_quantity_is_refused_and_changes_nothing(client, stripe_settings):
    rice, _honey = two_producer_shop()
    from checkout.tests.factories import add_to_basket

    add_to_basket(client, rice, 2)
    basket = Basket.objects.get()
    line = basket.all_lines()[0]
    response = client.post(
        reverse("basket:summary"),
        {
            "form-TOTAL_FORMS": 1,
            "form-INITIAL_FORMS": 1,
            "form-MIN_NUM_FORMS": 0,
            "form-MAX_NUM_FORMS": 1000,
            "form-0-id": line.pk,
            "form-0-quantity": -3,
        },
    )
    assert response.status_code in (200, 302)
    line.refresh_from_db()
    assert line.quantity == 2
