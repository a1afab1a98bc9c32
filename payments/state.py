"""Where each placed order's money stands: authorised, captured, refunded, still to collect.

The amounts come from Oscar's payment Source of the order (allocated = authorised,
debited = captured, refunded) and its refund PaymentEvents; the status that the Source
cannot say (waiting for money, cancelled, disputed) from ``OrderPayment``. Pages read
:func:`summary`; providers, the webhook and the scheduled sweep change the state only
through the functions here.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal as D

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from .models import OrderPayment

logger = logging.getLogger(__name__)

Source = get_model("payment", "Source")
Transaction = get_model("payment", "Transaction")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")
OrderNote = get_model("order", "OrderNote")
FulfilmentGroup = get_model("order", "FulfilmentGroup")
RefundLine = get_model("order", "RefundLine")

Status = OrderPayment.Status
ZERO = D("0")
REFUNDED = "refunded"


@dataclass(frozen=True)
class GroupAmounts:
    """One producer's part of an order, in đồng."""

    group: object  # order.FulfilmentGroup
    due: D  # its lines (incl. tax) and its delivery fee
    authorised: D
    captured: D
    refunded: D
    to_collect: D  # still to be paid (card: capture pending; cash: at delivery)
    payment_pending: bool  # waiting for the shopper's money: not ready to ship


@dataclass(frozen=True)
class Summary:
    status: str  # OrderPayment.Status value
    label: str  # translated status, e.g. "Chờ thanh toán"
    provider: str  # provider code
    authorised: D
    captured: D
    refunded: D
    to_collect: D
    disputed: bool
    groups: list = field(default_factory=list)  # [GroupAmounts], one per producer


# Reading


def _source(order):
    return order.sources.select_related("source_type").first()


def payment_of(order):
    """The ``OrderPayment`` of ``order``, made from its Source for orders placed earlier."""
    payment = OrderPayment.objects.filter(order=order).first()
    if payment is not None:
        return payment
    source = _source(order)
    provider = source.source_type.code if source else ""
    if provider == "stripe":
        provider = "card"
    if source and source.amount_debited >= order.total_incl_tax:
        status = Status.PAID
    elif provider == "card":
        status = Status.PENDING
    else:
        status = Status.ON_DELIVERY
    payment, _created = OrderPayment.objects.get_or_create(
        order=order, defaults={"provider": provider, "status": status}
    )
    return payment


def is_pending(order):
    """The order waits for the shopper's money: producers must not ship it yet."""
    payment = OrderPayment.objects.filter(order=order).only("status").first()
    return payment is not None and payment.status == Status.PENDING


def pending_filter(order_path="order"):
    """A queryset condition: the order at ``order_path`` still waits for its money. For
    lists, which annotate it rather than ask :func:`is_pending` once a row."""
    return Exists(OrderPayment.objects.filter(order=OuterRef(order_path), status=Status.PENDING))


def summary(order):
    """A :class:`Summary` of ``order``'s money, with its amounts per producer group."""
    payment = payment_of(order)
    source = _source(order)
    authorised = source.amount_allocated if source else ZERO
    captured = source.amount_debited if source else ZERO
    refunded = source.amount_refunded if source else ZERO
    pending = payment.status == Status.PENDING
    if payment.status == Status.CANCELLED:
        authorised = captured if captured else ZERO
    groups = list(order.fulfilment_groups.select_related("partner"))
    lines = list(order.lines.all())
    by_line = _refunds_by_line(order)
    # The shop's own refunds (order.refunds) say which group each đồng came from: lines
    # and delivery fees.
    by_group = _refunds_by_group(order)
    unassigned = refunded - sum(by_line.values(), ZERO) - sum(by_group.values(), ZERO)
    rows = []
    left_authorised, left_captured = authorised, captured
    for group in groups:
        own = [line for line in lines if line.partner_id == group.partner_id]
        due = sum((line.line_price_incl_tax for line in own), ZERO) + (
            group.shipping_charge or ZERO
        )
        if payment.status == Status.ON_DELIVERY:
            # The courier collects at the door: the group's money is in once delivered.
            group_captured = due if group.status == FulfilmentGroup.Status.DELIVERED else ZERO
            group_authorised = ZERO
        else:
            group_authorised = min(due, left_authorised)
            group_captured = min(due, left_captured)
            left_authorised -= group_authorised
            left_captured -= group_captured
        group_refunded = by_group.get(group.pk, ZERO) + sum(
            (by_line.get(line.pk, ZERO) for line in own), ZERO
        )
        # Refunds not tied to lines (made in Stripe's dashboard, whole-order) fill the
        # groups in order, each up to what it paid.
        extra = min(unassigned, max(group_captured - group_refunded, ZERO))
        unassigned -= extra
        group_refunded += extra
        cancelled = group.status == FulfilmentGroup.Status.CANCELLED
        to_collect = ZERO
        if not cancelled and payment.status in (Status.PENDING, Status.ON_DELIVERY):
            to_collect = max(due - group_captured, ZERO)
        rows.append(
            GroupAmounts(
                group=group,
                due=due,
                authorised=group_authorised,
                captured=group_captured,
                refunded=group_refunded,
                to_collect=to_collect,
                payment_pending=pending and not cancelled,
            )
        )
    return Summary(
        status=payment.status,
        label=str(payment.get_status_display()),
        provider=payment.provider,
        authorised=authorised,
        captured=sum((row.captured for row in rows), ZERO)
        if payment.status == Status.ON_DELIVERY
        else captured,
        refunded=refunded,
        to_collect=sum((row.to_collect for row in rows), ZERO),
        disputed=payment.disputed_at is not None,
        groups=rows,
    )


def _refunds_by_group(order):
    """{group id: đồng refunded} from the shop's refund records (lines and delivery fees)."""
    rows = (
        RefundLine.objects.filter(refund__order=order)
        .values("group_id")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return {row["group_id"]: row["total"] for row in rows}


def _refunds_by_line(order):
    """{line id: đồng refunded} from refund events that name their lines."""
    amounts = {}
    events = PaymentEvent.objects.filter(order=order, event_type__code=REFUNDED).prefetch_related(
        "line_quantities__line"
    )
    for event in events:
        quantities = list(event.line_quantities.all())
        if not quantities:
            continue
        for quantity in quantities:
            line = quantity.line
            unit = line.line_price_incl_tax / line.quantity if line.quantity else ZERO
            amounts[line.pk] = amounts.get(line.pk, ZERO) + unit * quantity.quantity
    return amounts


# Changing


def opened(order, provider, status, authorised_at=None):
    """Record that ``order`` was placed with ``provider`` and where its money stands."""
    payment, created = OrderPayment.objects.get_or_create(
        order=order,
        defaults={"provider": provider, "status": status, "authorised_at": authorised_at},
    )
    return payment


def backoff(attempts):
    """Minutes before the next capture attempt: 1, 2, 4 … at most an hour."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


def capture_failed(payment, error, now=None):
    now = now or timezone.now()
    payment.attempts += 1
    payment.next_attempt_at = now + backoff(payment.attempts)
    payment.last_error = str(error)[:255]
    payment.status = Status.PENDING
    payment.save(
        update_fields=["attempts", "next_attempt_at", "last_error", "status", "updated_at"]
    )


def mark_paid(payment):
    payment.status = Status.PAID
    payment.next_attempt_at = None
    payment.last_error = ""
    payment.save(update_fields=["status", "next_attempt_at", "last_error", "updated_at"])


def mark_cancelled(payment, reason):
    payment.status = Status.CANCELLED
    payment.next_attempt_at = None
    payment.last_error = str(reason)[:255]
    payment.save(update_fields=["status", "next_attempt_at", "last_error", "updated_at"])


def authorisation_lapsed(payment, now=None):
    """Stripe keeps an uncaptured authorisation for 7 days; after that it is gone."""
    if payment.authorised_at is None:
        payment_start = payment.created_at
    else:
        payment_start = payment.authorised_at
    window = timedelta(days=settings.OCOP_CARD_AUTHORISATION_DAYS)
    return (now or timezone.now()) >= payment_start + window


def _format(amount):
    return currency(amount)


@transaction.atomic
def record_refund(order, amount, reference, note, user=None, lines=None):
    """Book ``amount`` đồng given back on ``order`` once per ``reference``.

    The order's payment Source is locked, so a refund recorded by the dashboard and the
    same refund arriving by webhook are booked once. ``lines`` is an optional
    ``{line: quantity}`` saying what the refund was for. Returns True when booked now.
    """
    source = order.sources.select_for_update().first()
    if source is None:
        return False
    if PaymentEvent.objects.filter(order=order, reference=reference).exists():
        return False
    if Transaction.objects.filter(source=source, txn_type="Refund", reference=reference).exists():
        return False
    amount = D(amount).quantize(D("1"))
    source.refund(amount, reference=reference)
    event_type, _created = PaymentEventType.objects.get_or_create(
        code=REFUNDED, defaults={"name": _("Đã hoàn tiền")}
    )
    event = PaymentEvent.objects.create(
        order=order, amount=amount, reference=reference, event_type=event_type
    )
    for line, quantity in (lines or {}).items():
        event.line_quantities.create(line=line, quantity=quantity)
    OrderNote.objects.create(order=order, user=user, note_type="System", message=note)
    return True


def record_external_refund(order, amount, reference):
    """A refund made outside the shop (in Stripe's dashboard) appears on the order once."""
    note = _("Hoàn tiền %(amount)s ngoài cửa hàng (Stripe, %(ref)s).") % {
        "amount": _format(amount),
        "ref": reference,
    }
    return record_refund(order, amount, reference, note)


@transaction.atomic
def flag_dispute(order, reference, reason=""):
    """The shopper disputed the payment with their bank: flag the order for officers once."""
    payment = OrderPayment.objects.select_for_update().get(pk=payment_of(order).pk)
    if payment.disputed_at is not None:
        return False
    payment.disputed_at = timezone.now()
    payment.save(update_fields=["disputed_at", "updated_at"])
    OrderNote.objects.create(
        order=order,
        note_type="System",
        message=_(
            "Người mua khiếu nại thanh toán với ngân hàng (%(ref)s%(reason)s). Cần cán bộ xử lý."
        )
        % {"ref": reference, "reason": f", {reason}" if reason else ""},
    )
    return True
