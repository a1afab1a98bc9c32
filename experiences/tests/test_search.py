"""Finding experiences: each filter, filters combined, and what "a day with free places"
means (an open, upcoming slot with places left, before its booking cut-off)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import override

from cms.tests.factories import certify, make_home
from experiences import search
from experiences.choices import ActivityKind, BookingStatus
from villages.models import VillageIndexPage, VillagePage

from .factories import booking, experience, slot

pytestmark = pytest.mark.django_db


def titles(cards):
    return [card.title for card in cards]


def day(days):
    return timezone.localdate() + dt.timedelta(days=days)


@pytest.fixture
def villages():
    home = make_home()
    index = home.add_child(instance=VillageIndexPage(title="Làng du lịch", slug="lang-du-lich"))

    def add(title, commune=""):
        return index.add_child(
            instance=VillagePage(title=title, slug=slugify(title), commune_code=commune)
        )

    return index, add


@pytest.fixture
def three():
    """A dawn market trip (vi+en, 3h, 250k), a fruit garden (vi, 90 min, 150k), a
    homestay (vi+fr, 2 days, 900k); each with a slot in 3 days."""
    market = experience("Chợ nổi bình minh")
    garden = experience(
        "Vườn trái cây Mỹ Khánh",
        adult_price=150_000,
        kind=ActivityKind.GARDEN,
        duration_minutes=90,
        languages=",vi,",
    )
    homestay = experience(
        "Ngủ nhà dân Cồn Sơn",
        adult_price=900_000,
        kind=ActivityKind.HOMESTAY,
        duration_minutes=2 * 24 * 60,
        languages=",vi,fr,",
    )
    for each in (market, garden, homestay):
        slot(each, days=3)
    return market, garden, homestay


@pytest.mark.parametrize(
    "query, expected",
    [
        ({}, ["Chợ nổi bình minh", "Ngủ nhà dân Cồn Sơn", "Vườn trái cây Mỹ Khánh"]),
        ({"hoat-dong": "garden"}, ["Vườn trái cây Mỹ Khánh"]),
        ({"ngon-ngu": "en"}, ["Chợ nổi bình minh"]),
        ({"ngon-ngu": "fr"}, ["Ngủ nhà dân Cồn Sơn"]),
        (
            {"ngon-ngu": "vi"},
            ["Chợ nổi bình minh", "Ngủ nhà dân Cồn Sơn", "Vườn trái cây Mỹ Khánh"],
        ),
        ({"gia": "200000"}, ["Vườn trái cây Mỹ Khánh"]),
        ({"gia": "500000"}, ["Chợ nổi bình minh", "Vườn trái cây Mỹ Khánh"]),
        ({"thoi-luong": "ngan"}, ["Vườn trái cây Mỹ Khánh"]),
        ({"thoi-luong": "nua-ngay"}, ["Chợ nổi bình minh"]),
        ({"thoi-luong": "dai"}, ["Ngủ nhà dân Cồn Sơn"]),
        ({"ngon-ngu": "vi", "gia": "500000", "thoi-luong": "nua-ngay"}, ["Chợ nổi bình minh"]),
        ({"hoat-dong": "garden", "ngon-ngu": "en"}, []),
        # unknown values are ignored, never an error
        (
            {"hoat-dong": "bungee", "gia": "123", "thoi-luong": "x", "ngon-ngu": "\x00"},
            ["Chợ nổi bình minh", "Ngủ nhà dân Cồn Sơn", "Vườn trái cây Mỹ Khánh"],
        ),
    ],
)
def test_each_filter_and_filters_combined(three, query, expected):
    assert titles(search.find(search.ExperienceSearch.from_query(query))) == expected


def test_a_day_finds_experiences_with_free_places_that_day(three):
    market, garden, homestay = three
    slot(garden, days=5)

    on_three = search.ExperienceSearch.from_query({"ngay": day(3).isoformat()})
    on_five = search.ExperienceSearch.from_query({"ngay": day(5).isoformat()})
    on_six = search.ExperienceSearch.from_query({"ngay": day(6).isoformat()})

    assert titles(search.find(on_three)) == [
        "Chợ nổi bình minh",
        "Ngủ nhà dân Cồn Sơn",
        "Vườn trái cây Mỹ Khánh",
    ]
    assert titles(search.find(on_five)) == ["Vườn trái cây Mỹ Khánh"]
    assert titles(search.find(on_six)) == []


def test_a_day_excludes_full_closed_past_and_after_cut_off_slots():
    now = timezone.now()
    today = timezone.localdate()
    full = experience("Full")
    booking(slot(full, days=2, capacity=4), adults=3, children=1)
    held_full = experience("Held full")
    booking(slot(held_full, days=2, capacity=2), adults=2, status=BookingStatus.HELD)
    closed = experience("Closed")
    slot(closed, days=2, closed_at=now)
    cut_off = experience("Cut off", cutoff_hours=72)  # starts in 2 days: too late to book
    slot(cut_off, days=2)
    open_one = experience("Open")
    booking(slot(open_one, days=2, capacity=4), adults=3)  # one place left
    expired_hold = experience("Expired hold")
    booking(
        slot(expired_hold, days=2, capacity=2),
        adults=2,
        status=BookingStatus.HELD,
        hold_expires_at=now - dt.timedelta(minutes=1),
    )
    cancelled = experience("Cancelled")
    booking(slot(cancelled, days=2, capacity=2), adults=2, status=BookingStatus.CANCELLED)
    started = experience("Started earlier today", cutoff_hours=0)
    from experiences.models import Slot

    Slot.objects.create(experience=started, starts_at=now - dt.timedelta(minutes=5), capacity=9)

    wanted = search.ExperienceSearch.from_query(
        {"ngay": (today + dt.timedelta(days=2)).isoformat()}
    )
    assert titles(search.find(wanted)) == ["Cancelled", "Expired hold", "Open"]
    # a past day is no filter: no day is read
    assert (
        search.ExperienceSearch.from_query({"ngay": (today - dt.timedelta(days=1)).isoformat()}).day
        is None
    )
    wanted_today = search.ExperienceSearch(day=today)
    assert "Started earlier today" not in titles(search.find(wanted_today))


@pytest.mark.parametrize(
    "value",
    ["", "2026-02-30", "30/11/2026", "２０２６-１２-０１", "2026-1-1", "9999-12-31", "x" * 300],
)
def test_a_malformed_or_far_day_is_ignored(value):
    assert search.ExperienceSearch.from_query({"ngay": value}).day is None


def test_cards_show_price_stars_languages_duration_and_next_dates_with_room():
    market = experience(
        "Chợ nổi bình minh",
        duration_minutes=150,
        meeting_point="Bến Ninh Kiều",
        meeting_point_en="Ninh Kieu wharf",
    )
    certify(market.product, 4)
    first = slot(market, days=2, hour=5, minute=30)
    slot(market, days=2, hour=8, capacity=6)
    booking(slot(market, days=3), adults=10)  # full: no date
    slot(market, days=4)
    slot(market, days=6)
    slot(market, days=7)  # a fourth date: beyond the three shown
    slot(market, days=search.HORIZON_DAYS + 2)

    [card] = search.find()

    assert card.adult_price == Decimal("250000")
    assert card.stars == 4
    assert card.kind == "Chợ nổi"
    assert [d.day for d in card.dates] == [day(2), day(4), day(6)]
    assert [(s.starts_at, s.places_left) for s in card.dates[0].slots] == [
        (first.starts_at, 10),
        (first.starts_at + dt.timedelta(hours=3), 6),
    ]
    assert card.duration == "2 giờ 30 phút"
    assert card.languages == ["Tiếng Việt", "Tiếng Anh"]
    assert card.meeting_point == "Bến Ninh Kiều"
    with override("en"):
        assert card.meeting_point == "Ninh Kieu wharf"
        assert card.duration == "2 hours 30 minutes"
        assert card.languages == ["Vietnamese", "English"]


def test_an_experience_not_for_sale_is_never_found():
    hidden = experience("Ẩn")
    hidden.product.is_public = False
    hidden.product.save()
    experience("Hiện")

    assert titles(search.find()) == ["Hiện"]


def test_villages_narrow_experiences_to_theirs(villages):
    _index, add = villages
    my_khanh = add("Mỹ Khánh")
    con_son = add("Cồn Sơn")
    experience("Vườn", village=my_khanh)
    experience("Cá lóc bay", village=con_son)
    experience("Không thuộc làng")

    found = search.find(villages=VillagePage.objects.filter(pk=my_khanh.pk))

    assert titles(found) == ["Vườn"]
    assert found[0].village == my_khanh


def test_finding_costs_the_same_queries_for_many_experiences_and_slots(villages):
    _index, add = villages
    village = add("Mỹ Khánh")
    first = experience("Một", village=village)
    slot(first, days=2)
    wanted = search.ExperienceSearch(day=day(2))
    search.find(wanted, VillagePage.objects.all())  # warm Wagtail's locale cache
    with CaptureQueriesContext(connection) as one:
        search.find(wanted, VillagePage.objects.all())
    for n in range(6):
        more = experience(f"Thêm {n}", village=village)
        for days in range(2, 9):
            slot(more, days=days)
    with CaptureQueriesContext(connection) as many:
        cards = search.find(wanted, VillagePage.objects.all())

    assert len(cards) == 7
    # the experiences, the day's slots, the coming slots, the locale, its villages
    assert len(many.captured_queries) == len(one.captured_queries) <= 5
