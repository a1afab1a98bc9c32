"""Moving a producer's part of an order along, and telling the shopper.

The seller area and Oscar's order dashboard both call :func:`update_fulfilment`, so a
status change is saved and announced in exactly one way, whoever makes it.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from oscar.core.loading import get_class, get_model

from .emails import send_to_shopper
from .status import sync_order_status

logger = logging.getLogger(__name__)

FulfilmentGroup = get_model("order", "FulfilmentGroup")
EventHandler = get_class("order.processing", "EventHandler")

Status = FulfilmentGroup.Status

# The steps a shopper waits for; "new" and "cancelled" are not announced from here.
ANNOUNCED = {Status.PACKED, Status.SHIPPED, Status.DELIVERED}
# Stock reserved at placement is still on the producer's shelf until the parcel leaves.
ON_SHELF = {Status.NEW, Status.PACKED}
LEFT_SHELF = {Status.SHIPPED, Status.DELIVERED}
EVENT_CODE = "DELIVERY_UPDATE"


class StepNotAllowed(ValueError):
    """The group cannot go to that status from where it is (see ``can_move_to``)."""


class AwaitingPayment(Exception):
    """The order's money has not arrived (a card capture being retried, a bank transfer
    awaited): its parcels do not leave. ``str()`` is the message for the producer."""


def payment_pending(order):
    """Whether ``order`` still waits for its money, as the payment providers say
    (``OCOP_PAYMENT_PENDING_CHECK``: ``order`` does not import ``payments``)."""
    check = getattr(settings, "OCOP_PAYMENT_PENDING_CHECK", "")
    return bool(check) and import_string(check)(order)


def update_fulfilment(group, status, carrier=None, tracking_number=None, request=None):
    """Save ``group``'s new status (and carrier details when given); ``(group, changed)``.

    The row is re-read under a lock: a double-tapped button or a second tab sees the
    status the first one saved, finds nothing changed and sends nothing. A step back
    raises :class:`StepNotAllowed` and changes nothing; so does a parcel leaving before
    its order is paid (:class:`AwaitingPayment`).
    """
    with transaction.atomic():
        current = (
            FulfilmentGroup.objects.select_for_update()
            .select_related("order", "partner")
            .get(pk=group.pk)
        )
        if not current.can_move_to(status):
            raise StepNotAllowed(status)
        if status in LEFT_SHELF and status != current.status and payment_pending(current.order):
            raise AwaitingPayment(
                _("Đơn %(number)s chưa được thanh toán: chưa giao hàng cho đến khi tiền về.")
                % {"number": current.order.number}
            )
        if carrier is not None:
            current.carrier = carrier.strip()
        if tracking_number is not None:
            current.tracking_number = tracking_number.strip()
        changed = current.status != status
        if changed:
            move_stock(current, current.status, status)
            current.set_status(status)
            sync_order_status(current.order)
        else:
            current.save(update_fields=["carrier", "tracking_number", "updated_at"])
        if changed and status in ANNOUNCED:
            transaction.on_commit(lambda: notify_shopper(current, request))
    return current, changed


def move_stock(group, previous, status):
    """Settle the stock reserved for ``group``'s lines when its parcel ships (the units
    leave the shelf) or is cancelled before shipping (the units go back on sale)."""
    if previous not in ON_SHELF:
        return
    if status in LEFT_SHELF:
        settle = EventHandler().consume_stock_allocations
    elif status == Status.CANCELLED:
        settle = EventHandler().cancel_stock_allocations
    else:
        return
    # Only the units still allocated: units refunded before shipping were settled then.
    lines = [
        line
        for line in group.order.lines.filter(partner=group.partner).select_related("stockrecord")
        if line.num_allocated and not line.allocation_cancelled
    ]
    if lines:
        settle(group.order, lines, [line.num_allocated for line in lines])


def notify_shopper(group, request=None):
    """Email the shopper that ``group`` moved on, in the order's language."""
    send_to_shopper(
        group.order,
        EVENT_CODE,
        {"group": group, "lines": group.order.lines.filter(partner=group.partner)},
    )
