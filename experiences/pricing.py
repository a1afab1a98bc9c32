"""What a booking costs: the one price rule, read by the basket, the checkout and the page.

Adults pay the adult price (the experience's stock record price, as listings show it),
children the child price (the adult price when none is set), or the whole group pays the
private-group price. Whole đồng, no tax on top (prices are quoted tax included).
"""

from decimal import Decimal as D


def adult_price(experience, stockrecord=None):
    record = stockrecord or experience.product.stockrecords.order_by("price").first()
    return D(record.price) if record is not None and record.price is not None else None


def child_price(experience, stockrecord=None):
    if experience.child_price is not None:
        return D(experience.child_price)
    return adult_price(experience, stockrecord)


def total(experience, adults, children, private_group=False, stockrecord=None):
    """The price of ``adults`` and ``children`` on ``experience`` (None without a price)."""
    if private_group and experience.private_group_price is not None:
        return D(experience.private_group_price)
    adult = adult_price(experience, stockrecord)
    if adult is None:
        return None
    return adult * adults + child_price(experience, stockrecord) * children


def booking_total(booking, stockrecord=None):
    return total(
        booking.slot.experience,
        booking.adults,
        booking.children,
        booking.private_group,
        stockrecord=stockrecord,
    )
