"""Template tags for OCOP ratings: ``{% load ocop_tags %}{% ocop_badge product %}``."""

from functools import lru_cache

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import get_language

from catalogue.certification import CERTIFIED_MIN_STARS, star_label

register = template.Library()


@register.simple_tag
def ocop_badge(product, size=""):
    """The product's star badge (``components/ocop_badge.html``), or nothing when it
    holds no certificate in force.

    Reads ``product.ocop_rating``, which uses the ``ocop_stars`` annotation of
    listings (``Product.objects.with_rating()``) so a list of cards costs no query.
    """
    stars = getattr(product, "ocop_rating", None) if product is not None else None
    if not stars or stars < CERTIFIED_MIN_STARS:
        return ""
    if settings.DEBUG:  # a template edited while the server runs shows at once
        return _draw(stars, size)
    return _drawn(stars, size, get_language())


@lru_cache(maxsize=64)
def _drawn(stars, size, language):
    # A badge shows nothing but its stars, size and language, and a listing draws
    # dozens: each is drawn once per process (get_language is active while it draws).
    return _draw(stars, size)


def _draw(stars, size):
    return render_to_string(
        "components/ocop_badge.html", {"stars": stars, "label": star_label(stars), "size": size}
    )
