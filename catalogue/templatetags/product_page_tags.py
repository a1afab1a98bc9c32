"""Template tags of the product page's buy box: delivery terms and the producer's page."""

from dataclasses import dataclass
from decimal import Decimal

from django import template
from django.conf import settings

from shipping.methods import producer_charge

register = template.Library()

# Days a parcel takes from a producer in Cần Thơ to the buyer: what the shop promises on
# the product page, not a courier's quote.
DELIVERY_DAYS = (2, 4)


@dataclass(frozen=True)
class DeliveryTerms:
    """What delivery of one unit of a product costs and how long it takes.

    ``fee`` is the delivery fee rule's charge for the producer's part of a basket holding
    only this product; ``free_from`` is the subtotal from which that part ships free."""

    ships: bool
    fee: Decimal
    free_from: Decimal
    min_days: int
    max_days: int


@register.simple_tag
def delivery_terms(product, price=None):
    """``{% delivery_terms product price as delivery %}``: see ``DeliveryTerms``."""
    subtotal = Decimal(price or 0)
    return DeliveryTerms(
        ships=product.is_shipping_required,
        fee=producer_charge(subtotal),
        free_from=Decimal(settings.SHIPPING_FREE_FROM),
        min_days=DELIVERY_DAYS[0],
        max_days=DELIVERY_DAYS[1],
    )


@register.simple_tag
def producer_page(partner):
    """``{% producer_page producer as page %}``: the producer's live profile, or None.

    One query; the product page links the producer's name to it."""
    if not partner:
        return None
    from profiles.models import ProducerPage

    return ProducerPage.objects.live().filter(partner=partner).first()
