"""Refunds by line: what each line and delivery fee can still give back, and giving it.

An officer (or staff member) chooses lines, quantities and groups' delivery fees; the
dashboard view only calls :func:`refund`. The order row is locked while what remains
refundable is read and the refund is written, and the form's one-time ``key`` is unique,
so a reloaded page, a second tab or a double tap refunds at most once. Money moves
through the order's payment provider (``provider.refund``), which the caller passes in:
the order app does not import the payments app.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP
from decimal import Decimal as D

from django.db import transaction
from django.db.models import F, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from pagecache import tags as page_tags

from .emails import send_to_shopper
from .status import sync_order_status

Order = get_model("order", "Order")
Line = get_model("order", "Line")
FulfilmentGroup = get_model("order", "FulfilmentGroup")
Refund = get_model("order", "Refund")
RefundLine = get_model("order", "RefundLine")
StockRecord = get_model("partner", "StockRecord")
OrderNote = get_model("order", "OrderNote")

EVENT_CODE = "ORDER_REFUNDED"
ON_SHELF = {"new", "packed"}


class RefundRefused(Exception):
    """Nothing was refunded; ``str()`` is the message for the person who asked."""


class AlreadyRefunded(RefundRefused):
    """This form's refund was taken before (a resubmitted, reloaded or second request)."""


def dong(amount):
    return D(amount).quantize(D("1"), rounding=ROUND_HALF_UP)


def vnd(amount):
    return currency(dong(amount))


@dataclass
class LineLeft:
    line: "Line"
    quantity: int  # units not yet refunded
    amount: D  # what those units can still give back

    def amount_for(self, quantity):
        """The last units take what is left, so a line never gives back a đồng too much."""
        if quantity >= self.quantity:
            return self.amount
        unit = D(self.line.line_price_incl_tax) / self.line.quantity
        return min(dong(unit * quantity), self.amount)


@dataclass
class GroupLeft:
    group: "FulfilmentGroup"
    lines: list = field(default_factory=list)
    fee: D = D("0")

    @property
    def amount(self):
        return sum((left.amount for left in self.lines), D("0")) + self.fee


def refunded_by_line(order):
    """{line id: (quantity, amount)} already refunded, and {group id: fee refunded}."""
    rows = (
        RefundLine.objects.filter(refund__order=order)
        .values("line_id", "group_id")
        .annotate(quantity=Coalesce(Sum("quantity"), 0), amount=Sum("amount"))
        .order_by()
    )
    lines, fees = {}, {}
    for row in rows:
        if row["line_id"] is None:
            fees[row["group_id"]] = fees.get(row["group_id"], D("0")) + row["amount"]
        else:
            lines[row["line_id"]] = (row["quantity"], row["amount"])
    return lines, fees


def refundable(order, partner=None):
    """[GroupLeft] of ``order`` (only ``partner``'s when given), in the groups' order."""
    done_lines, done_fees = refunded_by_line(order)
    groups = order.fulfilment_groups.select_related("partner")
    if partner is not None:
        groups = groups.filter(partner=partner)
    lines = list(order.lines.order_by("pk"))
    result = []
    for group in groups:
        left = GroupLeft(group, fee=dong(group.shipping_charge) - done_fees.get(group.pk, 0))
        for line in lines:
            if line.partner_id != group.partner_id:
                continue
            quantity, amount = done_lines.get(line.pk, (0, D("0")))
            left.lines.append(
                LineLeft(line, line.quantity - quantity, dong(line.line_price_incl_tax) - amount)
            )
        result.append(left)
    return result


def refund(
    order,
    key,
    quantities,
    fees=(),
    *,
    provider,
    restock=False,
    user=None,
    reason=Refund.Reason.REFUND,
):
    """Give back ``quantities`` ({line id: units}) and the delivery fees of groups ``fees``.

    Returns the :class:`Refund`. Raises :class:`AlreadyRefunded` when ``key`` was used
    before and :class:`RefundRefused` for anything that cannot be refunded (more units
    than are left, nothing chosen); the provider's ``PaymentError`` passes through.
    Whatever is raised, nothing changed.
    With ``restock`` the units go back on sale.
    """
    quantities = {int(pk): int(q) for pk, q in quantities.items() if int(q)}
    fees = {int(pk) for pk in fees}
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if Refund.objects.filter(key=key).exists():
            raise AlreadyRefunded(_("Lần hoàn tiền này đã được thực hiện trước đó."))
        parts = _parts(refundable(order), quantities, fees)
        total = sum((amount for _g, _l, _q, amount in parts), D("0"))
        if total <= 0:
            raise RefundRefused(_("Hãy chọn sản phẩm hoặc phí giao hàng cần hoàn."))
        # Inside the lock: a provider error rolls everything back, and a retry with the
        # same key is refused before reaching the provider a second time.
        reference = provider.refund(order, int(total), str(key), user=user)
        record = Refund.objects.create(
            order=order,
            key=key,
            reason=reason,
            amount=total,
            provider=getattr(provider, "code", ""),
            reference=reference or "",
            restocked=restock,
            user=user,
        )
        RefundLine.objects.bulk_create(
            RefundLine(refund=record, group=group, line=line, quantity=quantity, amount=amount)
            for group, line, quantity, amount in parts
        )
        for group, line, quantity, _amount in parts:
            if line is not None:
                settle_units(group, line, quantity, restock)
        groups = _update_states(order, {group.pk for group, *_rest in parts})
        sync_order_status(order)
        OrderNote.objects.create(
            order=order,
            user=user,
            note_type="System",
            message=_("Hoàn %(amount)s (%(ref)s).") % {"amount": vnd(total), "ref": reference},
        )
        if reason == Refund.Reason.REFUND:
            transaction.on_commit(lambda: notify_refund(order, record, groups))
    return record


def _parts(groups, quantities, fees):
    """[(group, line or None, quantity, amount)] asked for; refuses what is not left."""
    parts = []
    known = set()
    for left in groups:
        for line_left in left.lines:
            known.add(line_left.line.pk)
            wanted = quantities.get(line_left.line.pk, 0)
            if not wanted:
                continue
            if wanted < 0 or wanted > line_left.quantity:
                raise RefundRefused(
                    _("“%(title)s” chỉ còn %(left)s sản phẩm có thể hoàn.")
                    % {"title": line_left.line.title, "left": line_left.quantity}
                )
            parts.append((left.group, line_left.line, wanted, line_left.amount_for(wanted)))
        if left.group.pk in fees:
            if left.fee <= 0:
                raise RefundRefused(
                    _("Phí giao hàng của %(name)s đã được hoàn hoặc miễn phí.")
                    % {"name": left.group.partner.name}
                )
            parts.append((left.group, None, 0, left.fee))
    if set(quantities) - known or fees - {left.group.pk for left in groups}:
        raise RefundRefused(_("Sản phẩm đã chọn không thuộc đơn này."))
    return parts


def settle_units(group, line, quantity, restock):
    """Units refunded: back on sale with ``restock``, otherwise written off.

    Units still on the producer's shelf hold an allocation: it is released (back on sale)
    or consumed (written off). Units that left with the parcel come back into stock only
    when restocked. Stock is changed with expressions, never read-modify-write.
    """
    if line.stockrecord_id is None:
        return
    if group.status in ON_SHELF:
        quantity = min(quantity, line.num_allocated)
        if quantity and not line.allocation_cancelled:
            (line.cancel_allocation if restock else line.consume_allocation)(quantity)
    elif restock and group.status != "cancelled":
        StockRecord.objects.filter(pk=line.stockrecord_id).update(
            num_in_stock=Coalesce(F("num_in_stock"), 0) + quantity
        )
        page_tags.touch(page_tags.product(line.product_id))


def _update_states(order, group_ids):
    left = {g.group.pk: g for g in refundable(order)}
    groups = []
    for group in FulfilmentGroup.objects.filter(pk__in=group_ids).select_related("partner"):
        remaining = left[group.pk]
        nothing_left = remaining.amount <= 0 and all(x.quantity == 0 for x in remaining.lines)
        group.refund_state = "full" if nothing_left else "partly"
        group.save(update_fields=["refund_state", "updated_at"])
        groups.append(group)
    return groups


def notify_refund(order, record, groups):
    lines = list(record.lines.select_related("line", "group__partner"))
    send_to_shopper(order, EVENT_CODE, {"refund": record, "refund_lines": lines, "groups": groups})


def refunds_of(order, partner=None):
    """[(refund, its lines)] of ``order``, only ``partner``'s lines when given."""
    rows = RefundLine.objects.filter(refund__order=order).select_related("refund", "line", "group")
    if partner is not None:
        rows = rows.filter(group__partner=partner)
    by_refund = {}
    for row in rows.order_by("refund__created_at", "pk"):
        by_refund.setdefault(row.refund, []).append(row)
    return list(by_refund.items())
