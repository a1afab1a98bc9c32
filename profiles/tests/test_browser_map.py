"""A tourist on a phone, offline from the tile server: the villages map still works, the
list leads to a village, and the village to what one can buy or do there."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from experiences.tests.factories import experience
from villages.models import VillageIndexPage, VillagePage

from .factories import make_tree

pytestmark = pytest.mark.browser


def add_village(index, title, slug, lat, lng):
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


def test_villages_map_without_tiles_then_village_then_product(phone_page):
    home, _producers, _stories, _news = make_tree()
    index = home.add_child(instance=VillageIndexPage(title="Làng du lịch", slug="lang-du-lich"))
    cai_rang = add_village(index, "Chợ nổi Cái Răng", "cai-rang", "10.004", "105.747")
    boat = experience("Đi chợ nổi Cái Răng lúc bình minh", village=cai_rang).product
    add_village(index, "Làng du lịch Mỹ Khánh", "my-khanh", "10.011", "105.717")
    tile_requests = []

    def block_tiles(route):
        tile_requests.append(route.request.url)
        route.abort()

    page = phone_page
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), block_tiles)
    page.goto("/lang-du-lich/")

    the_map = page.locator("#village-map")
    # Leaflet loads when the map comes near the screen.
    the_map.scroll_into_view_if_needed()
    expect(the_map).to_have_attribute("data-map-ready", "true")
    expect(page.locator("#village-map .leaflet-marker-icon")).to_have_count(2)
    expect(page.locator("[data-map-message]")).to_be_visible()
    assert tile_requests and all("tile.openstreetmap.org" in url for url in tile_requests)
    # the tiles were asked for, so the Content-Security-Policy let them through
    assert page.policy_violations == []

    # a marker opens a popup that links to its village
    page.locator('#village-map .leaflet-marker-icon[title="Làng du lịch Mỹ Khánh"]').click()
    expect(page.locator(".map-popup__link")).to_have_attribute("href", "/lang-du-lich/my-khanh/")

    page.get_by_role("link", name="Chợ nổi Cái Răng", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/lang-du-lich/cai-rang/$"))
    expect(page.locator("h1")).to_have_text("Chợ nổi Cái Răng")

    page.get_by_role("link", name="Đi chợ nổi Cái Răng lúc bình minh").first.click()
    expect(page).to_have_url(re.compile(rf"/cua-hang/catalogue/.*_{boat.pk}/$"))
    expect(page.locator("h1")).to_have_text("Đi chợ nổi Cái Răng lúc bình minh")
    assert page.policy_violations == []
