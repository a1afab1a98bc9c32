"""What each producer is told about an order: its own lines and the delivery details."""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


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
