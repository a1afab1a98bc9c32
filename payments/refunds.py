"""Refunds of card payments, full or partial, recorded on the order."""

from decimal import Decimal as D

import stripe
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from . import stripe_api

Source = get_model("payment", "Source")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEvent = get_model("order", "PaymentEvent")
OrderNote = get_model("order", "OrderNote")


class RefundRefused(Exception):
    """``str()`` is the message for the staff member."""


def refundable(order):
    source = order.sources.filter(source_type__code__in=("card", "stripe")).first()
    if source is None:
        return None, D("0")
    return source, source.amount_debited - source.amount_refunded


def refund(order, amount, key, user=None):
    """Refund ``amount`` đồng of ``order``'s card payment; ``key`` makes a resubmit harmless.

    Returns the refund's reference on the order (the same one for a resubmitted key)."""
    amount = D(amount).quantize(D("1"))
    reference = f"refund:{key}"
    with transaction.atomic():
        # The lock and the key recorded on the order make a resubmitted form a no-op even
        # where the API (localstripe) ignores idempotency keys.
        source = (
            order.sources.select_for_update()
            .filter(source_type__code__in=("card", "stripe"))
            .first()
        )
        if source is None:
            raise RefundRefused(_("Đơn này không thanh toán bằng thẻ."))
        done = PaymentEvent.objects.filter(order=order, reference=reference).first()
        if done is not None:
            return done.reference
        available = source.amount_debited - source.amount_refunded
        if amount <= 0 or amount > available:
            raise RefundRefused(
                _("Số tiền hoàn phải từ 1 ₫ đến %(max)s.") % {"max": currency(available)}
            )
        try:
            result = stripe_api.client().refunds.create(
                params={"payment_intent": source.reference, "amount": int(amount)},
                options={"idempotency_key": f"refund:{order.number}:{key}"},
            )
        except stripe.StripeError as error:
            raise RefundRefused(
                _("Stripe từ chối hoàn tiền: %(error)s")
                % {"error": error.user_message or error.code or ""}
            ) from error
        source.refund(amount, reference=result.id)
        event_type, _created = PaymentEventType.objects.get_or_create(
            code="refunded", defaults={"name": _("Đã hoàn tiền")}
        )
        PaymentEvent.objects.create(
            order=order, amount=amount, reference=reference, event_type=event_type
        )
        OrderNote.objects.create(
            order=order,
            user=user,
            note_type="System",
            message=_("Hoàn tiền %(amount)s qua Stripe (%(ref)s).")
            % {"amount": currency(amount), "ref": result.id},
        )
    return reference
