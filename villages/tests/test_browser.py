"""A tourist on a phone with no tile server: finds an experience for a day with the
filter form (no JavaScript needed), opens its village, and sees the village's map with
its producers and meeting point, a notice that the background did not load, and the
directions links."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cms.tests.factories import make_home, producer
from conftest import RESULTS_DIR
from experiences.choices import ActivityKind
from experiences.tests.factories import experience, slot
from villages.models import VillageIndexPage, VillagePage, VillageProducer

pytestmark = pytest.mark.browser


def publish_village(index, title, slug, lat, lng):
    village = VillagePage(
        title=title,
        slug=slug,
        summary=f"Giới thiệu {title}.",
        latitude=Decimal(lat),
        longitude=Decimal(lng),
    )
    index.add_child(instance=village)
    village.save_revision().publish()
    return village


def test_a_tourist_finds_an_experience_for_a_day_and_its_village_map_offline(phone_page):
    index = make_home().add_child(
        instance=VillageIndexPage(title="Làng du lịch", slug="lang-du-lich")
    )
    my_khanh = publish_village(index, "Làng du lịch Mỹ Khánh", "my-khanh", "10.0105", "105.7172")
    cai_rang = publish_village(index, "Chợ nổi Cái Răng", "cai-rang", "10.004", "105.747")
    orchard = producer("HTX Vườn Mỹ Khánh")
    orchard.latitude, orchard.longitude = Decimal("10.0121"), Decimal("105.7203")
    orchard.save()
    VillageProducer.objects.create(page=my_khanh, partner=orchard)
    garden = experience(
        "Hái trái cây trong vườn",
        village=my_khanh,
        kind=ActivityKind.GARDEN,
        adult_price=150_000,
        meeting_point="Cổng khu du lịch Mỹ Khánh",
        meeting_latitude=Decimal("10.0099"),
        meeting_longitude=Decimal("105.7166"),
    )
    market = experience("Đi chợ nổi lúc bình minh", village=cai_rang)
    slot(garden, days=4, hour=8, minute=0)
    slot(market, days=3)
    wanted = timezone.localdate() + dt.timedelta(days=4)

    tile_requests = []

    def block_tiles(route):
        tile_requests.append(route.request.url)
        route.abort()

    page = phone_page
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), block_tiles)
    page.goto("/lang-du-lich/")
    expect(page.locator(".experience-card")).to_have_count(2)

    # the filter form: a day and an activity, sent as a plain GET form
    page.locator("#find-day").fill(wanted.isoformat())
    page.locator("#find-activity").select_option("garden")
    page.get_by_role("form", name="Tìm làng và trải nghiệm").get_by_role(
        "button", name="Tìm"
    ).click()
    expect(page).to_have_url(re.compile(rf"ngay={wanted.isoformat()}"))
    cards = page.locator(".experience-card")
    expect(cards).to_have_count(1)
    expect(cards.first.locator(".experience-card__title")).to_have_text("Hái trái cây trong vườn")
    expect(cards.first.locator(".experience-card__price")).to_contain_text("150.000")
    expect(cards.first.locator(".experience-card__date").first).to_contain_text("08:00")
    page.screenshot(path=RESULTS_DIR / "villages-find-experience-phone.png", full_page=True)

    cards.first.get_by_role("link", name="Làng du lịch Mỹ Khánh").click()
    expect(page).to_have_url(re.compile(r"/lang-du-lich/my-khanh/$"))
    the_map = page.locator("#village-place-map")
    # Leaflet loads when the map comes near the screen.
    the_map.scroll_into_view_if_needed()
    expect(the_map).to_have_attribute("data-map-ready", "true")
    # the village, its producer and the meeting point, on a plain background
    expect(the_map.locator(".leaflet-marker-icon")).to_have_count(3)
    expect(page.locator(".village-where [data-map-message]")).to_be_visible()
    assert tile_requests and all("tile.openstreetmap.org" in url for url in tile_requests)
    directions = page.locator("[data-directions]")
    expect(directions).to_have_attribute(
        "href", "https://www.google.com/maps/dir/?api=1&destination=10.010500%2C105.717200"
    )
    the_map.locator('.leaflet-marker-icon[title="Điểm hẹn: Cổng khu du lịch Mỹ Khánh"]').click()
    expect(page.locator(".map-popup__directions")).to_have_attribute(
        "href", "https://www.google.com/maps/dir/?api=1&destination=10.009900%2C105.716600"
    )
    page.locator(".village-where").scroll_into_view_if_needed()
    page.screenshot(path=RESULTS_DIR / "village-map-offline-phone.png", full_page=True)
    assert page.policy_violations == []
