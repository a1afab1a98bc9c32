"""A tourist on /en/ types "honey" on a phone, opens the product and reads it in English;
an untranslated product says so instead of showing an empty box."""

import pytest
from playwright.sync_api import expect

from conftest import RESULTS_DIR

from .factories import NINH_KIEU, groups, offer, producer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_tourist_finds_honey_in_english_and_sees_what_is_untranslated(phone_page):
    g = groups()
    maker = producer("HTX Mật Vàng", "htx", NINH_KIEU)
    honey = offer("Mật ong hoa tràm", g["1.2"], maker, 120_000, 4, description="<p>Mật rừng.</p>")
    honey.title_en = "Cajeput-flower honey"
    honey.description_en = "<p>Amber honey from the edge of the cajeput forest.</p>"
    honey.save()
    offer("Mật ong hoa nhãn", g["1.2"], maker, 90_000, 3, description="<p>Mật hoa nhãn.</p>")
    page = phone_page

    page.goto("/en/cua-hang/search/?q=honey")
    cards = page.locator(".product-card__title")
    expect(cards).to_have_count(2)
    expect(cards.filter(has_text="Cajeput-flower honey")).to_have_count(1)
    untranslated = cards.locator('[lang="vi"]')
    expect(untranslated).to_have_text("Mật ong hoa nhãn")
    expect(cards.locator(".translation-note")).to_have_text("(not yet translated)")
    page.screenshot(path=RESULTS_DIR / "english-search-honey-phone.png", full_page=True)

    cards.get_by_role("link", name="Cajeput-flower honey").click()
    expect(page.locator("h1")).to_have_text("Cajeput-flower honey")
    expect(page.locator(".product-description")).to_contain_text("Amber honey")
    expect(page.locator("[data-untranslated]")).to_have_count(0)
