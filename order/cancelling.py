"""Cancelling before shipping: a producer's group, or a whole order.

The reserved units go back on sale (the ``order.fulfilment`` cancel path); money already
taken for the group's share is refunded through the provider (recorded as a
cancellation refund), and when nothing was taken and nothing else is going, the
authorisation is voided (``provider.cancel``). The shopper gets one email in their
language. A group that has shipped cannot be cancelled: nothing changes.
"""

import uuid
from decimal import Decimal as D

from django.db import transaction
from django.db.models import F, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from .emails import send_to_shopper
from .fulfilment import ON_SHELF, move_stock
from .refunds import Refund, refund, refundable
from .status import sync_order_status

Order = get_model("order", "Order")
FulfilmentGroup = get_model("order", "FulfilmentGroup")
OrderNote = get_model("order", "OrderNote")
Status = FulfilmentGroup.Status

EVENT_CODE = "ORDER_CANCELLED"


class CannotCancel(Exception):
    """Nothing was cancelled; ``str()`` is the message for the person who asked."""


def paid(order):
    """What the shopper has paid and not been given back, in đồng (Oscar's sources)."""
    total = order.sources.aggregate(
        left=Coalesce(Sum(F("amount_debited") - F("amount_refunded")), D("0"))
    )["left"]
    return max(total, D("0"))


def cancel_group(group, *, provider, user=None):
    """Cancel ``group`` before it ships; returns it. Raises :class:`CannotCancel`."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=group.order_id)
        group = _cancel(order, group.pk, provider, user)
        record = _settle_money(order, [group], provider, user)
        transaction.on_commit(lambda: notify_cancelled(order, [group], record))
    return group


def cancel_order(order, *, provider, user=None):
    """Cancel every group of ``order`` still going, all or none; returns them."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        going = [g for g in order.fulfilment_groups.order_by("pk") if not g.is_closed]
        if not going:
            raise CannotCancel(_("Đơn này không còn phần nào để hủy."))
        groups = [_cancel(order, g.pk, provider, user) for g in going]
        record = _settle_money(order, groups, provider, user)
        transaction.on_commit(lambda: notify_cancelled(order, groups, record))
    return groups


def _cancel(order, group_id, provider, user):
    group = FulfilmentGroup.objects.select_for_update().select_related("partner").get(pk=group_id)
    if group.status not in ON_SHELF or group.is_closed:
        raise CannotCancel(
            _("Phần đơn của %(name)s đã gửi đi hoặc đã đóng, không thể hủy.")
            % {"name": group.partner.name}
        )
    move_stock(group, group.status, Status.CANCELLED)
    group.set_status(Status.CANCELLED)
    OrderNote.objects.create(
        order=order,
        user=user,
        note_type="System",
        message=_("Đã hủy phần đơn của %(name)s trước khi giao.") % {"name": group.partner.name},
    )
    return group


def _settle_money(order, groups, provider, user):
    """The cancellation refund (a :class:`Refund`), or ``None`` when no money had moved."""
    record = None
    if paid(order) > 0:
        # Money was taken: the groups' share (what is still refundable) goes back.
        ids = {g.pk for g in groups}
        left = [g for g in refundable(order) if g.group.pk in ids and g.amount > 0]
        if left:
            record = refund(
                order,
                uuid.uuid5(uuid.NAMESPACE_URL, f"cancel:{order.number}:{sorted(ids)}"),
                {x.line.pk: x.quantity for g in left for x in g.lines if x.quantity},
                {g.group.pk for g in left if g.fee > 0},
                provider=provider,
                user=user,
                reason=Refund.Reason.CANCEL,
            )
    sync_order_status(order)
    if paid(order) <= 0 and all(g.is_closed for g in order.fulfilment_groups.all()):
        provider.cancel(order, user=user)
    return record


def notify_cancelled(order, groups, record=None):
    send_to_shopper(order, EVENT_CODE, {"groups": groups, "refund": record})
