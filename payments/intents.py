"""Card payments as PaymentIntents: authorise, place the order, then capture.

Money is only taken (captured) once the order exists with its stock reserved; when the
stock is gone the authorisation is cancelled, so nobody pays for what they cannot get.
Every call that creates something at Stripe carries an idempotency key derived from the
pending checkout's key, so a retry after a timeout never charges twice.
"""

import logging
import uuid

import stripe
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from order.placement import CannotPlace, place_order

from . import stripe_api
from .models import PendingCheckout
from .providers.base import Outcome

logger = logging.getLogger(__name__)

Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEvent = get_model("order", "PaymentEvent")

AUTHORISED = ("requires_capture", "succeeded")


def unreachable_message():
    return _(
        "Không kết nối được với cổng thanh toán. Bạn chưa bị trừ tiền; thông tin đơn hàng "
        "vẫn được giữ, vui lòng thử lại sau ít phút hoặc chọn thanh toán khi nhận hàng."
    )


def declined_message():
    return _(
        "Thẻ bị từ chối. Bạn chưa bị trừ tiền; giỏ hàng và địa chỉ vẫn được giữ. "
        "Hãy thử thẻ khác hoặc chọn thanh toán khi nhận hàng."
    )


def _key(pending, step):
    return f"{pending.idempotency_key}:{step}"


def authorise(pending, payment_method_id, request=None):
    """Create and confirm the PaymentIntent for ``pending`` with the shopper's card."""
    api = stripe_api.client()
    try:
        if pending.payment_intent_id:
            intent = api.payment_intents.retrieve(pending.payment_intent_id)
            if intent.status in AUTHORISED or intent.status == "requires_action":
                return _after_confirm(pending, intent, request)
            _start_new_attempt(pending, intent)
        intent = api.payment_intents.create(
            params={
                "amount": pending.amount,
                "currency": "vnd",
                "capture_method": "manual",
                "payment_method": payment_method_id,
                "metadata": {"pending_checkout": str(pending.pk), "order": pending.order_number},
            },
            options={"idempotency_key": _key(pending, "create")},
        )
        PendingCheckout.objects.filter(pk=pending.pk).update(payment_intent_id=intent.id)
        pending.payment_intent_id = intent.id
        if intent.status == "requires_confirmation":
            intent = api.payment_intents.confirm(
                intent.id, options={"idempotency_key": _key(pending, "confirm")}
            )
    except stripe.CardError as error:
        logger.info("Card declined for %s: %s", pending.order_number, error.code)
        _start_new_attempt(pending, None)
        return Outcome(error=declined_message())
    except (stripe.APIConnectionError, stripe.RateLimitError, stripe.APIError):
        logger.warning("Stripe unreachable for %s", pending.order_number, exc_info=True)
        return Outcome(error=unreachable_message())
    except stripe.StripeError:
        logger.exception("Stripe refused the payment of %s", pending.order_number)
        _start_new_attempt(pending, None)
        return Outcome(error=declined_message())
    return _after_confirm(pending, intent, request)


def _start_new_attempt(pending, intent):
    """A declined attempt is over: the next one gets a new key and a new PaymentIntent."""
    pending.idempotency_key = uuid.uuid4()
    pending.payment_intent_id = ""
    pending.save(update_fields=["idempotency_key", "payment_intent_id", "updated_at"])


def _after_confirm(pending, intent, request):
    if intent.status == "requires_action":
        return Outcome(client_secret=intent.client_secret)
    if intent.status in AUTHORISED:
        return finalise(pending, intent, request)
    return Outcome(error=declined_message())


def finalise(pending, intent=None, request=None):
    """Place the order for an authorised PaymentIntent, then capture it (exactly once)."""
    api = stripe_api.client()
    try:
        if intent is None:
            intent = api.payment_intents.retrieve(pending.payment_intent_id)
        if intent.status not in AUTHORISED:
            if intent.status == "requires_action":
                return Outcome(client_secret=intent.client_secret)
            return Outcome(error=declined_message())
        try:
            order, _created = place_order(pending, request=request)
        except CannotPlace as refusal:
            _release(api, pending, intent, str(refusal))
            return Outcome(error=str(refusal))
        if intent.status == "requires_capture":
            intent = api.payment_intents.capture(
                intent.id, options={"idempotency_key": _key(pending, "capture")}
            )
    except (stripe.APIConnectionError, stripe.RateLimitError, stripe.APIError):
        logger.warning("Stripe unreachable finishing %s", pending.order_number, exc_info=True)
        return Outcome(error=unreachable_message())
    record_card_payment(order, intent)
    return Outcome(order=order)


def _release(api, pending, intent, message):
    """Nothing is sold: give the money back (cancel the hold, or refund a capture)."""
    if intent.status == "requires_capture":
        api.payment_intents.cancel(intent.id, options={"idempotency_key": _key(pending, "cancel")})
    elif intent.status == "succeeded":
        api.refunds.create(
            params={"payment_intent": intent.id},
            options={"idempotency_key": _key(pending, "refund")},
        )
    PendingCheckout.objects.filter(pk=pending.pk, order__isnull=True).update(
        status=PendingCheckout.Status.CANCELLED, message=message[:255]
    )


@transaction.atomic
def record_card_payment(order, intent):
    """The payment source and events on the order; recording twice changes nothing."""
    source_type, _created = SourceType.objects.get_or_create(
        code="card", defaults={"name": "Stripe"}
    )
    source, created = Source.objects.select_for_update().get_or_create(
        order=order,
        source_type=source_type,
        reference=intent.id,
        defaults={"currency": order.currency, "amount_allocated": order.total_incl_tax},
    )
    if intent.status == "succeeded" and source.amount_debited < order.total_incl_tax:
        source.debit(order.total_incl_tax - source.amount_debited, reference=intent.id)
        event_type, _created = PaymentEventType.objects.get_or_create(
            code="settled", defaults={"name": _("Đã thu tiền")}
        )
        PaymentEvent.objects.create(
            order=order, amount=order.total_incl_tax, reference=intent.id, event_type=event_type
        )


def card_source(order):
    return order.sources.filter(source_type__code__in=("card", "stripe")).first()


def is_paid(order):
    source = card_source(order)
    return bool(source) and source.amount_debited >= order.total_incl_tax


def capture_order(order):
    """Capture the authorised payment of a placed order; True when it is now paid."""
    pending = PendingCheckout.objects.filter(order=order).first()
    if pending is None or not pending.payment_intent_id:
        return is_paid(order)
    api = stripe_api.client()
    intent = api.payment_intents.retrieve(pending.payment_intent_id)
    if intent.status == "requires_capture":
        intent = api.payment_intents.capture(
            intent.id, options={"idempotency_key": _key(pending, "capture")}
        )
    record_card_payment(order, intent)
    return intent.status == "succeeded"


def void(order):
    """Cancel the authorisation of ``order`` when nothing has been captured."""
    pending = PendingCheckout.objects.filter(order=order).first()
    if pending is None or not pending.payment_intent_id:
        return
    api = stripe_api.client()
    intent = api.payment_intents.retrieve(pending.payment_intent_id)
    if intent.status == "requires_capture":
        api.payment_intents.cancel(intent.id, options={"idempotency_key": _key(pending, "cancel")})
