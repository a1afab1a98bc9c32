"""The order's status, which follows its producers' groups (``order.FulfilmentGroup``).

Nobody sets an order's status by hand: every change to a group calls
:func:`sync_order_status`, which derives it in one place. The values are Vietnamese
display strings (as Oscar expects statuses to be), translated where they are shown.
"""

from django.db import transaction
from django.utils.translation import gettext_noop
from oscar.core.loading import get_model

NEW = gettext_noop("Mới")
PACKED = gettext_noop("Đã đóng gói")
SHIPPING = gettext_noop("Đang giao")
DELIVERED = gettext_noop("Đã giao")
CANCELLED = gettext_noop("Đã hủy")
REFUNDED = gettext_noop("Đã hoàn tiền")

# The order can only move forward: the status is the least advanced group still going,
# and groups only move forward or close (cancelled / fully refunded). Oscar reads the
# same pipeline from settings.OSCAR_ORDER_STATUS_PIPELINE (a test holds them equal).
PIPELINE = {
    NEW: [PACKED, SHIPPING, DELIVERED, CANCELLED, REFUNDED],
    PACKED: [SHIPPING, DELIVERED, CANCELLED, REFUNDED],
    SHIPPING: [DELIVERED, REFUNDED],
    DELIVERED: [REFUNDED],
    CANCELLED: [],
    REFUNDED: [],
}

_PROGRESS = {"new": NEW, "packed": PACKED, "shipped": SHIPPING, "delivered": DELIVERED}
_ORDER = [NEW, PACKED, SHIPPING, DELIVERED]


def order_status(groups):
    """The status of an order whose producers' groups are ``groups``."""
    groups = list(groups)
    going = [g for g in groups if not g.is_closed]
    if going:
        return min((_PROGRESS[g.status] for g in going), key=_ORDER.index)
    if groups and all(g.status == "cancelled" for g in groups):
        return CANCELLED
    return REFUNDED if groups else NEW


def sync_order_status(order):
    """Save ``order``'s derived status (with Oscar's status-change record); the new status."""
    Order = get_model("order", "Order")
    # The order row is locked so two producers' updates at once still leave the status
    # the last of them derives from both.
    with transaction.atomic():
        current = Order.objects.select_for_update().get(pk=order.pk)
        status = order_status(current.fulfilment_groups.all())
        if status != current.status:
            if current.status:
                current.status_changes.create(old_status=current.status, new_status=status)
            Order.objects.filter(pk=order.pk).update(status=status)
    order.status = status
    return status
