"""Checking a ticket in: once, by the producer who runs the experience, for a confirmed
booking, around the slot's time (experiences.checkin)."""

import datetime as dt
import threading

import pytest
from django.db import close_old_connections
from django.utils import timezone

from catalogue.tests.factories import producer
from experiences import checkin
from experiences.choices import BookingStatus
from experiences.models import Booking, Slot
from experiences.tests import factories

from .factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def gate():
    """A confirmed booking on today's 05:30 market run by HTX Cái Răng; its user and
    another producer's user; 'now' is 05:10 that day."""
    owner_partner = producer("HTX Du lịch Cái Răng")
    owner = make_user("cairang@example.vn")
    owner_partner.users.add(owner)
    other = make_user("khac@example.vn")
    producer("Cơ sở Nem Cái Răng").users.add(other)
    experience = factories.experience(partner=owner_partner, duration_minutes=180)
    slot = factories.slot(experience, days=0, hour=5, minute=30)
    booking = factories.booking(slot, adults=2, children=1, reference="ABCD2345")
    now = timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time(5, 10)))
    return owner, other, booking, now


def slot_today(experience, **fields):
    """A slot of ``experience`` today that can be checked in now, at any hour the tests
    run: half an hour from now, or half an hour ago when that would be tomorrow."""
    now = timezone.localtime()
    start = now + dt.timedelta(minutes=30)
    if start.date() != now.date():
        start = now - dt.timedelta(minutes=30)
    return Slot.objects.create(
        experience=experience, starts_at=start.replace(second=0, microsecond=0), **fields
    )


def state(booking):
    booking.refresh_from_db()
    return booking.checked_in_at, booking.checked_in_by_id


def test_the_owner_checks_a_ticket_in_once_and_a_second_scan_says_when(gate):
    owner, _other, booking, now = gate

    first = checkin.check_in(owner, "ABCD2345", now=now)
    second = checkin.check_in(owner, "abcd2345 ", now=now + dt.timedelta(minutes=3))

    assert (first.first_time, second.first_time) == (True, False)
    assert state(booking) == (now, owner.pk)
    assert second.booking.checked_in_at == now


def test_another_producer_gets_not_found_and_nothing_changes(gate):
    _owner, other, booking, now = gate

    with pytest.raises(checkin.TicketNotFound):
        checkin.check_in(other, "ABCD2345", now=now)

    assert state(booking) == (None, None)


@pytest.mark.parametrize("scanned", ["", "   ", "ZZZZ9999", "ABCD234", "x" * 600])
def test_a_reference_that_names_no_ticket_is_not_found(gate, scanned):
    owner, _other, booking, now = gate

    with pytest.raises(checkin.TicketNotFound):
        checkin.check_in(owner, scanned, now=now)

    assert state(booking) == (None, None)


def test_a_link_holding_the_reference_is_read_too(gate):
    owner, _other, booking, now = gate

    done = checkin.check_in(owner, "https://shop.example.vn/en/ve/ABCD2345/?x=1", now=now)

    assert done.first_time and state(booking) == (now, owner.pk)


@pytest.mark.parametrize(
    "status, fields, message",
    [
        (
            BookingStatus.CANCELLED,
            {"cancelled_at": timezone.make_aware(dt.datetime(2026, 1, 2, 9, 15))},
            "Vé này đã bị hủy lúc 02/01/2026 09:15.",
        ),
        (BookingStatus.HELD, {}, "Vé này chưa được thanh toán xong: du khách mới giữ chỗ."),
        (
            BookingStatus.EXPIRED,
            {},
            "Vé này không còn hiệu lực (hết thời gian giữ chỗ).",
        ),
    ],
)
def test_only_a_confirmed_booking_is_checked_in(gate, status, fields, message):
    owner, _other, booking, now = gate
    Booking.objects.filter(pk=booking.pk).update(
        status=status, hold_expires_at=now + dt.timedelta(minutes=5), **fields
    )

    with pytest.raises(checkin.CheckInRefused) as refused:
        checkin.check_in(owner, "ABCD2345", now=now)

    assert str(refused.value) == message
    assert state(booking) == (None, None)


def test_a_closed_slot_is_refused(gate):
    owner, _other, booking, now = gate
    closed_at = now - dt.timedelta(hours=1)
    booking.slot.closed_at = closed_at
    booking.slot.save()

    with pytest.raises(checkin.CheckInRefused, match="Lượt này đã đóng lúc"):
        checkin.check_in(owner, "ABCD2345", now=now)

    assert state(booking) == (None, None)


@pytest.mark.parametrize(
    "moment, allowed",
    [
        # The slot starts at 05:30 and lasts 3 hours; check-in opens 12 hours before.
        (dt.timedelta(hours=-6, minutes=-31), False),  # 17:29 the day before
        (dt.timedelta(hours=-6, minutes=-30), True),  # 17:30 the day before
        (dt.timedelta(hours=5, minutes=30), True),  # the start
        (dt.timedelta(hours=23, minutes=59), True),  # last minute of the day it ends
        (dt.timedelta(hours=24), False),  # midnight after
    ],
)
def test_check_in_runs_from_twelve_hours_before_to_the_end_of_the_day(gate, moment, allowed):
    owner, _other, booking, _now = gate
    midnight = timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time()))

    if allowed:
        assert checkin.check_in(owner, "ABCD2345", now=midnight + moment).first_time
        assert state(booking)[0] == midnight + moment
    else:
        with pytest.raises(checkin.CheckInRefused):
            checkin.check_in(owner, "ABCD2345", now=midnight + moment)
        assert state(booking) == (None, None)


def test_a_three_day_homestay_checks_in_until_its_last_evening(gate):
    owner, _other, booking, now = gate
    booking.slot.experience.duration_minutes = 3 * 24 * 60
    booking.slot.experience.save()

    later = now + dt.timedelta(days=3, hours=15)  # 20:10 on the third day after

    assert checkin.check_in(owner, "ABCD2345", now=later).first_time


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_phones_scanning_at_once_check_in_exactly_once():
    owner_partner = producer("HTX Du lịch Cái Răng")
    owner = make_user("cairang@example.vn")
    owner_partner.users.add(owner)
    helper = make_user("phu@example.vn")
    owner_partner.users.add(helper)
    experience = factories.experience(partner=owner_partner)
    slot = slot_today(experience, capacity=10)
    booking = factories.booking(slot, reference="RACE2345")
    barrier = threading.Barrier(2)
    results = []

    def scan(user):
        try:
            barrier.wait()
            results.append(checkin.check_in(user, "RACE2345").first_time)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=scan, args=(u,)) for u in (owner, helper)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    booking.refresh_from_db()
    assert sorted(results) == [False, True]
    assert booking.checked_in_at is not None
    assert booking.checked_in_by_id in {owner.pk, helper.pk}
