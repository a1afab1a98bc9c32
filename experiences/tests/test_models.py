import datetime as dt

import pytest
from django.db import IntegrityError
from django.utils import timezone

from experiences.choices import BookingStatus
from experiences.models import Experience, Slot

from .factories import booking, experience, slot

pytestmark = pytest.mark.django_db


def places_left(s, now=None):
    return Slot.objects.with_places_left(now).get(pk=s.pk).places_left


def test_places_left_counts_confirmed_bookings_and_live_holds_only():
    s = slot(experience(), capacity=10)
    booking(s, adults=2, children=1)  # confirmed: 3
    booking(s, adults=1, status=BookingStatus.HELD)  # live hold: 1
    booking(
        s,
        adults=4,
        status=BookingStatus.HELD,
        hold_expires_at=timezone.now() - dt.timedelta(seconds=1),
    )  # ran out: 0
    booking(s, adults=2, status=BookingStatus.CANCELLED)
    booking(s, adults=2, status=BookingStatus.EXPIRED)

    assert places_left(s) == 6


def test_a_hold_stops_counting_the_moment_it_runs_out():
    s = slot(experience(), capacity=4)
    hold = booking(s, adults=3, status=BookingStatus.HELD)

    assert places_left(s, now=hold.hold_expires_at - dt.timedelta(seconds=1)) == 1
    assert places_left(s, now=hold.hold_expires_at) == 4


def test_an_empty_slot_has_all_its_places():
    s = slot(experience(), capacity=7)
    assert places_left(s) == 7


def test_languages_are_found_by_code():
    guided = experience(languages=",vi,en,")
    experience(title="Làm bánh tráng", languages=",vi,")

    assert list(Experience.objects.offering_language("en")) == [guided]


def test_a_booking_without_an_adult_is_refused_unless_private():
    s = slot(experience())
    with pytest.raises(IntegrityError):
        booking(s, adults=0, children=2)
