"""The two links every product card prints: the product's page and its add-to-basket form.

A listing prints them for each of its cards, and ``reverse()`` walks the URL resolver
each time: about a fifth of the time it takes to draw a card. Their shape only changes
with the URLconf, the script prefix (a proxy's ``SCRIPT_NAME``) and the language
(``/en/``), so each is reversed once per combination of those with marker values, and
the product's own values are put in place of the markers. A value a marker cannot stand
for (a slug outside the slug converter's characters) goes to ``reverse()`` itself, which
refuses it as before.
"""

import re
from functools import lru_cache

from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")
# Digits, so both the slug and the int converter accept them; long, so no other part
# of a path holds them.
_MARKERS = {"product_slug": "48213579061", "pk": "73950146228"}


def product_url(product):
    """``product.get_absolute_url()``: Oscar's ``catalogue:detail``."""
    kwargs = {"product_slug": product.slug, "pk": product.pk}
    if isinstance(product.pk, int) and _SLUG.match(product.slug or ""):
        shape = _shape("catalogue:detail", tuple(kwargs), *_context())
        if shape:
            return shape.format(**kwargs)
    return reverse("catalogue:detail", kwargs=kwargs)


def basket_add_url(product):
    """The URL the card's add-to-basket form posts to: Oscar's ``basket:add``."""
    if isinstance(product.pk, int):
        shape = _shape("basket:add", ("pk",), *_context())
        if shape:
            return shape.format(pk=product.pk)
    return reverse("basket:add", kwargs={"pk": product.pk})


def _context():
    # The resolver object itself: clear_url_caches() (a changed ROOT_URLCONF) makes a
    # new one, so a shape reversed for the old URLconf is not used again.
    return get_resolver(get_urlconf()), get_script_prefix(), get_language()


@lru_cache(maxsize=64)
def _shape(name, keys, resolver, script_prefix, language):
    """The URL with ``{key}`` where each value goes; None if a marker is not found
    exactly once (then every URL of that name is reversed)."""
    url = reverse(name, kwargs={key: _MARKERS[key] for key in keys})
    shape = url.replace("{", "{{").replace("}", "}}")
    for key in keys:
        if url.count(_MARKERS[key]) != 1:
            return None
        shape = shape.replace(_MARKERS[key], "{" + key + "}")
    return shape
