"""Absolute links to an order's page, for emails.

Every email about an order (placed, delivery steps, refunds, cancellations) links with
:func:`order_url`: the shopper's account order page, or for a guest the shop's own
tracking page opened by a signed token (no retyping of number and email). The address
starts with ``settings.SITE_URL`` in every environment; the Site row is never read.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

SALT = "order.links"


def guest_token(order):
    return signing.dumps(order.number, salt=SALT, compress=True)


def order_for_token(token):
    """The number of the order ``token`` opens, or ``None`` for a token that was not ours."""
    try:
        return signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None


def order_path(order, language=None):
    with translation.override(language or settings.LANGUAGE_CODE):
        if order.user_id:
            return reverse("customer:order", kwargs={"order_number": order.number})
        return reverse("checkout:order-link", kwargs={"token": guest_token(order)})


def absolute(path):
    return settings.SITE_URL + path


def order_url(order, language=None):
    """The absolute address of ``order``'s page for its shopper, in ``language``."""
    return absolute(order_path(order, language))
