"""What a producer's change to a schedule or a closed day does to the slots already made.

Slots a schedule made ahead of time follow its change only while nobody booked them:
future slots without any booking are removed (the schedule's generator makes them again
as the schedule now says); a slot with bookings stays as it was, because the tourists
booked that start and that capacity, and the producer is told to close it if it will
not run. A closed day closes that day's slots through ``experiences.closing``, so its
bookings are cancelled, refunded and the tourists told.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from experiences.choices import BookingStatus
from experiences.closing import close_slot
from experiences.models import Booking, Slot
from experiences.schedules import generate_slots


def _future_slots(schedule, now):
    live = Booking.objects.filter(slot=OuterRef("pk")).filter(
        Q(status=BookingStatus.CONFIRMED) | Q(status=BookingStatus.HELD, hold_expires_at__gt=now)
    )
    return Slot.objects.filter(schedule=schedule, starts_at__gt=now).annotate(
        any_booking=Exists(Booking.objects.filter(slot=OuterRef("pk"))),
        live_booking=Exists(live),
    )


def _release_unbooked(schedule, now, reason):
    """Remove the schedule's future slots nobody holds; returns how many are kept booked."""
    slots = _future_slots(schedule, now)
    slots.filter(any_booking=False).delete()
    # Slots whose bookings were all cancelled or ran out cannot be deleted (the bookings
    # keep their slot): they are closed instead.
    slots.filter(any_booking=True, live_booking=False, closed_at__isnull=True).update(
        closed_at=now, closed_reason=reason
    )
    return slots.filter(live_booking=True, closed_at__isnull=True).count()


def save_schedule(schedule, now=None):
    """Save a new or changed schedule; returns how many booked future slots kept their
    old time or capacity."""
    now = now or timezone.now()
    with transaction.atomic():
        schedule.save()
        kept = _release_unbooked(schedule, now, _("Lịch đã thay đổi"))
    generate_slots(experiences=[schedule.experience_id])
    return kept


def stop_schedule(schedule, now=None):
    """The schedule makes no slot from today on; returns how many booked slots remain."""
    now = now or timezone.now()
    with transaction.atomic():
        schedule.ends_on = timezone.localdate(now) - dt.timedelta(days=1)
        schedule.save(update_fields=["ends_on"])
        return _release_unbooked(schedule, now, _("Lịch đã dừng"))


def add_closed_day(closed_day, *, by, now=None):
    """Save ``closed_day`` and close the experience's slots on that day that have not
    started (their bookings cancelled and refunded)."""
    now = now or timezone.now()
    closed_day.save()
    start = timezone.make_aware(dt.datetime.combine(closed_day.date, dt.time()))
    slots = Slot.objects.open().filter(
        experience=closed_day.experience,
        starts_at__gte=max(start, now),
        starts_at__lt=start + dt.timedelta(days=1),
    )
    reason = closed_day.reason or _("Ngày nghỉ")
    for slot in slots:
        close_slot(slot, reason=reason, by=by, now=now)
    return closed_day
