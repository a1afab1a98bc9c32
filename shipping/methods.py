"""Delivery charged per producer: each producer ships its own part of the basket."""

from collections import defaultdict
from decimal import Decimal as D

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import *  # noqa: F401,F403
from oscar.apps.shipping.methods import Base
from oscar.core import prices


def producer_subtotals(basket):
    """{partner: subtotal incl. tax} of the lines that ship (experiences do not)."""
    totals = defaultdict(lambda: D("0"))
    for line in basket.all_lines():
        if not line.product.is_shipping_required or line.stockrecord is None:
            continue
        totals[line.stockrecord.partner] += line.line_price_incl_tax_incl_discounts or D("0")
    return dict(totals)


def producer_charge(subtotal):
    """The delivery fee for one producer's part of the basket."""
    if subtotal >= D(settings.SHIPPING_FREE_FROM):
        return D("0")
    return D(settings.SHIPPING_FEE_PER_PRODUCER)


class PerProducerDelivery(Base):
    """A fee per producer shipment, free for a producer's part from a threshold."""

    code = "per-producer"

    # The rule itself is the name, so the basket's totals spell it out.
    description = ""

    @property
    def name(self):
        from oscar.templatetags.currency_filters import currency

        return _(
            "Phí giao hàng: %(fee)s mỗi cơ sở; miễn phí khi đơn của một cơ sở từ %(free)s."
        ) % {
            "fee": currency(settings.SHIPPING_FEE_PER_PRODUCER),
            "free": currency(settings.SHIPPING_FREE_FROM),
        }

    def charges_by_producer(self, basket):
        return {
            partner: producer_charge(subtotal)
            for partner, subtotal in producer_subtotals(basket).items()
        }

    def calculate(self, basket):
        total = sum(self.charges_by_producer(basket).values(), D("0"))
        # Delivery prices are quoted tax included, as every price in the shop.
        return prices.Price(currency=basket.currency, excl_tax=total, incl_tax=total)
