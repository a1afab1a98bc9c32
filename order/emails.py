"""What the shopper and each producer are told when an order is placed."""

import logging

from django.conf import settings
from django.contrib.sites.models import Site
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from oscar.core.loading import get_class

logger = logging.getLogger(__name__)

OrderDispatcher = get_class("order.utils", "OrderDispatcher")


def shopper_language(order):
    """The language the shopper placed the order in (kept on its pending checkout)."""
    pending = getattr(order, "pending_checkout", None)
    language = pending.language if pending else None
    try:
        return translation.get_supported_language_variant(language or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def status_path(order):
    try:
        if order.user_id:
            return reverse("customer:order", kwargs={"order_number": order.number})
        return reverse(
            "customer:anon-order",
            kwargs={"order_number": order.number, "hash": order.verification_hash()},
        )
    except NoReverseMatch:
        return ""


def order_placed(order, language, request=None, producers=True):
    """Confirmation to the shopper in their language; each producer gets its own lines
    (unless ``producers`` is False: a card order's producers hear once it is paid)."""
    with translation.override(language):
        path = status_path(order)
        site = Site.objects.get_current(request)
        context = {
            "order": order,
            "lines": order.lines.all(),
            "groups": order.fulfilment_groups.select_related("partner"),
            "user": order.user,
            "status_path": path,
            "status_url": f"https://{site.domain}{path}" if path else "",
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
