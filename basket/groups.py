"""A basket seen as the parcels it becomes: one group per producer.

Each producer ships its own part of the order and charges its own delivery fee
(``shipping.methods``), and with cash on delivery each producer's courier collects that
part. Experiences (products that need no shipping) are booked with their producer too,
with no delivery fee; they are paid for where they take place when paid in cash.
The checkout's fulfilment groups (``order.placement.create_groups``) follow the same
split, so what the basket promises is what the order records.
"""

from dataclasses import dataclass, field
from decimal import Decimal as D

from django.conf import settings

from shipping.methods import producer_charge


@dataclass
class ProducerGroup:
    """One producer's part of the basket: its lines, delivery fee and amounts."""

    partner: object
    lines: list = field(default_factory=list)
    # The basket formset's form of each line, in the same order (only on the basket page).
    forms: list = field(default_factory=list)

    @property
    def shipping_lines(self):
        return [line for line in self.lines if line.product.is_shipping_required]

    @property
    def ships(self):
        """Whether a parcel leaves this producer (else only experiences are booked)."""
        return bool(self.shipping_lines)

    @property
    def subtotal(self):
        return sum((line_total(line) for line in self.lines), D("0"))

    @property
    def shipping_subtotal(self):
        return sum((line_total(line) for line in self.shipping_lines), D("0"))

    @property
    def delivery_fee(self):
        if not self.ships:
            return D("0")
        return producer_charge(self.shipping_subtotal)

    @property
    def free_delivery_gap(self):
        """How much more from this producer makes its delivery free (0: free already)."""
        if not self.delivery_fee:
            return D("0")
        return max(D(settings.SHIPPING_FREE_FROM) - self.shipping_subtotal, D("0"))

    @property
    def total(self):
        """What this producer is paid: with cash on delivery, what its courier collects."""
        return self.subtotal + self.delivery_fee

    @property
    def quantity(self):
        return sum(line.quantity for line in self.lines)

    @property
    def rows(self):
        """[(line, form)] for templates; the form is None outside the basket page."""
        forms = self.forms or [None] * len(self.lines)
        return list(zip(self.lines, forms, strict=True))


def line_total(line):
    return line.line_price_incl_tax_incl_discounts or D("0")


def _prime(lines):
    """Load the producers and product classes of ``lines`` in two queries, not per line."""
    from oscar.core.loading import get_model

    Partner = get_model("partner", "Partner")
    ProductClass = get_model("catalogue", "ProductClass")
    partners = Partner.objects.in_bulk(
        {line.stockrecord.partner_id for line in lines if line.stockrecord_id}
    )
    classes = ProductClass.objects.in_bulk(
        {line.product.product_class_id for line in lines if line.product.product_class_id}
    )
    for line in lines:
        if line.stockrecord_id:
            line.stockrecord.partner = partners[line.stockrecord.partner_id]
        if line.product.product_class_id:
            line.product.product_class = classes[line.product.product_class_id]


def producer_groups(lines, forms=None):
    """[ProducerGroup] of ``lines`` in the order their producers first appear.

    ``forms`` are the basket formset's forms (one per line, ``form.instance`` the line):
    each goes with its line so a group's rows keep their quantity inputs.
    """
    groups = {}
    if forms is not None:
        pairs = [(form.instance, form) for form in forms]
    else:
        pairs = [(line, None) for line in lines]
    _prime([line for line, _form in pairs])
    for line, form in pairs:
        partner = line.stockrecord.partner if line.stockrecord_id else None
        group = groups.setdefault(partner.pk if partner else None, ProducerGroup(partner))
        group.lines.append(line)
        if form is not None:
            group.forms.append(form)
    return list(groups.values())
