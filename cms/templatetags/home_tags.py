"""Template tags of the home page: its promotions, read live from the catalogue."""

from django import template

from cms import promotions

register = template.Library()


@register.simple_tag
def home_promotions(page):
    """``{% home_promotions page as promotions %}``: see ``cms.promotions.HomePromotions``."""
    return promotions.home_promotions(page)


@register.simple_tag
def featured_villages():
    """``{% featured_villages as villages %}``: live village pages for the home strip."""
    return promotions.featured_villages()


@register.simple_tag
def village_index():
    """``{% village_index as index %}``: the live list of villages, or None."""
    from villages.models import VillageIndexPage

    return VillageIndexPage.objects.live().first()


@register.simple_tag
def latest_news():
    """``{% latest_news as articles %}``: the newest live programme news."""
    return promotions.latest_news()
