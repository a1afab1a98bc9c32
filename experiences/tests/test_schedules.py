"""Slots from schedules: the coming days, closed days skipped, idempotent, scheduled."""

import datetime as dt

import pytest
from django.conf import settings
from django.utils import timezone

from experiences.models import ClosedDay, Schedule, Slot
from experiences.schedules import generate_slots

from .factories import experience

pytestmark = pytest.mark.django_db


def local(slot):
    return timezone.localtime(slot.starts_at)


def test_a_daily_schedule_makes_one_slot_a_day_except_closed_days_and_runs_once():
    # Given every day at 05:30 for 12 places, and the first day of Tết closed
    e = experience()
    today = timezone.localdate()
    Schedule.objects.create(experience=e, start_time=dt.time(5, 30), capacity=12, starts_on=today)
    tet = today + dt.timedelta(days=4)
    ClosedDay.objects.create(experience=e, date=tet, reason="Mùng 1 Tết")

    # When slots are made for the coming 10 days (from tomorrow: today's 05:30 may be past)
    made = generate_slots(days=10, today=today + dt.timedelta(days=1))

    # Then 10 slots (days 1..11 less Tết), at 05:30 local time, with the capacity
    slots = list(Slot.objects.filter(experience=e))
    assert made == len(slots) == 10
    assert {local(s).time() for s in slots} == {dt.time(5, 30)}
    assert tet not in {local(s).date() for s in slots}
    assert {s.capacity for s in slots} == {12}
    # And again: nothing new
    assert generate_slots(days=10, today=today + dt.timedelta(days=1)) == 0
    assert Slot.objects.filter(experience=e).count() == 10


def test_weekdays_and_end_date_are_kept_and_existing_slots_are_left_alone():
    e = experience()
    monday = timezone.localdate() + dt.timedelta(days=7 - timezone.localdate().weekday())
    Schedule.objects.create(
        experience=e,
        start_time=dt.time(14, 0),
        weekdays="05",  # Monday and Saturday
        capacity=6,
        starts_on=monday,
        ends_on=monday + dt.timedelta(days=13),
    )
    closed_slot = Slot.objects.create(
        experience=e,
        starts_at=timezone.make_aware(dt.datetime.combine(monday, dt.time(14, 0))),
        capacity=2,
        closed_at=timezone.now(),
    )

    generate_slots(days=60, today=monday)

    days = sorted(local(s).date() for s in Slot.objects.filter(experience=e))
    assert [d.weekday() for d in days] == [0, 5, 0, 5]
    assert days[-1] <= monday + dt.timedelta(days=13)
    closed_slot.refresh_from_db()
    assert (closed_slot.capacity, closed_slot.is_closed) == (2, True)


def test_the_tasks_are_scheduled():
    assert settings.OCOP_SCHEDULE["experiences.tasks.generate_slots"]
    assert settings.OCOP_SCHEDULE["experiences.tasks.expire_holds"] == "*/5 * * * *"
