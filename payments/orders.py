"""What a placed order's payment does to the order: who is told, and when it is cancelled.

Card orders are announced after the first capture attempt, so the confirmation says
whether the money is in; producers hear of an order only once it is paid (or paid on
delivery), so nobody packs a parcel whose payment may never come. An order whose money
will never come (the authorisation is gone) is cancelled with its stock put back, and
the shopper is told so in the language they ordered in.
"""

import logging

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from oscar.core.loading import get_model

from order.emails import notify_producers, order_placed, shopper_language
from order.fulfilment import update_fulfilment

from . import state
from .models import OrderPayment

logger = logging.getLogger(__name__)

OrderNote = get_model("order", "OrderNote")
FulfilmentGroup = get_model("order", "FulfilmentGroup")


def announce(order, request=None):
    """Send what has not been sent yet: the shopper's confirmation, then the producers'."""
    with transaction.atomic():
        payment = OrderPayment.objects.select_for_update().get(pk=state.payment_of(order).pk)
        tell_shopper = payment.shopper_notified_at is None
        tell_producers = payment.producers_notified_at is None and payment.status in (
            OrderPayment.Status.PAID,
            OrderPayment.Status.ON_DELIVERY,
        )
        now = timezone.now()
        if tell_shopper:
            payment.shopper_notified_at = now
        if tell_producers:
            payment.producers_notified_at = now
        payment.save(update_fields=["shopper_notified_at", "producers_notified_at", "updated_at"])
    # Sent after the commit: a crash in between loses an email, never sends one twice.
    if tell_shopper:
        order_placed(order, shopper_language(order), request, producers=False)
    if tell_producers:
        notify_producers(order)


def cancel_unpaid(order, reason):
    """Cancel ``order`` whose payment will never come: stock back, shopper told. Once."""
    with transaction.atomic():
        payment = OrderPayment.objects.select_for_update().get(pk=state.payment_of(order).pk)
        if payment.status in (OrderPayment.Status.CANCELLED, OrderPayment.Status.PAID):
            return False
        state.mark_cancelled(payment, reason)
        for group in order.fulfilment_groups.all():
            if group.can_move_to(FulfilmentGroup.Status.CANCELLED):
                # The fulfilment's own path: the reserved stock goes back on sale.
                update_fulfilment(group, FulfilmentGroup.Status.CANCELLED)
        OrderNote.objects.create(order=order, note_type="System", message=str(reason)[:1000])
        transaction.on_commit(lambda: _tell_cancelled(order))
    return True


def _tell_cancelled(order):
    email = order.guest_email or (order.user.email if order.user_id else "")
    if not email:
        return
    with translation.override(shopper_language(order)):
        context = {"order": order}
        subject = render_to_string("payments/emails/unpaid_cancelled_subject.txt", context)
        body = render_to_string("payments/emails/unpaid_cancelled_body.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, None, [email])
    except Exception:  # the cancellation stands; the order page says the same
        logger.exception("Cancellation of unpaid order %s not sent", order.number)
