"""The shop's pricing and availability strategy: Oscar's default (first stock record,
stock required, no tax) with one more condition, that the product is for sale.

Every road to buying asks the strategy: the add-to-basket form (whatever URL or id it is
posted with), the basket's line forms, saved-for-later moves and the checkout's basket
check. Products the rule of ``catalogue.availability`` withholds are unavailable there.
"""

from oscar.apps.partner import strategy

from catalogue.availability import NotForSale, is_for_sale


class ForSaleRequired:
    """Availability mixin: a product that is not for sale cannot be bought at all."""

    def availability_policy(self, product, stockrecord):
        if not is_for_sale(product):
            return NotForSale()
        return super().availability_policy(product, stockrecord)


class Default(ForSaleRequired, strategy.Default):
    pass


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return Default(request)
