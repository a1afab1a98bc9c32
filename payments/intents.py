"""Card payments as PaymentIntents: authorise, place the order, then capture.

Money is only taken (captured) once the order exists with its stock reserved; when the
stock is gone the authorisation is cancelled, so nobody pays for what they cannot get.
Every call that creates something at Stripe carries an idempotency key derived from the
pending checkout's key, so a retry after a timeout never charges twice.

Once the order exists the shopper has it, whatever Stripe does next: a capture that fails
leaves the order "waiting for payment" (``payments.state``), retried by the scheduled
sweep until captured, or cancelled with its stock returned when the authorisation is gone.
"""

import logging
import uuid
from decimal import Decimal as D

import stripe
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from order.placement import CannotPlace, place_order, whole_dong

from . import state, stripe_api
from .models import OrderPayment, PendingCheckout
from .orders import announce, cancel_unpaid
from .providers.base import Outcome

logger = logging.getLogger(__name__)

Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEvent = get_model("order", "PaymentEvent")
FulfilmentGroup = get_model("order", "FulfilmentGroup")

AUTHORISED = ("requires_capture", "succeeded")
# Stripe's answers that mean "try again later" rather than "no".
UNREACHABLE = (stripe.APIConnectionError, stripe.RateLimitError, stripe.APIError)
# An intent in these states will never be captured: the authorisation is gone.
GONE = ("canceled", "requires_payment_method")


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


def authentication_failed_message():
    return _(
        "Xác thực 3-D Secure không thành công nên ngân hàng chưa cho phép thanh toán. "
        "Bạn chưa bị trừ tiền; giỏ hàng và địa chỉ vẫn được giữ. Hãy thử lại, dùng thẻ "
        "khác hoặc chọn thanh toán khi nhận hàng."
    )


def hold_released_message():
    return _("Bạn chưa bị trừ tiền: khoản giữ tiền trên thẻ đã được hủy.")


def refused_message(intent):
    """Why ``intent`` was not authorised, as the shopper lived it."""
    error = getattr(intent, "last_payment_error", None) or {}
    code = error.get("code") if hasattr(error, "get") else getattr(error, "code", None)
    if code == "payment_intent_authentication_failure":
        return authentication_failed_message()
    return declined_message()


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
    except UNREACHABLE:
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


def finalise(pending, intent=None, request=None, strict=False):
    """Place the order for an authorised PaymentIntent, then try to capture it once.

    ``strict`` (the webhook) raises the Stripe error when Stripe cannot be reached before
    the order exists, so the event is delivered again; the browser gets a message instead.
    """
    pending = PendingCheckout.objects.get(pk=pending.pk)
    if pending.order_id:
        # Already placed (by the browser, the webhook or the sweep): finish its payment.
        order = pending.order
        capture_order(order, strict=strict)
        return Outcome(order=order)
    api = stripe_api.client()
    try:
        if intent is None:
            intent = api.payment_intents.retrieve(pending.payment_intent_id)
        if intent.status not in AUTHORISED:
            if intent.status == "requires_action":
                return Outcome(client_secret=intent.client_secret)
            return Outcome(error=refused_message(intent))
        try:
            order, _created = place_order(pending, request=request, notify=False)
        except CannotPlace as refusal:
            _release(api, pending, intent, str(refusal))
            return Outcome(error=f"{refusal} {hold_released_message()}")
    except UNREACHABLE:
        if strict:
            raise
        logger.warning("Stripe unreachable finishing %s", pending.order_number, exc_info=True)
        return Outcome(error=unreachable_message())
    # From here the order exists: whatever Stripe says, the shopper goes to it.
    record_authorisation(order, intent)
    capture_order(order, request=request, strict=strict)
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
def record_authorisation(order, intent):
    """The order's card Source (amount authorised) and its waiting-for-capture state."""
    source_type, _created = SourceType.objects.get_or_create(
        code="card", defaults={"name": "Stripe"}
    )
    Source.objects.get_or_create(
        order=order,
        source_type=source_type,
        reference=intent.id,
        defaults={"currency": order.currency, "amount_allocated": order.total_incl_tax},
    )
    state.opened(order, "card", OrderPayment.Status.PENDING, authorised_at=timezone.now())


def capturable(order):
    """Whole đồng to take for ``order``: its total less what its cancelled groups cost.

    A producer may cancel its part while the capture is still pending (retried): the
    shopper must then pay only for the parts still coming."""
    cancelled = list(order.fulfilment_groups.filter(status=FulfilmentGroup.Status.CANCELLED))
    partners = {group.partner_id for group in cancelled}
    dropped = sum(
        (line.line_price_incl_tax for line in order.lines.all() if line.partner_id in partners),
        D("0"),
    ) + sum((group.shipping_charge or D("0") for group in cancelled), D("0"))
    return max(whole_dong(order.total_incl_tax - dropped), 0)


@transaction.atomic
def record_card_payment(order, intent, amount=None):
    """The captured amount (``amount`` đồng, or the intent's) on the order's Source, once;
    recording twice changes nothing."""
    record_authorisation(order, intent)
    source = Source.objects.select_for_update().get(order=order, reference=intent.id)
    received = getattr(intent, "amount_received", None) or amount or capturable(order)
    received = D(received)
    if intent.status == "succeeded" and source.amount_debited < received:
        source.debit(received - source.amount_debited, reference=intent.id)
        event_type, _created = PaymentEventType.objects.get_or_create(
            code="settled", defaults={"name": _("Đã thu tiền")}
        )
        PaymentEvent.objects.create(
            order=order, amount=received, reference=intent.id, event_type=event_type
        )


def card_source(order):
    return order.sources.filter(source_type__code__in=("card", "stripe")).first()


def is_paid(order):
    source = card_source(order)
    return bool(source) and source.amount_debited > 0 and source.amount_debited >= capturable(order)


def _pending_of(order):
    return PendingCheckout.objects.filter(order=order).first()


def capture_order(order, request=None, strict=False, now=None):
    """Capture the authorised payment of a placed card order; True when it is now paid.

    The order's payment row is locked for the whole attempt, so the browser, the webhook
    and the sweep never capture at once. A failure is recorded with the time of the next
    attempt (backoff); an authorisation that is gone (canceled at Stripe, or older than
    the 7-day window) cancels the order with its stock returned. ``strict`` re-raises
    when Stripe cannot be reached, for the webhook to answer an error.
    """
    pending = _pending_of(order)
    if pending is None or not pending.payment_intent_id:
        return is_paid(order)
    state.opened(order, "card", OrderPayment.Status.PENDING, authorised_at=pending.updated_at)
    api = stripe_api.client()
    intent, paid, gone, unreachable = None, False, False, None
    amount = capturable(order)
    with transaction.atomic():
        payment = OrderPayment.objects.select_for_update().get(order=order)
        if payment.status == OrderPayment.Status.CANCELLED:
            return False
        if payment.status == OrderPayment.Status.PAID:
            paid = True
        else:
            try:
                intent = api.payment_intents.retrieve(pending.payment_intent_id)
                if intent.status == "requires_capture":
                    if state.authorisation_lapsed(payment, now):
                        gone = True
                        _void_quietly(api, pending, intent)
                    else:
                        # Only what the groups still going cost (never more than held).
                        capture = {"amount_to_capture": amount} if amount < intent.amount else {}
                        intent = api.payment_intents.capture(
                            intent.id,
                            params=capture,
                            options={"idempotency_key": _key(pending, "capture")},
                        )
            except UNREACHABLE as error:
                logger.warning("Capture of %s failed: %s", order.number, error)
                intent = None
                gone = state.authorisation_lapsed(payment, now)
                if not gone:
                    state.capture_failed(payment, error, now)
                    unreachable = error
            except stripe.StripeError as error:
                # Stripe said no (e.g. captured or canceled meanwhile): look again next time.
                logger.warning("Capture of %s refused: %s", order.number, error)
                intent = None
                state.capture_failed(payment, error, now)
            if intent is not None:
                paid = intent.status == "succeeded"
                gone = gone or intent.status in GONE
                if paid:
                    record_card_payment(order, intent, amount)
                    state.mark_paid(payment)
                elif not gone:
                    state.capture_failed(payment, f"status {intent.status}", now)
    if gone and not paid:
        cancel_unpaid(order, _("Thanh toán thẻ không thu được: khoản giữ tiền đã hết hiệu lực."))
        return False
    announce(order, request)
    if unreachable is not None and strict:
        raise unreachable
    return paid


def _void_quietly(api, pending, intent):
    try:
        api.payment_intents.cancel(intent.id, options={"idempotency_key": _key(pending, "cancel")})
    except stripe.StripeError:
        # Past the window Stripe lets the hold go by itself; nothing is lost by failing.
        logger.warning("Could not void the lapsed authorisation %s", intent.id, exc_info=True)


def void(order):
    """Cancel the authorisation of ``order`` when nothing has been captured."""
    pending = _pending_of(order)
    if pending is None or not pending.payment_intent_id:
        return
    api = stripe_api.client()
    try:
        intent = api.payment_intents.retrieve(pending.payment_intent_id)
        if intent.status == "requires_capture":
            api.payment_intents.cancel(
                intent.id, options={"idempotency_key": _key(pending, "cancel")}
            )
    except stripe.StripeError as error:
        from .providers.base import PaymentError

        raise PaymentError(_("Không hủy được khoản giữ tiền trên thẻ, hãy thử lại sau.")) from error
