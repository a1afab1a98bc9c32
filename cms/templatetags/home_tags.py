"""Template tags of the home page: its promotions, read live from the catalogue."""

from django import template
from django.utils.functional import SimpleLazyObject

from cms import promotions

register = template.Library()


@register.simple_tag
def home_promotions(page):
    """``{% home_promotions page as promotions %}``: see ``cms.promotions.HomePromotions``."""
    return promotions.home_promotions(page)


@register.simple_tag
def home_lists():
    """``{% home_lists as lists %}``: the villages and news of the home page and their
    list pages (``lists.villages``, ``lists.villages_index``, ``lists.articles``,
    ``lists.news_index``), see ``cms.promotions.home_lists``. Read only when a fragment
    that shows them is not in the cache."""
    return SimpleLazyObject(promotions.home_lists)
