"""The villages index finds experiences; a village page lists its experiences with the
next dates that have room, and maps the village, its producers and meeting points."""

import datetime as dt
import json
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.text import slugify

import places
from cms.tests.factories import make_home, producer
from experiences.choices import ActivityKind
from experiences.tests.factories import booking, experience, slot
from profiles.models import ProducerIndexPage, ProducerPage
from villages.choices import VillageKind
from villages.models import VillageIndexPage, VillagePage, VillageProducer

WARDS = places.wards()
PAGE = "/lang-du-lich/my-khanh/"


@pytest.fixture(autouse=True)
def in_vietnamese():
    """Requests leave their language active in the thread; pages built here read in vi."""
    with translation.override("vi"):
        yield


@pytest.fixture
def index(db):
    home = make_home()
    return home.add_child(instance=VillageIndexPage(title="Làng du lịch", slug="lang-du-lich"))


def add_village(index, title, commune="", kind=VillageKind.TOURISM, **fields):
    return index.add_child(
        instance=VillagePage(
            title=title, slug=slugify(title), commune_code=commune, kind=kind, **fields
        )
    )


def card_titles(response):
    return [card.title for card in response.context["experiences"]]


def day(days):
    return timezone.localdate() + dt.timedelta(days=days)


@pytest.fixture
def two_villages(index):
    """Mỹ Khánh (a garden, vi only, 150k) and Cái Răng (a dawn market, vi+en, 250k; a
    boat trip, en, 400k), in two communes; slots in 3 days, the boat also in 5."""
    my_khanh = add_village(index, "Mỹ Khánh", WARDS[1][0])
    cai_rang = add_village(index, "Cái Răng", WARDS[2][0], kind=VillageKind.COMMUNITY)
    garden = experience(
        "Vườn trái cây",
        village=my_khanh,
        adult_price=150_000,
        kind=ActivityKind.GARDEN,
        languages=",vi,",
        duration_minutes=120,
    )
    market = experience("Chợ nổi bình minh", village=cai_rang)
    boat = experience(
        "Xuồng ba lá",
        village=cai_rang,
        adult_price=400_000,
        kind=ActivityKind.BOAT,
        languages=",en,",
        duration_minutes=360,
    )
    for each in (garden, market, boat):
        slot(each, days=3)
    slot(boat, days=5)
    return my_khanh, cai_rang


@pytest.mark.parametrize(
    "query, expected",
    [
        ({}, ["Chợ nổi bình minh", "Vườn trái cây", "Xuồng ba lá"]),
        ({"xa": WARDS[1][0]}, ["Vườn trái cây"]),
        ({"loai": "community"}, ["Chợ nổi bình minh", "Xuồng ba lá"]),
        ({"hoat-dong": "boat"}, ["Xuồng ba lá"]),
        ({"ngon-ngu": "en"}, ["Chợ nổi bình minh", "Xuồng ba lá"]),
        ({"gia": "200000"}, ["Vườn trái cây"]),
        ({"thoi-luong": "dai"}, ["Xuồng ba lá"]),
        ({"ngay": "+5"}, ["Xuồng ba lá"]),
        ({"ngay": "+5", "ngon-ngu": "vi"}, []),
        (
            {"xa": WARDS[2][0], "ngon-ngu": "en", "gia": "500000", "ngay": "+3"},
            ["Chợ nổi bình minh", "Xuồng ba lá"],
        ),
        (
            {"xa": "99999", "ngay": "hôm qua", "gia": "-1", "hoat-dong": ["boat", "x"]},
            ["Chợ nổi bình minh", "Vườn trái cây", "Xuồng ba lá"],
        ),
    ],
)
def test_the_index_finds_experiences_by_each_filter_and_combined(
    client, two_villages, query, expected
):
    query = {
        name: day(int(value[1:])).isoformat() if name == "ngay" and value[:1] == "+" else value
        for name, value in query.items()
    }
    response = client.get("/lang-du-lich/", query)

    assert response.status_code == 200
    assert card_titles(response) == expected


def test_the_index_shows_cards_with_village_price_and_dates(client, two_villages):
    response = client.get("/lang-du-lich/", {"hoat-dong": "boat"})

    html = response.content.decode()
    card = re.search(r'<article class="experience-card">.*?</article>', html, re.S).group(0)
    assert "Xuồng ba lá" in card and "Cái Răng" in card
    assert "400.000\N{NO-BREAK SPACE}₫" in card
    assert "6 giờ" in card and "Tiếng Anh" in card
    assert card.count('class="experience-card__date"') == 2
    assert f'?ngay={day(3).isoformat()}"' in card
    assert 'name="hoat-dong"' in html and '<option value="boat" selected>' in html


def test_the_index_in_english(client, two_villages):
    response = client.get("/en/lang-du-lich/", {"hoat-dong": "boat"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "From <strong>" in html and "per adult" in html
    assert "6 hours" in html and "Boat trips, river life" in html
    assert "Dates with places" in html


@pytest.mark.usefixtures("no_page_cache")
def test_the_index_costs_the_same_queries_for_more_experiences_and_slots(client, index):
    village = add_village(index, "Mỹ Khánh", WARDS[1][0])
    slot(experience("Một", village=village), days=3)
    client.get("/lang-du-lich/")
    with CaptureQueriesContext(connection) as few:
        client.get("/lang-du-lich/", {"ngay": day(3).isoformat()})
    for n in range(5):
        other = add_village(index, f"Làng {n}", WARDS[n + 2][0])
        more = experience(f"Thêm {n}", village=other)
        for days in range(2, 9):
            slot(more, days=days)
    client.get("/lang-du-lich/")  # the new pages changed the site: its caches fill again
    with CaptureQueriesContext(connection) as many:
        response = client.get("/lang-du-lich/", {"ngay": day(3).isoformat()})

    assert len(response.context["experiences"]) == 6
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.fixture
def village(index):
    """Mỹ Khánh with a producer (profiled, with a place), a producer without a place, and
    two experiences: one with a meeting point on the map, one without coordinates."""
    page = add_village(
        index,
        "Mỹ Khánh",
        WARDS[1][0],
        latitude=Decimal("10.010500"),
        longitude=Decimal("105.717200"),
    )
    cooperative = producer("HTX Vườn Mỹ Khánh")
    cooperative.latitude, cooperative.longitude = Decimal("10.0121"), Decimal("105.7203")
    cooperative.save()
    profiles = index.get_parent().add_child(
        instance=ProducerIndexPage(title="Cơ sở", slug="co-so-san-xuat")
    )
    profiles.add_child(
        instance=ProducerPage(title="HTX Vườn Mỹ Khánh", slug="htx", partner=cooperative)
    )
    VillageProducer.objects.create(page=page, partner=cooperative, sort_order=0)
    VillageProducer.objects.create(page=page, partner=producer("Hộ bà Tư"), sort_order=1)
    garden = experience(
        "Vườn trái cây",
        village=page,
        kind=ActivityKind.GARDEN,
        meeting_point="Cổng khu du lịch",
        meeting_point_en="The resort gate",
        meeting_latitude=Decimal("10.009900"),
        meeting_longitude=Decimal("105.716600"),
    )
    experience("Làm bánh", village=page, meeting_latitude=None, meeting_longitude=None)
    experience("Ở làng khác")
    return page, garden


def map_markers(html):
    data = re.search(
        r'<script id="village-place-map-data" type="application/json">(.*?)</script>', html, re.S
    ).group(1)
    return json.loads(data)


def test_a_village_lists_its_experiences_with_the_next_dates_with_room(client, village):
    page, garden = village
    full = slot(garden, days=2)
    booking(full, adults=10)
    slot(garden, days=4, hour=7, minute=0, capacity=5)
    slot(garden, days=4, hour=15, minute=0, closed_at=timezone.now())

    response = client.get(page.url)

    html = response.content.decode()
    assert [card.title for card in response.context["village_experiences"]] == [
        "Làm bánh",
        "Vườn trái cây",
    ]
    assert "Ở làng khác" not in html
    [dates] = [c.dates for c in response.context["village_experiences"] if c.dates]
    assert [(d.day, [s.places_left for s in d.slots]) for d in dates] == [(day(4), [5])]
    assert "07:00 · còn 5 chỗ" in html
    assert "15:00" not in html


def test_a_village_maps_itself_its_producers_and_meeting_points_unlocalised(client, village):
    page, _garden = village

    response = client.get(page.url)

    html = response.content.decode()
    assert map_markers(html) == [
        {
            "title": "Mỹ Khánh",
            "url": "",
            "lat": 10.0105,
            "lng": 105.7172,
            "kind": "Làng du lịch gắn với sản phẩm địa phương",
            "directions": "https://www.google.com/maps/dir/?api=1&destination=10.010500%2C105.717200",
        },
        {
            "title": "HTX Vườn Mỹ Khánh",
            "url": "/co-so-san-xuat/htx/",
            "lat": 10.0121,
            "lng": 105.7203,
            "kind": "Chủ thể OCOP",
            "directions": "https://www.google.com/maps/dir/?api=1&destination=10.012100%2C105.720300",
        },
        {
            "title": "Điểm hẹn: Cổng khu du lịch",
            "url": response.context["village_experiences"][1].url,
            "lat": 10.0099,
            "lng": 105.7166,
            "kind": "Vườn trái cây",
            "directions": "https://www.google.com/maps/dir/?api=1&destination=10.009900%2C105.716600",
        },
    ]
    assert "10,0105" not in html and "105,7172" not in html
    assert 'data-directions-label="Chỉ đường"' in html


@pytest.mark.parametrize(
    "prefix, label",
    [("", "Chỉ đường đến làng"), ("/en", "Directions to the village")],
)
def test_the_directions_link_is_the_same_in_both_languages(client, village, prefix, label):
    page, _garden = village

    response = client.get(prefix + PAGE)

    html = response.content.decode()
    link = re.search(r"<a [^>]*data-directions[^>]*>([^<]*)</a>", html)
    assert response.status_code == 200
    assert link.group(1) == label
    assert (
        'href="https://www.google.com/maps/dir/?api=1&amp;destination=10.010500%2C105.717200"'
        in link.group(0)
    )


def test_a_village_in_english_uses_the_english_meeting_point(client, village):
    page, _garden = village

    response = client.get("/en" + PAGE)

    html = response.content.decode()
    assert "Meeting point: The resort gate" in html
    assert "Cổng khu du lịch" not in html
    assert "Map and directions" in html


def test_a_village_without_coordinates_has_no_directions_and_no_marker_of_its_own(client, index):
    page = add_village(index, "Cồn Sơn")
    experience("Cá lóc bay", village=page)  # meeting point at Ninh Kiều in the factory

    html = client.get(page.url).content.decode()

    assert "Chỉ đường đến làng" not in html
    assert [m["title"] for m in map_markers(html)] == ["Điểm hẹn: Bến Ninh Kiều"]


@pytest.mark.usefixtures("no_page_cache")
def test_a_village_page_costs_the_same_queries_for_more_experiences_and_slots(client, village):
    page, garden = village
    slot(garden, days=3)
    client.get(page.url)
    with CaptureQueriesContext(connection) as few:
        client.get(page.url)
    for n in range(5):
        more = experience(f"Thêm {n}", village=page)
        for days in range(2, 9):
            slot(more, days=days)
    client.get(page.url)  # the new experiences changed the catalogue: its caches fill again
    with CaptureQueriesContext(connection) as many:
        response = client.get(page.url)

    assert len(response.context["village_experiences"]) == 7
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_village_pages_places_left_show_at_once(client, village, settings):
    # The page is rendered each time, its shared part kept (pagecache.fragments).
    settings.OCOP_PAGE_CACHE_SECONDS = 0
    page, garden = village
    morning = slot(garden, days=4, hour=7, minute=0, capacity=5)
    assert "07:00 · còn 5 chỗ" in client.get(page.url).content.decode()
    assert "07:00 · còn 5 chỗ" in client.get(page.url).content.decode()

    booking(morning, adults=2)

    html = client.get(page.url).content.decode()
    assert "07:00 · còn 3 chỗ" in html and "còn 5 chỗ" not in html
