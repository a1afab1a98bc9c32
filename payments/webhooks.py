"""Stripe's webhook: verified, handled, and only then recorded, so a failure is redelivered.

An event is stored (``StripeEvent``) after its work succeeded; when the work fails
(Stripe unreachable, a database error) the answer is 500 and nothing is stored, so
Stripe delivers it again. Replays and concurrent deliveries do the work once: every
handler is idempotent under a row lock (the pending checkout, the order's payment, the
payment Source), and the event's unique id stores it once.
"""

import logging

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from . import state, stripe_api
from .intents import capture_order, finalise
from .models import PendingCheckout, StripeEvent
from .orders import cancel_unpaid

logger = logging.getLogger(__name__)

OrderNote = get_model("order", "OrderNote")

PAYMENT_AUTHORISED = ("payment_intent.amount_capturable_updated", "payment_intent.succeeded")


class RetryLater(Exception):
    """The event's work could not be done now; Stripe must deliver it again."""


@csrf_exempt
@require_POST
def stripe_webhook(request):
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        return HttpResponseBadRequest("webhook secret not configured")
    try:
        # The signature covers the raw bytes; the body must not be parsed first.
        event = stripe.Webhook.construct_event(
            request.body, request.META.get("HTTP_STRIPE_SIGNATURE", ""), secret
        )
    except (ValueError, stripe.SignatureVerificationError):
        return HttpResponseBadRequest("bad signature")

    if StripeEvent.objects.filter(event_id=event.id).exists():
        return HttpResponse("already handled")
    obj = event.data.object  # stripe 16 objects are not dicts: read attributes
    intent_id = intent_id_of(obj)
    try:
        handle(event.type, obj, intent_id)
    except Exception:
        logger.exception(
            "Webhook %s (%s) failed; Stripe will deliver it again", event.id, event.type
        )
        return HttpResponse("failed", status=500)
    try:
        with transaction.atomic():
            StripeEvent.objects.create(
                event_id=event.id, type=event.type, payment_intent_id=intent_id
            )
    except IntegrityError:
        # A concurrent delivery of the same event finished first; the work ran once.
        return HttpResponse("already handled")
    return HttpResponse("ok")


def intent_id_of(obj):
    kind = getattr(obj, "object", None)
    if kind == "payment_intent":
        return str(getattr(obj, "id", "") or "")
    if kind in ("charge", "dispute"):
        intent = getattr(obj, "payment_intent", None)
        return str(getattr(intent, "id", intent) or "")
    return ""


def handle(event_type, obj, intent_id):
    if event_type == "charge.dispute.created" and not intent_id:
        intent_id = _intent_of_charge(getattr(obj, "charge", ""))
    if not intent_id:
        return
    pending = PendingCheckout.objects.filter(payment_intent_id=intent_id).first()
    if pending is None:
        return  # not one of this shop's payments (or a test event): nothing to do
    order = pending.order
    if event_type in PAYMENT_AUTHORISED:
        if order is None and pending.status != PendingCheckout.Status.OPEN:
            return
        outcome = finalise(pending, strict=True)
        if outcome.order is not None and state.is_pending(outcome.order):
            raise RetryLater(f"{outcome.order.number} still waiting for its capture")
    elif event_type == "payment_intent.payment_failed":
        if order is None:
            PendingCheckout.objects.filter(pk=pending.pk).update(message="payment_failed")
    elif event_type == "payment_intent.canceled":
        if order is None:
            PendingCheckout.objects.filter(
                pk=pending.pk, status=PendingCheckout.Status.OPEN
            ).update(status=PendingCheckout.Status.FAILED, message="canceled")
        else:
            # Canceled at Stripe (by the bank, the dashboard, or lapsed): it will never be
            # captured. capture_order reads the intent again and cancels the unpaid order.
            capture_order(order, strict=True)
            if state.is_pending(order):
                cancel_unpaid(
                    order,
                    _("Thanh toán thẻ không thu được: khoản giữ tiền đã bị hủy tại Stripe."),
                )
    elif event_type == "charge.refunded" and order is not None:
        _record_refunds(order, obj)
    elif event_type == "charge.dispute.created" and order is not None:
        state.flag_dispute(
            order, str(getattr(obj, "id", "") or ""), str(getattr(obj, "reason", "") or "")
        )


def _record_refunds(order, charge):
    """Each refund of the charge appears on the order once (the shop's own are known)."""
    refunds = getattr(charge, "refunds", None)
    data = list(getattr(refunds, "data", None) or []) if refunds else []
    # A partial capture (a group cancelled while the capture waited) releases the rest of
    # the hold, which Stripe reports among the charge's refunds: it was never taken.
    captured = getattr(charge, "amount_captured", None)
    released = max(int(charge.amount) - int(captured), 0) if captured else 0
    if data:
        for refund in sorted(data, key=lambda r: getattr(r, "created", 0) or 0):
            if getattr(refund, "status", "succeeded") in ("failed", "canceled"):
                continue
            if released and int(refund.amount) == released:
                released = 0
                continue
            state.record_external_refund(order, int(refund.amount), str(refund.id))
        return
    # No refund list in the event: book what Stripe says was refunded and is not yet booked.
    source = order.sources.first()
    booked = int(source.amount_refunded) if source else 0
    total = int(getattr(charge, "amount_refunded", 0) or 0) - released
    if total > booked:
        state.record_external_refund(order, total - booked, f"{charge.id}:{total}")


def _intent_of_charge(charge_id):
    charge_id = str(getattr(charge_id, "id", charge_id) or "")
    if not charge_id:
        return ""
    try:
        charge = stripe_api.client().charges.retrieve(charge_id)
    except stripe.StripeError as error:
        raise RetryLater(f"charge {charge_id} not readable") from error
    intent = getattr(charge, "payment_intent", None)
    return str(getattr(intent, "id", intent) or "")
