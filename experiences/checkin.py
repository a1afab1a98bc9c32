"""Checking a ticket in at the meeting point: the one rule, whatever the road to it (the
camera scanner, a typed reference, a posted id).

A ticket is checked in once, by a user of the producer who runs the experience, for a
confirmed booking on an open slot, and only around the slot's time: from
``OPENS_BEFORE`` before the start until the end of the local day on which the experience
ends (a dawn market at 05:30 can be checked in from the evening before; a three-day
homestay until its last evening). The booking row is locked while the rule is read, so two
phones scanning the same ticket at once check it in exactly once.

Another producer's ticket is "not found", exactly like a reference that does not exist:
the seller area never says that a reference belongs to someone else.
"""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .choices import BookingStatus
from .models import Booking

OPENS_BEFORE = dt.timedelta(hours=12)
MAX_SCANNED_LENGTH = 500


class CheckInRefused(Exception):
    """Why a ticket was not checked in; the message is for the producer."""

    def __init__(self, message, booking=None):
        super().__init__(message)
        self.booking = booking


class TicketNotFound(CheckInRefused):
    pass


@dataclass
class CheckIn:
    booking: Booking
    # False when the ticket had already been checked in: nothing changed.
    first_time: bool


def bookings_run_by(user):
    """Bookings of the experiences whose producer (stock record partner) ``user`` works for."""
    return Booking.objects.filter(
        slot__experience__product__stockrecords__partner__users=user
    ).distinct()


def candidate_references(scanned):
    """What a scanned or typed text may name: the text itself, or, for a link (a ticket's
    QR code may hold the ticket page's address), each part of its path and each value of
    its query string."""
    text = (scanned or "").strip()[:MAX_SCANNED_LENGTH]
    if not text:
        return []
    if "://" not in text:
        return [text.replace(" ", "")]
    parts = urlsplit(text)
    found = [segment for segment in parts.path.split("/") if segment]
    found += [value for _key, value in parse_qsl(parts.query) if value]
    return [value for value in found if 4 <= len(value) <= 32][:20]


def find_ticket(user, scanned):
    """The booking of ``user``'s experiences that ``scanned`` names, or None."""
    candidates = candidate_references(scanned)
    if not candidates:
        return None
    named = Q()
    for candidate in candidates:
        named |= Q(reference__iexact=candidate)
    return bookings_run_by(user).filter(named).order_by("pk").first()


def window(slot):
    """(opens, closes) of check-in for ``slot``."""
    ends = timezone.localtime(
        slot.starts_at + dt.timedelta(minutes=slot.experience.duration_minutes)
    )
    closes = timezone.make_aware(dt.datetime.combine(ends.date() + dt.timedelta(days=1), dt.time()))
    return slot.starts_at - OPENS_BEFORE, closes


def _when(moment):
    return date_format(timezone.localtime(moment), "d/m/Y H:i")


def _refusal(booking, now):
    """Why ``booking`` cannot be checked in now, or None when it can."""
    if booking.status == BookingStatus.CANCELLED:
        return _("Vé này đã bị hủy lúc %(when)s.") % {
            "when": _when(booking.cancelled_at or booking.created_at)
        }
    if booking.status == BookingStatus.HELD:
        return _("Vé này chưa được thanh toán xong: du khách mới giữ chỗ.")
    if booking.status != BookingStatus.CONFIRMED:
        return _("Vé này không còn hiệu lực (hết thời gian giữ chỗ).")
    slot = booking.slot
    if slot.is_closed:
        return _("Lượt này đã đóng lúc %(when)s.") % {"when": _when(slot.closed_at)}
    opens, closes = window(slot)
    if now < opens:
        return _("Vé cho lượt %(start)s: chỉ check-in được từ %(opens)s.") % {
            "start": _when(slot.starts_at),
            "opens": _when(opens),
        }
    if now >= closes:
        return _("Vé cho lượt %(start)s đã qua.") % {"start": _when(slot.starts_at)}
    return None


def check_in(user, scanned, now=None):
    """Check in the ticket ``scanned`` names for ``user``'s producer.

    Returns a :class:`CheckIn` (``first_time`` False when it was already checked in);
    raises :class:`TicketNotFound` or :class:`CheckInRefused` and changes nothing.
    """
    found = find_ticket(user, scanned)
    if found is None:
        raise TicketNotFound(_("Không tìm thấy vé “%(ref)s”.") % {"ref": (scanned or "")[:40]})
    with transaction.atomic():
        booking = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("slot__experience__product", "checked_in_by")
            .get(pk=found.pk)
        )
        if booking.checked_in_at is not None:
            return CheckIn(booking, first_time=False)
        refusal = _refusal(booking, now or timezone.now())
        if refusal:
            raise CheckInRefused(refusal, booking)
        booking.checked_in_at = now or timezone.now()
        booking.checked_in_by = user
        booking.save(update_fields=["checked_in_at", "checked_in_by"])
    return CheckIn(booking, first_time=True)
