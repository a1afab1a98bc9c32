"""A shopper on a phone filters to 5★ food, opens a product and sees its certificate."""

import pytest
from playwright.sync_api import expect

from .factories import small_catalogue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_phone_filter_to_five_star_food_then_read_the_certificate(phone_page):
    shop = small_catalogue()
    certificate = shop["products"][1].certificates.get()
    page = phone_page

    page.goto("/cua-hang/catalogue/")
    expect(page.locator(".browse__count")).to_have_text("8 sản phẩm")
    filters = page.locator("#browse-filters")
    expect(filters).to_be_hidden()

    page.get_by_role("button", name="Bộ lọc").first.click()
    expect(filters).to_be_visible()
    filters.get_by_role("link", name="5 sao – quốc gia").click()
    expect(page.locator(".browse__count")).to_have_text("2 sản phẩm")

    page.get_by_role("button", name="Bộ lọc").first.click()
    page.locator("#browse-filters").get_by_role("link", name="Thực phẩm").click()
    expect(page.locator(".browse__count")).to_have_text("1 sản phẩm")
    expect(page.locator("h1")).to_have_text("Thực phẩm")
    assert "stars=5" in page.url

    card = page.locator(".product-card")
    expect(card).to_have_count(1)
    expect(card.locator(".ocop-badge")).to_contain_text("OCOP 5 sao")
    card.get_by_role("link", name="Bánh tráng Thuận Hưng").click()

    expect(page.locator("h1")).to_have_text("Bánh tráng Thuận Hưng")
    panel = page.locator(".certificate")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Sản phẩm OCOP quốc gia 5 sao")
    expect(panel.locator("[data-decision-number]")).to_contain_text(certificate.decision_number)
    expect(page.locator("[data-producer]")).to_contain_text("HTX Mỹ Khánh · Phường Ninh Kiều")


def test_typing_without_diacritics_suggests_the_product(desktop_page):
    small_catalogue()
    page = desktop_page

    page.goto("/cua-hang/catalogue/")
    page.locator("#site-search-q").press_sequentially("cho noi", delay=40)

    suggestion = page.locator(".search-suggest a")
    expect(suggestion).to_have_text(["Tour chợ nổi Cái Răng"])
    suggestion.click()
    expect(page.locator("h1")).to_have_text("Tour chợ nổi Cái Răng")
