"""Emails about an order: to the shopper in the language they ordered in, and to each
producer about its own lines.

Every message to the shopper carries ``status_url`` (``order.links.order_url``): an
absolute link from ``SITE_URL`` to the shopper's own order page; no email reads the Site
row for its domain.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from oscar.core.loading import get_class

from .links import order_url

logger = logging.getLogger(__name__)

Dispatcher = get_class("communication.utils", "Dispatcher")
OrderDispatcher = get_class("order.utils", "OrderDispatcher")


def shopper_language(order):
    """The language the shopper placed the order in (recorded on the order)."""
    try:
        return translation.get_supported_language_variant(order.language or settings.LANGUAGE_CODE)
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


def order_placed(order, language, request=None, producers=True):
    """Confirmation to the shopper in their language; each producer gets its own lines
    (unless ``producers`` is False: a card order's producers hear once it is paid)."""
    with translation.override(language):
        context = {
            "order": order,
            "lines": order.lines.all(),
            "groups": order.fulfilment_groups.select_related("partner"),
            "user": order.user,
            "status_url": order_url(order, language),
        }
        try:
            OrderDispatcher(logger=logger).send_order_placed_email_for_user(order, context)
        except Exception:  # an unsent email must never undo a paid order
            logger.exception("Order confirmation for %s not sent", order.number)
    if producers:
        notify_producers(order)


def notify_producers(order):
    groups = order.fulfilment_groups.select_related("partner").prefetch_related("partner__users")
    for group in groups:
        recipients = [u.email for u in group.partner.users.all() if u.email]
        if not recipients:
            continue
        with translation.override("vi"):
            context = {
                "order": order,
                "group": group,
                "lines": order.lines.filter(partner=group.partner),
                "address": order.shipping_address,
            }
            subject = render_to_string("oscar/order/producer_notification_subject.txt", context)
            body = render_to_string("oscar/order/producer_notification_body.txt", context)
        try:
            send_mail(" ".join(subject.split()), body, None, recipients)
        except Exception:
            logger.exception("Producer %s not notified of %s", group.partner_id, order.number)
