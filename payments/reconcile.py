"""A sweep for payments whose browser and webhook both went missing.

Stripe retries webhooks for days, but localstripe sends none for an authorised manual
capture and a real endpoint can be down; ``manage.py reconcile_payments`` (run it every
few minutes) asks Stripe about every open card checkout and finishes those authorised.
"""

from datetime import timedelta

from django.utils import timezone

from .intents import finalise
from .models import PendingCheckout


def reconcile_open_checkouts(older_than=timedelta(minutes=2)):
    """{order number: outcome} for the open card checkouts last touched before ``older_than``."""
    results = {}
    stale = PendingCheckout.objects.filter(
        status=PendingCheckout.Status.OPEN,
        method="card",
        order__isnull=True,
        updated_at__lte=timezone.now() - older_than,
    ).exclude(payment_intent_id="")
    for pending in stale:
        outcome = finalise(pending)
        results[pending.order_number] = outcome.order.number if outcome.order else outcome.error
    return results
