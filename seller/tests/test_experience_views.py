"""The producer's experiences in the seller area: details, schedules, closed days, slots,
today's view and the check-in page; another producer's ids posted directly to every URL
are not found and change nothing."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from catalogue.tests.factories import producer
from experiences.choices import BookingStatus
from experiences.models import Booking, ClosedDay, Experience, Schedule, Slot
from experiences.tests import factories

from .factories import make_user
from .test_experience_checkin import slot_today
from .test_isolation import SELLER_URLS

pytestmark = pytest.mark.django_db

EXPERIENCE_URLS = {name for name, kind in SELLER_URLS.items() if kind == "experience"}


@pytest.fixture
def two_producers(client):
    """HTX Cái Răng (signed in) runs the market; Cơ sở Phong Điền runs a garden tour with
    a schedule, a closed day, a slot and a booking."""
    mine = producer("HTX Du lịch Cái Răng")
    me = make_user("cairang@example.vn")
    mine.users.add(me)
    theirs = producer("Cơ sở Vườn Phong Điền")
    theirs.users.add(make_user("phongdien@example.vn"))
    market = factories.experience(partner=mine)
    garden = factories.experience(title="Vườn trái cây Phong Điền", partner=theirs, kind="garden")
    schedule = Schedule.objects.create(
        experience=garden,
        start_time=dt.time(8),
        capacity=12,
        starts_on=timezone.localdate(),
        weekdays="0123456",
    )
    closed = ClosedDay.objects.create(
        experience=garden, date=timezone.localdate() + dt.timedelta(days=20), reason="Tết"
    )
    slot = factories.slot(garden, days=2, hour=8, minute=0, schedule=schedule, capacity=12)
    booking = factories.booking(slot, reference="GARD2345", email="an@example.vn")
    client.force_login(me)
    return (
        me,
        market,
        {
            "experience": garden,
            "schedule": schedule,
            "closed": closed,
            "slot": slot,
            "booking": booking,
        },
    )


def snapshot(theirs):
    experience = Experience.objects.get(pk=theirs["experience"].pk)
    return {
        "experience": {
            f: getattr(experience, f)
            for f in ("meeting_point", "languages", "child_price", "min_group", "max_group")
        },
        "schedules": list(
            Schedule.objects.filter(experience=experience).values(
                "pk", "start_time", "weekdays", "capacity", "starts_on", "ends_on"
            )
        ),
        "closed": list(ClosedDay.objects.filter(experience=experience).values("pk", "date")),
        "slots": list(
            Slot.objects.filter(experience=experience).values("pk", "closed_at", "capacity")
        ),
        "bookings": list(
            Booking.objects.filter(slot__experience=experience).values(
                "pk", "status", "checked_in_at"
            )
        ),
    }


def other_urls(theirs):
    e, s = theirs["experience"].pk, theirs["schedule"].pk
    return {
        "experience-edit": reverse("seller:experience-edit", args=[e]),
        "experience-schedule-add": reverse("seller:experience-schedule-add", args=[e]),
        "experience-schedule": reverse("seller:experience-schedule", args=[e, s]),
        "experience-closed-day-add": reverse("seller:experience-closed-day-add", args=[e]),
        "experience-closed-day-delete": reverse(
            "seller:experience-closed-day-delete", args=[e, theirs["closed"].pk]
        ),
        "experience-slot": reverse("seller:experience-slot", args=[theirs["slot"].pk]),
    }


VALID_POSTS = {
    "experience-edit": {
        "meeting_point": "Bến của tôi",
        "languages": ["vi"],
        "min_group": "1",
        "max_group": "4",
        "free_cancellation_hours": "24",
        "cutoff_hours": "12",
    },
    "experience-schedule-add": {
        "start_time": "06:00",
        "weekdays": ["0"],
        "capacity": "5",
        "starts_on": "2030-01-01",
    },
    "experience-schedule": {"stop": "1"},
    "experience-closed-day-add": {"date": "2030-01-01", "reason": "x"},
    "experience-closed-day-delete": {},
    "experience-slot": {"reason": "Đóng giùm"},
}


def test_every_experience_url_of_the_seller_area_is_covered_here():
    covered = set(VALID_POSTS) | {"experiences", "experience-day", "experience-checkin"}
    assert EXPERIENCE_URLS == covered


@pytest.mark.parametrize("name", sorted(VALID_POSTS))
def test_another_producers_ids_posted_directly_are_not_found_and_change_nothing(
    client, two_producers, name
):
    _me, _market, theirs = two_producers
    before = snapshot(theirs)
    url = other_urls(theirs)[name]

    answers = {client.get(url).status_code, client.post(url, VALID_POSTS[name]).status_code}

    assert answers <= {404, 405}, answers
    assert 404 in answers
    assert snapshot(theirs) == before
    assert mail.outbox == []


def test_lists_and_day_view_show_only_the_producers_own_experiences(client, two_producers):
    _me, market, theirs = two_producers
    factories.slot(market, days=0, hour=23, minute=0)
    factories.slot(theirs["experience"], days=0, hour=23, minute=30)

    listing = client.get(reverse("seller:experiences")).content.decode()
    day = client.get(reverse("seller:experience-day")).content.decode()

    assert market.product.title in listing and market.product.title in day
    assert "Vườn trái cây Phong Điền" not in listing + day
    assert "GARD2345" not in day


def test_another_producers_ticket_is_not_found_at_check_in(client, two_producers):
    _me, _market, theirs = two_producers
    before = snapshot(theirs)

    response = client.post(reverse("seller:experience-checkin"), {"reference": "GARD2345"})

    assert response.status_code == 404
    assert "Không tìm thấy vé “GARD2345”." in response.content.decode()
    assert snapshot(theirs) == before


# --- Details ------------------------------------------------------------------------------


def test_the_producer_edits_what_tourists_read_and_nothing_else(client, two_producers):
    _me, market, _theirs = two_producers
    url = reverse("seller:experience-edit", args=[market.pk])
    data = {
        "meeting_point": "Bến Ninh Kiều, cột cờ",
        "meeting_point_en": "Ninh Kieu wharf, flagpole",
        "languages": ["vi", "en", "fr"],
        "included": "Thuyền, nước uống",
        "included_en": "Boat, water",
        "bring": "Mũ",
        "bring_en": "A hat",
        "child_price": "120000",
        "private_group_price": "1500000",
        "min_group": "2",
        "max_group": "8",
        "free_cancellation_hours": "48",
        "cutoff_hours": "6",
        "pay_at_village": "on",
        # Not the producer's to change: ignored.
        "kind": "cooking",
        "duration_minutes": "15",
    }

    response = client.post(url, data)

    assert response.status_code == 302
    market.refresh_from_db()
    assert (market.meeting_point_en, market.languages) == (
        "Ninh Kieu wharf, flagpole",
        ",vi,en,fr,",
    )
    assert (market.child_price, market.private_group_price) == (Decimal(120000), Decimal(1500000))
    assert (market.min_group, market.max_group, market.cutoff_hours) == (2, 8, 6)
    assert market.pay_at_village is True
    assert (market.kind, market.duration_minutes) == ("floating_market", 180)


@pytest.mark.parametrize(
    "change, field, message",
    [
        ({"languages": []}, "languages", "Chọn ít nhất một ngôn ngữ."),
        ({"languages": ["xx"]}, "languages", None),
        ({"min_group": "9", "max_group": "4"}, "min_group", "Số người tối thiểu không thể lớn"),
        ({"max_group": "501"}, "max_group", "Tối đa 500 người."),
        ({"child_price": "-1"}, "child_price", None),
        ({"child_price": "2000000000"}, "child_price", "Giá quá lớn."),
        ({"cutoff_hours": "100000"}, "cutoff_hours", None),
    ],
)
def test_bad_details_are_refused_and_nothing_changes(client, two_producers, change, field, message):
    _me, market, _theirs = two_producers
    before = Experience.objects.filter(pk=market.pk).values().get()
    data = {**VALID_POSTS["experience-edit"], **change}

    response = client.post(reverse("seller:experience-edit", args=[market.pk]), data)

    assert response.status_code == 400
    assert field in response.context["form"].errors
    if message:
        assert message in " ".join(response.context["form"].errors[field])
    assert Experience.objects.filter(pk=market.pk).values().get() == before


# --- Schedules and closed days ------------------------------------------------------------


def test_a_new_schedule_makes_its_slots_and_stopping_it_removes_the_unbooked_ones(
    client, two_producers
):
    _me, market, _theirs = two_producers
    today = timezone.localdate()
    response = client.post(
        reverse("seller:experience-schedule-add", args=[market.pk]),
        {
            "start_time": "05:30",
            "weekdays": ["0", "1", "2", "3", "4", "5", "6"],
            "capacity": "15",
            "starts_on": (today + dt.timedelta(days=1)).isoformat(),
            "ends_on": (today + dt.timedelta(days=10)).isoformat(),
        },
    )
    assert response.status_code == 302
    schedule = Schedule.objects.get(experience=market)
    assert (schedule.weekdays, schedule.capacity) == ("0123456", 15)
    slots = Slot.objects.filter(schedule=schedule)
    assert slots.count() == 10
    booked = slots.order_by("starts_at")[3]
    factories.booking(booked, reference="KEEP2345")

    response = client.post(
        reverse("seller:experience-schedule", args=[market.pk, schedule.pk]), {"stop": "1"}
    )

    assert response.status_code == 302
    schedule.refresh_from_db()
    assert schedule.ends_on == today - dt.timedelta(days=1)
    assert list(Slot.objects.filter(schedule=schedule)) == [booked]
    assert Booking.objects.get(reference="KEEP2345").status == BookingStatus.CONFIRMED


@pytest.mark.parametrize(
    "change, field",
    [
        ({"weekdays": []}, "weekdays"),
        ({"weekdays": ["7"]}, "weekdays"),
        ({"capacity": "0"}, "capacity"),
        ({"capacity": "501"}, "capacity"),
        ({"start_time": "25:00"}, "start_time"),
        ({"starts_on": "2020-01-01"}, "starts_on"),
        ({"starts_on": "2099-01-01"}, "starts_on"),
        ({"ends_on": "2029-12-31"}, "ends_on"),
        ({"starts_on": "không phải ngày"}, "starts_on"),
    ],
)
def test_bad_schedules_are_refused_with_nothing_saved(client, two_producers, change, field):
    _me, market, _theirs = two_producers
    data = {
        "start_time": "06:00",
        "weekdays": ["5", "6"],
        "capacity": "10",
        "starts_on": "2030-01-01",
        **change,
    }
    if field != "ends_on":
        data.setdefault("ends_on", "")
    before = (Schedule.objects.count(), Slot.objects.count())

    response = client.post(reverse("seller:experience-schedule-add", args=[market.pk]), data)

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert (Schedule.objects.count(), Slot.objects.count()) == before


def test_editing_a_schedule_moves_unbooked_slots_and_keeps_booked_ones(client, two_producers):
    _me, market, _theirs = two_producers
    today = timezone.localdate()
    schedule = Schedule.objects.create(
        experience=market,
        start_time=dt.time(5, 30),
        capacity=10,
        starts_on=today + dt.timedelta(days=1),
        ends_on=today + dt.timedelta(days=3),
    )
    from experiences.schedules import generate_slots

    generate_slots(experiences=[market.pk])
    booked = Slot.objects.filter(schedule=schedule).order_by("starts_at").first()
    factories.booking(booked, reference="KEEP2345")

    response = client.post(
        reverse("seller:experience-schedule", args=[market.pk, schedule.pk]),
        {
            "start_time": "06:15",
            "weekdays": list("0123456"),
            "capacity": "8",
            "starts_on": schedule.starts_on.isoformat(),
            "ends_on": schedule.ends_on.isoformat(),
        },
    )

    assert response.status_code == 302
    rows = [
        (timezone.localtime(s.starts_at).strftime("%H:%M"), s.capacity)
        for s in Slot.objects.filter(experience=market).order_by("starts_at")
    ]
    # The booked 05:30 stays as booked; every day of the schedule now has its 06:15.
    assert rows == [("05:30", 10), ("06:15", 8), ("06:15", 8), ("06:15", 8)]


def test_a_closed_day_closes_that_days_slots_and_refunds_their_bookings(
    client, two_producers, django_capture_on_commit_callbacks
):
    _me, market, _theirs = two_producers
    on_the_day = factories.slot(market, days=5, hour=5, minute=30)
    other_day = factories.slot(market, days=6, hour=5, minute=30)
    factories.booking(on_the_day, reference="TETA2345", email="lan@example.vn")
    day = timezone.localdate() + dt.timedelta(days=5)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("seller:experience-closed-day-add", args=[market.pk]),
            {"date": day.isoformat(), "reason": "Mùng 1 Tết"},
        )

    assert response.status_code == 302
    on_the_day.refresh_from_db()
    other_day.refresh_from_db()
    assert on_the_day.closed_reason == "Mùng 1 Tết" and on_the_day.closed_at is not None
    assert other_day.closed_at is None
    assert Booking.objects.get(reference="TETA2345").status == BookingStatus.CANCELLED
    assert [m.to for m in mail.outbox] == [["lan@example.vn"]]


@pytest.mark.parametrize("day", ["2020-01-01", "", "31/12/2030"])
def test_a_bad_closed_day_is_refused(client, two_producers, day):
    _me, market, _theirs = two_producers

    response = client.post(
        reverse("seller:experience-closed-day-add", args=[market.pk]), {"date": day}
    )

    assert response.status_code == 400
    assert ClosedDay.objects.filter(experience=market).count() == 0


# --- A slot and today's view -------------------------------------------------------------


def test_the_slot_page_lists_who_booked_and_closing_it_cancels_them(
    client, two_producers, django_capture_on_commit_callbacks
):
    _me, market, _theirs = two_producers
    slot = factories.slot(market, days=4, capacity=10)
    factories.booking(slot, adults=2, children=1, reference="SLOT2345", email="tom@example.com")
    url = reverse("seller:experience-slot", args=[slot.pk])

    page = client.get(url).content.decode()
    assert "SLOT2345" in page and "tom@example.com" in page
    assert client.post(url, {"reason": ""}).status_code == 400
    assert Slot.objects.get(pk=slot.pk).closed_at is None

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "Nước lên cao"}, follow=True)

    assert "Đã đóng lượt. 1 lượt đặt đã được hủy" in response.content.decode()
    assert Booking.objects.get(reference="SLOT2345").status == BookingStatus.CANCELLED
    assert len(mail.outbox) == 1


def _today_with_bookings(market, n):
    slots = [factories.slot(market, days=0, hour=h, minute=59) for h in (20, 21, 22)]
    for i in range(n):
        factories.booking(slots[i % 3], adults=1, reference=f"DAYV{i:04d}")


@pytest.mark.parametrize("bookings", [1, 12])
def test_the_day_view_query_count_does_not_grow_with_bookings(
    client, two_producers, django_assert_max_num_queries, bookings
):
    _me, market, _theirs = two_producers
    _today_with_bookings(market, bookings)

    with django_assert_max_num_queries(20):
        response = client.get(reverse("seller:experience-day"))

    assert response.content.decode().count('class="item booking"') == bookings


def test_the_day_view_reads_a_day_parameter_strictly(client, two_producers):
    _me, market, _theirs = two_producers
    factories.slot(market, days=1, hour=7, minute=0)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)

    shown = client.get(reverse("seller:experience-day"), {"ngay": tomorrow.isoformat()})
    for bad in ["2026-13-45", "٢٠٢٦-٠١-٠١", "x" * 300, "1900-01-01"]:
        assert client.get(reverse("seller:experience-day"), {"ngay": bad}).status_code == 200

    assert shown.context["day"] == tomorrow
    assert "07:00" in shown.content.decode()


# --- The check-in page ---------------------------------------------------------------------


def test_only_the_check_in_page_may_use_the_camera(client, two_producers):
    checkin_page = client.get(reverse("seller:experience-checkin"))
    day_page = client.get(reverse("seller:experience-day"))

    def features(response):
        return dict(item.split("=", 1) for item in response["Permissions-Policy"].split(", "))

    assert features(checkin_page)["camera"] == "(self)"
    assert features(checkin_page)["microphone"] == "()"
    assert features(day_page)["camera"] == "()"


def test_typing_a_reference_checks_the_ticket_in_and_a_second_time_says_when(client, two_producers):
    me, market, _theirs = two_producers
    slot = slot_today(market, capacity=10)
    factories.booking(slot, adults=2, children=1, reference="TYPE2345")
    url = reverse("seller:experience-checkin")

    first = client.post(url, {"reference": " type2345 "})
    booking = Booking.objects.get(reference="TYPE2345")
    second = client.post(url, {"reference": "TYPE2345"})

    assert first.status_code == 200 and "Đã check-in" in first.content.decode()
    assert booking.checked_in_by == me and booking.checked_in_at is not None
    assert "Vé này đã check-in lúc" in second.content.decode()
    assert Booking.objects.get(reference="TYPE2345").checked_in_at == booking.checked_in_at


def test_a_cancelled_ticket_is_refused_with_its_reason(client, two_producers):
    _me, market, _theirs = two_producers
    slot = factories.slot(market, days=0, hour=23, minute=0)
    factories.booking(
        slot, reference="GONE2345", status=BookingStatus.CANCELLED, cancelled_at=timezone.now()
    )

    response = client.post(reverse("seller:experience-checkin"), {"reference": "GONE2345"})

    assert response.status_code == 409
    assert "Vé này đã bị hủy lúc" in response.content.decode()
    assert Booking.objects.get(reference="GONE2345").checked_in_at is None
