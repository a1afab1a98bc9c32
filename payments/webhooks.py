"""Stripe's webhook: verified, recorded once, and reconciled into exactly one order."""

import logging

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .intents import finalise
from .models import PendingCheckout, StripeEvent

logger = logging.getLogger(__name__)

PAYMENT_AUTHORISED = ("payment_intent.amount_capturable_updated", "payment_intent.succeeded")


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

    # stripe 16 objects are not dicts: read attributes.
    obj = event.data.object
    is_intent = getattr(obj, "object", None) == "payment_intent"
    intent_id = str(getattr(obj, "id", "")) if is_intent else ""
    try:
        with transaction.atomic():
            record = StripeEvent.objects.create(
                event_id=event.id, type=event.type, payment_intent_id=intent_id
            )
    except IntegrityError:
        return HttpResponse("already handled")

    try:
        handle(event.type, intent_id)
    except Exception:
        # Forget the event so Stripe's retry handles it again.
        record.delete()
        logger.exception("Webhook %s (%s) failed", event.id, event.type)
        return HttpResponse("failed", status=500)
    return HttpResponse("ok")


def handle(event_type, intent_id):
    if not intent_id:
        return
    pending = PendingCheckout.objects.filter(payment_intent_id=intent_id).first()
    if pending is None:
        return
    if event_type in PAYMENT_AUTHORISED and pending.order_id is None:
        if pending.status == PendingCheckout.Status.OPEN:
            outcome = finalise(pending)
            logger.info("Webhook reconciled %s: %s", pending.order_number, outcome.error or "order")
    elif event_type == "payment_intent.payment_failed" and pending.order_id is None:
        PendingCheckout.objects.filter(pk=pending.pk).update(message="payment_failed")
