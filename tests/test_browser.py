"""The browser fixtures themselves: Debian's Chromium reaches the live server on loopback."""

from urllib.parse import urlsplit

import pytest


def test_live_server_listens_on_loopback_on_a_free_port(live_server):
    address = urlsplit(live_server.url)

    assert address.hostname == "127.0.0.1"
    assert address.port not in (None, 0, 8000)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("page_fixture", "width", "mobile"), [("phone_page", 390, True), ("desktop_page", 1366, False)]
)
def test_chromium_opens_a_page_of_the_site(request, page_fixture, width, mobile):
    page = request.getfixturevalue(page_fixture)

    response = page.goto("/healthz")

    assert response.status == 200
    assert page.locator("body").inner_text() == "ok"
    assert page.evaluate("screen.width") == width
    assert page.evaluate("navigator.maxTouchPoints > 0") is mobile
    assert page.evaluate("navigator.language") == "vi-VN"
