"""Template tags for OCOP ratings: ``{% load ocop_tags %}{% ocop_badge product %}``."""

from django import template

from catalogue.certification import CERTIFIED_MIN_STARS, star_label

register = template.Library()


@register.inclusion_tag("components/ocop_badge.html")
def ocop_badge(product, size=""):
    """The product's star badge, or nothing when it holds no certificate in force.

    Reads ``product.ocop_rating``, which uses the ``ocop_stars`` annotation of
    listings (``Product.objects.with_rating()``) so a list of cards costs no query.
    """
    stars = getattr(product, "ocop_rating", None) if product is not None else None
    if not stars or stars < CERTIFIED_MIN_STARS:
        return {"stars": None}
    return {"stars": stars, "label": star_label(stars), "size": size, "range": range(stars)}
