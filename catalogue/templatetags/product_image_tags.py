"""``{% load product_image_tags %}{% product_image image "card" %}``: a product photo.

Prints ``components/product_image.html``: the photo's WebP renditions as a ``srcset``
with the slot's ``sizes`` (catalogue.product_images), width and height against layout
shift, lazy unless ``eager`` (the page's largest picture, fetched first).
"""

from django import template

from catalogue.product_images import srcset

register = template.Library()

# How wide each slot is drawn (static/css/site.css .product-grid, catalogue.css
# .product-gallery): cards two to a row on phones, three from 768 px, four in the
# 1140 px container; the product page's photo fills a phone, half the row above.
SIZES = {
    "card": "(min-width: 1200px) 270px, (min-width: 768px) 33vw, 50vw",
    "gallery": "(min-width: 1200px) 555px, (min-width: 768px) 50vw, 100vw",
}


@register.inclusion_tag("components/product_image.html")
def product_image(image, slot, alt="", eager=False, number=1, of=1):
    """``number`` and ``of``: the photo's place among several, said after its ``alt``."""
    src, candidates, width = srcset(image)
    return {
        "src": src,
        "srcset": candidates,
        "sizes": SIZES[slot],
        "width": width,
        "alt": alt,
        "eager": eager,
        "number": number,
        "of": of,
    }
