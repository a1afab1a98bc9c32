"""A producer closes a slot (high water, a sick guide): the slot takes no new holds, and
every booking on it is cancelled through :func:`experiences.booking.cancel_booking`,
which gives the places back, refunds what was paid by card and emails the tourist in
their language.

The slot is closed first, in its own transaction under the slot's row lock (the lock
:func:`experiences.booking.hold` takes), so a tourist paying at that moment either got
their hold before (and it is cancelled here) or is refused. Each booking is then
cancelled in its own transaction: a refund the payment service refuses leaves that one
booking confirmed and is reported; closing the slot again retries only what is left.
Closing a closed slot with nothing left on it does nothing.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from .booking import BookingRefused, cancel_booking
from .choices import BookingStatus
from .models import Booking, Slot


@dataclass
class Closing:
    slot: Slot
    # False when the slot was already closed (its first reason and time are kept).
    newly_closed: bool
    cancelled: list = field(default_factory=list)
    # (booking, why) for each booking whose cancellation was refused: it is unchanged.
    failed: list = field(default_factory=list)


def close_slot(slot, *, reason, by, now=None):
    """Close ``slot`` with ``reason`` (shown to tourists) and cancel its bookings."""
    with transaction.atomic():
        slot = Slot.objects.select_for_update().select_related("experience").get(pk=slot.pk)
        newly_closed = slot.closed_at is None
        if newly_closed:
            slot.closed_at = now or timezone.now()
            slot.closed_reason = str(reason)[:200]
            slot.save(update_fields=["closed_at", "closed_reason"])
    result = Closing(slot=slot, newly_closed=newly_closed)
    taking_places = Booking.objects.filter(
        slot=slot, status__in=[BookingStatus.HELD, BookingStatus.CONFIRMED]
    ).order_by("pk")
    for booking in taking_places:
        try:
            cancel_booking(booking, reason=slot.closed_reason, by=by, refund=True)
        except BookingRefused as refusal:
            booking.refresh_from_db(fields=["status"])
            # Cancelled meanwhile (the tourist, another tab closing the slot): done.
            if booking.status in (BookingStatus.HELD, BookingStatus.CONFIRMED):
                result.failed.append((booking, str(refusal)))
        else:
            result.cancelled.append(booking)
    return result
