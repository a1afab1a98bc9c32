"""Emails to the shopper about their order, in the language they ordered in.

Every message carries ``status_url`` (``order.links.order_url``): an absolute link from
``SITE_URL`` to the shopper's own order page.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.utils import translation
from oscar.core.loading import get_class

from .links import order_url

logger = logging.getLogger(__name__)

Dispatcher = get_class("communication.utils", "Dispatcher")
OrderDispatcher = get_class("order.utils", "OrderDispatcher")


def shopper_language(order):
    """The language the shopper placed the order in (kept on its pending checkout)."""
    # Looked up by name: the order app must not import the payments app.
    PendingCheckout = apps.get_model("payments", "PendingCheckout")
    language = (
        PendingCheckout.objects.filter(order=order).values_list("language", flat=True).first()
    )
    try:
        return translation.get_supported_language_variant(language or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def send_to_shopper(order, event_code, context, language=None):
    """Send the ``event_code`` email (``commtype_<code>_*`` templates) about ``order``.

    A lost email is logged, never raised: it must not undo what it announces.
    """
    language = language or shopper_language(order)
    with translation.override(language):
        context = {"order": order, "status_url": order_url(order, language), **context}
        try:
            messages = Dispatcher().get_messages(event_code, context)
            OrderDispatcher(logger=logger).dispatch_order_messages(order, messages, event_code)
        except Exception:
            logger.exception("%s email for %s not sent", event_code, order.number)
