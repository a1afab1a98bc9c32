"""Moving a producer's part of an order along, and telling the shopper.

The seller area and Oscar's order dashboard both call :func:`update_fulfilment`, so a
status change is saved and announced in exactly one way, whoever makes it.
"""

import logging

from django.contrib.sites.models import Site
from django.db import transaction
from django.utils import translation
from oscar.core.loading import get_class, get_model

logger = logging.getLogger(__name__)

FulfilmentGroup = get_model("order", "FulfilmentGroup")
Dispatcher = get_class("communication.utils", "Dispatcher")
EventHandler = get_class("order.processing", "EventHandler")
OrderDispatcher = get_class("order.utils", "OrderDispatcher")

Status = FulfilmentGroup.Status

# The steps a shopper waits for; "new" and "cancelled" are not announced from here.
ANNOUNCED = {Status.PACKED, Status.SHIPPED, Status.DELIVERED}
# Stock reserved at placement is still on the producer's shelf until the parcel leaves.
ON_SHELF = {Status.NEW, Status.PACKED}
LEFT_SHELF = {Status.SHIPPED, Status.DELIVERED}
EVENT_CODE = "DELIVERY_UPDATE"


class StepNotAllowed(ValueError):
    """The group cannot go to that status from where it is (see ``can_move_to``)."""


def update_fulfilment(group, status, carrier=None, tracking_number=None, request=None):
    """Save ``group``'s new status (and carrier details when given); ``(group, changed)``.

    The row is re-read under a lock: a double-tapped button or a second tab sees the
    status the first one saved, finds nothing changed and sends nothing. A step back
    raises :class:`StepNotAllowed` and changes nothing.
    """
    with transaction.atomic():
        current = (
            FulfilmentGroup.objects.select_for_update()
            .select_related("order", "partner")
            .get(pk=group.pk)
        )
        if not current.can_move_to(status):
            raise StepNotAllowed(status)
        if carrier is not None:
            current.carrier = carrier.strip()
        if tracking_number is not None:
            current.tracking_number = tracking_number.strip()
        changed = current.status != status
        if changed:
            move_stock(current, current.status, status)
            current.set_status(status)
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
    lines = list(group.order.lines.filter(partner=group.partner).select_related("stockrecord"))
    if lines:
        settle(group.order, lines, [line.quantity for line in lines])


def notify_shopper(group, request=None):
    """Email the shopper that ``group`` moved on, in the order's language."""
    from .emails import shopper_language, status_path

    order = group.order
    with translation.override(shopper_language(order)):
        path = status_path(order)
        site = Site.objects.get_current(request)
        context = {
            "order": order,
            "group": group,
            "lines": order.lines.filter(partner=group.partner),
            "status_url": f"https://{site.domain}{path}" if path else "",
        }
        try:
            messages = Dispatcher().get_messages(EVENT_CODE, context)
            OrderDispatcher(logger=logger).dispatch_order_messages(order, messages, EVENT_CODE)
        except Exception:  # a lost email must not undo the producer's update
            logger.exception("Delivery update for %s not sent", order.number)
