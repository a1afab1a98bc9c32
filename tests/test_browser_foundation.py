"""The foundation's journey: a phone visitor opens the home page, switches to English
through the header, and reaches a product page from a product card."""

import pytest


@pytest.mark.browser
def test_phone_visitor_switches_to_english_and_opens_a_product(demo_site, phone_page):
    page = phone_page

    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "vi"

    page.locator(".site-header .lang-switch button[value=en]").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#site-search-q").get_attribute("placeholder") == (
        "Search products & villages…"
    )

    card_link = page.locator(".product-card .product-card__title a").first
    title = card_link.inner_text().strip()
    card_link.click()
    page.wait_for_url("**/en/cua-hang/catalogue/**")

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text().strip() == title
    assert page.get_by_role("button", name="Add to basket").first.is_visible()
