"""A first-time visitor on cached pages, in Chromium: the add-to-basket form and the
language switch get their CSRF token when used, and once the visitor has a basket the
pages they see are their own (basket count), not the cached ones."""

import pytest
from playwright.sync_api import expect

from catalogue.tests.factories import groups, offer, producer
from pagecache.middleware import HEADER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def product(cached_site):
    return offer("Bánh pía Sóc Trăng", groups()["1.3"], producer("HTX Mỹ Khánh"), 85_000, 4)


def test_a_visitor_buys_from_a_cached_page_and_then_sees_their_own(phone_page, product):
    page = phone_page
    url = product.get_absolute_url()
    page.goto(url)
    response = page.goto(url)
    assert response.headers[HEADER.lower()] == "hit"
    assert "set-cookie" not in response.headers
    # The page asked for the CSRF cookie by itself before its load event.
    assert [c["name"] for c in page.context.cookies()] == ["csrftoken"]

    with page.expect_navigation():
        page.locator("form[action*='/basket/add/'] [type=submit]").first.click()

    expect(page.locator(".basket-count").first).to_have_text("1")
    response = page.goto(url)
    assert HEADER.lower() not in response.headers
    expect(page.locator(".basket-count").first).to_have_text("1")


def test_the_language_switch_works_from_a_cached_page(desktop_page, product):
    page = desktop_page
    page.goto("/")
    response = page.goto("/")
    assert response.headers[HEADER.lower()] == "hit"

    page.locator(".site-header .lang-switch button[value=en]").click()

    page.wait_for_url("**/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
