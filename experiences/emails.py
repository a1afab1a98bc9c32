"""Emails to the tourist about a booking, in the language they booked in.

A lost email is logged, never raised: it must not undo the booking or cancellation it
announces.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from . import tickets
from .models import Booking

logger = logging.getLogger(__name__)


def _language(booking, language=None):
    """The language to write to the tourist in: the one they paid in when known, else
    their guide's language when the site speaks it."""
    try:
        return translation.get_supported_language_variant(language or booking.language or "vi")
    except LookupError:
        return settings.LANGUAGE_CODE


def _send(booking, template, subject, context, language):
    with translation.override(language):
        context = {
            "booking": booking,
            "experience": booking.slot.experience,
            "booking_url": tickets.booking_url(booking, language),
            "map_url": tickets.map_url(booking.slot.experience),
            "meeting_point": tickets.meeting_title(booking.slot.experience, language),
            **context,
        }
        text = render_to_string(f"experiences/emails/{template}.txt", context)
        html = render_to_string(f"experiences/emails/{template}.html", context)
        message = EmailMultiAlternatives(str(subject), text, None, [booking.email])
        message.attach_alternative(html, "text/html")
        if template == "confirmed":
            message.attach(
                f"{booking.reference}.ics", tickets.ics(booking, language), "text/calendar"
            )
        message.send()


def send_confirmations(references, language=None):
    bookings = Booking.objects.filter(reference__in=references).select_related(
        "slot__experience__product"
    )
    for booking in bookings:
        if not booking.email:
            continue
        try:
            lang = _language(booking, language)
            with translation.override(lang):
                subject = _("Vé %(reference)s: %(title)s") % {
                    "reference": booking.reference,
                    "title": booking.slot.experience.product.display_title,
                }
            context = {"qr_svg": tickets.qr_svg(booking, scale=4)}
            _send(booking, "confirmed", subject, context, lang)
        except Exception:
            logger.exception("Booking confirmation %s not sent", booking.reference)


def send_cancellation(booking_pk, refunded):
    booking = Booking.objects.select_related("slot__experience__product").get(pk=booking_pk)
    try:
        lang = _language(booking)
        with translation.override(lang):
            subject = _("Đã hủy vé %(reference)s") % {"reference": booking.reference}
        _send(booking, "cancelled", subject, {"refunded": refunded}, lang)
    except Exception:
        logger.exception("Booking cancellation %s not sent", booking.reference)
