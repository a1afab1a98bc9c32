"""Slots made from schedules: every start a schedule promises in the coming days.

:func:`generate_slots` is idempotent (one slot per experience and start, a unique
constraint), skips the experience's closed days, and never touches slots that exist: a
slot the producer closed or resized stays as they left it. The scheduled task runs it
daily so the calendar always reaches ``settings.OCOP_SLOT_DAYS`` ahead.
"""

import datetime as dt

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import ClosedDay, Schedule, Slot


def horizon_days():
    return int(getattr(settings, "OCOP_SLOT_DAYS", 60))


def starts_of(schedule, first, last, closed):
    """The aware start times ``schedule`` promises from ``first`` to ``last`` (dates)."""
    day = max(first, schedule.starts_on)
    last = min(last, schedule.ends_on) if schedule.ends_on else last
    weekdays = {int(c) for c in schedule.weekdays if c.isdigit()}
    while day <= last:
        if day.weekday() in weekdays and day not in closed:
            yield timezone.make_aware(dt.datetime.combine(day, schedule.start_time))
        day += dt.timedelta(days=1)


def generate_slots(days=None, today=None, experiences=None):
    """Create the missing slots of every schedule for the coming ``days``; how many."""
    today = today or timezone.localdate()
    last = today + dt.timedelta(days=days or horizon_days())
    schedules = Schedule.objects.filter(starts_on__lte=last).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=today)
    )
    if experiences is not None:
        schedules = schedules.filter(experience__in=experiences)
    schedules = list(schedules.order_by("experience_id", "pk"))
    ids = {s.experience_id for s in schedules}
    closed = {}
    for experience_id, date in ClosedDay.objects.filter(
        experience_id__in=ids, date__gte=today, date__lte=last
    ).values_list("experience_id", "date"):
        closed.setdefault(experience_id, set()).add(date)
    existing = set(
        Slot.objects.filter(
            experience_id__in=ids,
            starts_at__gte=timezone.make_aware(dt.datetime.combine(today, dt.time.min)),
        ).values_list("experience_id", "starts_at")
    )
    now = timezone.now()
    new = []
    for schedule in schedules:
        for starts_at in starts_of(schedule, today, last, closed.get(schedule.experience_id, ())):
            key = (schedule.experience_id, starts_at)
            if starts_at <= now or key in existing:
                continue
            existing.add(key)
            new.append(
                Slot(
                    experience_id=schedule.experience_id,
                    schedule=schedule,
                    starts_at=starts_at,
                    capacity=schedule.capacity,
                )
            )
    # ignore_conflicts: a run racing another (two schedulers) adds each slot once.
    Slot.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)
