"""``{% load product_image_tags %}{% product_image image "card" %}``: a product photo.

Prints one ``<img>``: the photo's WebP renditions as a ``srcset`` with the slot's
``sizes`` (catalogue.product_images), width and height against layout shift (square, so
one number), lazy unless ``eager`` (the page's largest picture, fetched first). Built
here rather than from a template: a listing prints dozens.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from catalogue.product_images import srcset

register = template.Library()

# How wide each slot is drawn (static/css/site.css .product-grid, catalogue.css
# .product-gallery): cards two to a row on phones, three from 768 px, four in the
# 1140 px container; the product page's photo fills a phone, half the row above.
SIZES = {
    "card": "(min-width: 1200px) 270px, (min-width: 768px) 33vw, 50vw",
    "gallery": "(min-width: 1200px) 555px, (min-width: 768px) 50vw, 100vw",
}

EAGER = mark_safe(' fetchpriority="high"')
LAZY = mark_safe(' loading="lazy" decoding="async"')


@register.simple_tag
def product_image(image, slot, alt="", eager=False, number=1, of=1):
    """``number`` and ``of``: the photo's place among several, said after its ``alt``."""
    src, candidates, width = srcset(image)
    if of > 1:
        alt = f"{alt} ({number}/{of})"
    sized = format_html(' srcset="{}" sizes="{}"', candidates, SIZES[slot]) if candidates else ""
    return format_html(
        '<img src="{}"{} width="{}" height="{}" alt="{}"{}>',
        src,
        sized,
        width,
        width,
        alt,
        EAGER if eager else LAZY,
    )
