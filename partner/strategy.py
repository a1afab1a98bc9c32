"""The shop's pricing and availability strategy: Oscar's default (first stock record,
stock required, no tax) with one more condition, that the product is for sale.

Every road to buying asks the strategy: the add-to-basket form (whatever URL or id it is
posted with), the basket's line forms, saved-for-later moves and the checkout's basket
check. Products the rule of ``catalogue.availability`` withholds are unavailable there.
"""

from oscar.apps.partner import availability, prices, strategy
from oscar.apps.partner.strategy import PurchaseInfo

from catalogue.availability import NotForSale, is_for_sale
from catalogue.reference import EXPERIENCE
from pagecache import tags as page_tags


class ForSaleRequired:
    """Availability mixin: a product that is not for sale cannot be bought at all."""

    def availability_policy(self, product, stockrecord):
        if not is_for_sale(product):
            return NotForSale()
        return super().availability_policy(product, stockrecord)


class BookADate(availability.Unavailable):
    """An experience product is bought as a booking (date and people), never as a unit."""

    @property
    def message(self):
        from django.utils.translation import gettext as _

        return _("Chọn ngày và số người trên trang trải nghiệm để đặt chỗ.")


class BookingLine(availability.Base):
    """An experience line: exactly one booking, payable while its places can be held."""

    def __init__(self, problem):
        self.problem = problem

    @property
    def is_available_to_buy(self):
        return not self.problem

    def is_purchase_permitted(self, quantity):
        from django.utils.translation import gettext as _

        if self.problem:
            return False, self.problem
        if quantity != 1:
            return False, _("Đổi số người trên trang trải nghiệm, không đổi số lượng ở giỏ.")
        return True, ""

    @property
    def message(self):
        return self.problem


class ExperienceBookings:
    """Experience products are bought through bookings (``experiences.booking``): the
    product alone cannot be added, and a line carrying a booking is priced from it
    (adults, children or private group) and available while its places can be held."""

    def availability_policy(self, product, stockrecord):
        if stockrecord and product.get_product_class().slug == EXPERIENCE["slug"]:
            return BookADate()
        return super().availability_policy(product, stockrecord)

    def fetch_for_line(self, line, stockrecord=None):
        # Only lines with options can carry a booking: goods lines cost no query here.
        if not line.pk or not line.attributes.all():
            return super().fetch_for_line(line, stockrecord)
        from experiences import booking as bookings
        from experiences import pricing

        booking = bookings.line_bookings([line]).get(line.pk)
        if booking is None:
            return super().fetch_for_line(line, stockrecord)
        record = stockrecord or line.stockrecord
        total = pricing.booking_total(booking, stockrecord=record)
        if not is_for_sale(line.product):
            policy = NotForSale()
        else:
            policy = BookingLine(bookings.line_problem(booking))
        return PurchaseInfo(
            price=prices.FixedPrice(currency=record.price_currency, excl_tax=total, tax=0),
            availability=policy,
            stockrecord=record,
        )


class ShownOnPage:
    """Notes each product whose price and availability a page shows, so the page cache
    renders that page again when its stock or places change (``pagecache.tags``)."""

    def fetch_for_product(self, product, stockrecord=None):
        page_tags.depends_on(page_tags.product(product.pk))
        return super().fetch_for_product(product, stockrecord)

    def fetch_for_parent(self, product):
        page_tags.depends_on(page_tags.product(product.pk))
        return super().fetch_for_parent(product)


class Default(ShownOnPage, ExperienceBookings, ForSaleRequired, strategy.Default):
    pass


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return Default(request)
