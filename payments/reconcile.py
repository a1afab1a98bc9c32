"""The sweep: finishes every card payment that the browser and the webhook left unfinished.

It reads what is unfinished from the database, so a lost task, a dead process or a
missed webhook is found again by the next run (``payments.tasks.sweep_payments``, on
the scheduler every few minutes; ``manage.py reconcile_payments`` runs it by hand):

- checkouts Stripe authorised that have no order yet (the browser never came back);
- placed card orders whose capture never ran (the process died after placing them);
- placed card orders waiting for payment whose next attempt is due (backoff), which are
  captured, or cancelled with their stock returned once the authorisation is gone.
"""

import logging
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from .intents import capture_order, finalise
from .models import OrderPayment, PendingCheckout

logger = logging.getLogger(__name__)

# Work younger than this is left to the request that is still doing it.
GRACE = timedelta(minutes=2)


def reconcile_open_checkouts(older_than=GRACE):
    """{order number: outcome} for the open card checkouts last touched before ``older_than``."""
    results = {}
    stale = PendingCheckout.objects.filter(
        status=PendingCheckout.Status.OPEN,
        method="card",
        order__isnull=True,
        updated_at__lte=timezone.now() - older_than,
    ).exclude(payment_intent_id="")
    for pending in stale:
        try:
            outcome = finalise(pending)
        except Exception:  # one bad checkout must not stop the others
            logger.exception("Sweep could not finish checkout %s", pending.order_number)
            continue
        results[pending.order_number] = outcome.order.number if outcome.order else outcome.error
    return results


def unfinished_captures(now=None, older_than=GRACE):
    """The placed card orders whose capture is due."""
    now = now or timezone.now()
    due = Q(next_attempt_at__lte=now) | Q(
        next_attempt_at__isnull=True, updated_at__lte=now - older_than
    )
    waiting = OrderPayment.objects.filter(due, status=OrderPayment.Status.PENDING, provider="card")
    orders = [payment.order for payment in waiting.select_related("order")]
    # Placed but never recorded: the process died between placing and capturing.
    never_started = PendingCheckout.objects.filter(
        status=PendingCheckout.Status.PLACED,
        method="card",
        order__isnull=False,
        order__payment__isnull=True,
        updated_at__lte=now - older_than,
    ).select_related("order")
    return orders + [pending.order for pending in never_started]


def retry_captures(now=None, older_than=GRACE):
    """{order number: "paid" | "pending" | "cancelled"} for each capture that was due."""
    results = {}
    for order in unfinished_captures(now, older_than):
        try:
            paid = capture_order(order, now=now)
        except Exception:
            logger.exception("Sweep could not capture order %s", order.number)
            continue
        status = OrderPayment.objects.get(order=order).status
        results[order.number] = "paid" if paid else status
    return results


def sweep(now=None, older_than=GRACE):
    return {
        "checkouts": reconcile_open_checkouts(older_than),
        "captures": retry_captures(now, older_than),
    }
