"""A booking's ticket: its signed link, its QR code and its calendar file.

The QR code holds the reference alone (what the producer's scanner looks up); the link
from emails is signed like order links (``order.links``), so the tourist opens the
booking without retyping the reference and email.
"""

import datetime as dt

import segno
from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

SALT = "experiences.tickets"


def token(booking):
    # No timestamp (the link does not expire): one booking, one link, the same in the
    # email, on the thank-you page and on the ticket.
    return signing.Signer(salt=SALT).sign(booking.reference)


def reference_for(value):
    """The reference a token opens, or None for a token that was not ours."""
    try:
        return signing.Signer(salt=SALT).unsign(value)
    except signing.BadSignature:
        return None


def booking_path(booking, language=None):
    with translation.override(language or booking.language or settings.LANGUAGE_CODE):
        return reverse("experiences:booking", kwargs={"token": token(booking)})


def booking_url(booking, language=None):
    return settings.SITE_URL + booking_path(booking, language)


def qr_svg(booking, scale=None):
    """The ticket's QR code as inline SVG markup (no XML declaration): sized by CSS (a
    viewBox only) on pages, ``scale`` pixels a module in emails."""
    # micro=False: for a short text segno picks a Micro QR code, which phone cameras
    # (BarcodeDetector) and the seller area's scanner (jsQR) cannot read.
    code = segno.make(booking.reference, error="m", micro=False)
    if scale is None:
        return code.svg_inline(omitsize=True, dark="#111", border=2)
    return code.svg_inline(scale=scale, dark="#111")


def meeting_title(experience, language):
    if language == "en" and experience.meeting_point_en:
        return experience.meeting_point_en
    return experience.meeting_point


def map_url(experience):
    """A map link to the meeting point (by coordinates when known, else by its name)."""
    from urllib.parse import quote

    if experience.meeting_latitude is not None and experience.meeting_longitude is not None:
        lat, lon = experience.meeting_latitude, experience.meeting_longitude
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
    return "https://www.openstreetmap.org/search?query=" + quote(experience.meeting_point)


def _escape(text):
    """RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and newlines escaped."""
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line):
    """Lines longer than 75 octets are folded (§3.1), never inside a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _utc(moment):
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def ics(booking, language=None, now=None):
    """The booking as an iCalendar file (RFC 5545): one VEVENT, times in UTC."""
    language = language or booking.language
    slot = booking.slot
    experience = slot.experience
    ends_at = slot.starts_at + dt.timedelta(minutes=experience.duration_minutes)
    with translation.override(language):
        from django.utils.translation import gettext as _

        summary = experience.product.display_title
        description = "\n".join(
            [
                _("Mã vé: %(reference)s") % {"reference": booking.reference},
                _("Số người: %(adults)s người lớn, %(children)s trẻ em")
                % {"adults": booking.adults, "children": booking.children},
                booking_url(booking, language),
            ]
        )
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//OCOP Can Tho//Experiences//" + language.upper(),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{booking.reference}@ocop-cantho",
        f"DTSTAMP:{_utc(now or booking.created_at or slot.starts_at)}",
        f"DTSTART:{_utc(slot.starts_at)}",
        f"DTEND:{_utc(ends_at)}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(description)}",
        f"LOCATION:{_escape(meeting_title(experience, language))}",
    ]
    if experience.meeting_latitude is not None and experience.meeting_longitude is not None:
        lines.append(f"GEO:{experience.meeting_latitude};{experience.meeting_longitude}")
    lines.append("URL:" + booking_url(booking, language))
    if booking.status == "cancelled":
        lines.append("STATUS:CANCELLED")
    else:
        lines.append("STATUS:CONFIRMED")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
