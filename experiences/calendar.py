"""The experience page's calendar: a month of dates with the places left on each.

Built from one query for the month's slots (``Slot.objects.with_places_left``), whatever
their number; every state (month shown, date chosen) is a URL, so it works without
JavaScript and each date is a plain link.
"""

import calendar as pycalendar
import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .booking import slot_problem
from .models import Slot

WEEKDAYS = [_("T2"), _("T3"), _("T4"), _("T5"), _("T6"), _("T7"), _("CN")]
WEEKDAY_NAMES = [
    _("Thứ Hai"),
    _("Thứ Ba"),
    _("Thứ Tư"),
    _("Thứ Năm"),
    _("Thứ Sáu"),
    _("Thứ Bảy"),
    _("Chủ Nhật"),
]
MONTHS_AHEAD = 6  # how far the calendar lets a tourist look (slots are made 60 days ahead)


@dataclass
class Day:
    date: dt.date
    in_month: bool
    slots: list = field(default_factory=list)  # bookable slots, with places_left

    @property
    def places(self):
        return sum(max(s.places_left, 0) for s in self.slots)

    @property
    def weekday_name(self):
        return WEEKDAY_NAMES[self.date.weekday()]


@dataclass
class Month:
    first: dt.date
    weeks: list
    previous: dt.date | None
    next: dt.date | None
    days: dict  # {date: Day} of this month


def month_start(day):
    return day.replace(day=1)


def add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def bookable_slots(experience, first, last, now=None):
    """Open, upcoming slots from ``first`` to ``last`` (dates) that can still be booked,
    with ``places_left``: one query."""
    now = now or timezone.now()
    start = timezone.make_aware(dt.datetime.combine(first, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min))
    slots = (
        Slot.objects.filter(experience=experience, starts_at__gte=start, starts_at__lt=end)
        .open()
        .upcoming(now)
        .with_places_left(now)
        .order_by("starts_at")
    )
    result = []
    for slot in slots:
        slot.experience = experience
        slot.problem = slot_problem(slot, now)
        if not slot.problem:
            result.append(slot)
    return result


def build(experience, month, now=None):
    """The :class:`Month` starting ``month`` (a first day) for ``experience``."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    this_month = month_start(today)
    month = min(max(month, this_month), add_months(this_month, MONTHS_AHEAD))
    grid = pycalendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    slots = bookable_slots(experience, grid[0][0], grid[-1][-1], now)
    by_date = {}
    for slot in slots:
        by_date.setdefault(timezone.localdate(slot.starts_at), []).append(slot)
    weeks, days = [], {}
    for week in grid:
        row = []
        for date in week:
            day = Day(date, date.month == month.month, by_date.get(date, []))
            row.append(day)
            if day.in_month:
                days[date] = day
        weeks.append(row)
    return Month(
        first=month,
        weeks=weeks,
        previous=add_months(month, -1) if month > this_month else None,
        next=add_months(month, 1) if month < add_months(this_month, MONTHS_AHEAD) else None,
        days=days,
    )


def first_date_with_room(experience, now=None):
    """The local date of the next slot with places left (for opening the right month)."""
    now = now or timezone.now()
    slot = (
        Slot.objects.filter(experience=experience)
        .open()
        .upcoming(now + dt.timedelta(hours=experience.cutoff_hours))
        .with_places_left(now)
        .filter(places_left__gt=0)
        .order_by("starts_at")
        .first()
    )
    return timezone.localdate(slot.starts_at) if slot else None
