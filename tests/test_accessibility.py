"""WCAG 2.2 AA in a real browser: axe-core over the main pages at phone and desktop sizes.

axe-core comes from npm (``package.json``) and is evaluated in the page from
``node_modules`` (no CDN, and outside the page's Content-Security-Policy, as a browser
extension would). The journey runs as a shopper would: public pages, a basket with
goods of two producers, each checkout step as a guest, order tracking, then a producer
in the seller area. Screenshots of the basket and each checkout step are kept in
``conftest.RESULTS_DIR`` at both sizes so anyone can look at them.
"""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation
from oscar.core.loading import get_model

from conftest import RESULTS_DIR

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")

pytestmark = pytest.mark.browser

AXE_SOURCE = (settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js").read_text()
# WCAG 2.0–2.2 A and AA, and the best practices behind "no empty table headers" and
# "heading levels without skips" (axe files those under best-practice).
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
SIZES = ["phone", "desktop"]


def axe_violations(page):
    """[(rule, impact, first targets, summary)] that axe-core finds on the page."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    # Map markers are left out: each one repeats a link of the list beside the map, which
    # is WCAG 2.5.8's "equivalent" exception to the target size (axe cannot know it).
    result = page.evaluate(
        "options => axe.run({exclude: [['.leaflet-marker-pane']]}, options)", AXE_OPTIONS
    )
    return [
        (
            violation["id"],
            violation["impact"],
            [node["target"] for node in violation["nodes"][:3]],
            violation["nodes"][0].get("failureSummary", "")[:300],
        )
        for violation in result["violations"]
    ]


FOCUS_RING = """element => {
    const style = getComputedStyle(element);
    return [style.outlineStyle, parseFloat(style.outlineWidth), style.outlineColor];
}"""


def relative_luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_on_white(css_colour):
    rgb = [int(v) for v in re.findall(r"\d+", css_colour)[:3]]
    return 1.05 / (relative_luminance(rgb) + 0.05)


def keyboard_focus_ring(page, selector):
    """The outline ``selector`` shows when reached with the keyboard."""
    page.locator(selector).first.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    return page.locator(selector).first.evaluate(FOCUS_RING)


def public_paths():
    from cms.news import NewsIndexPage, NewsPage
    from cms.programme import ensure_programme_page
    from profiles.models import ProducerIndexPage, ProducerPage
    from villages.models import VillageIndexPage, VillagePage

    with translation.override("vi"):
        product = Product.objects.browsable().order_by("pk").first()
        group = Category.objects.browsable().filter(depth=1).order_by("path").first()
        paths = {
            "home": "/",
            "catalogue": "/cua-hang/catalogue/",
            "group": group.get_absolute_url(),
            "product": product.get_absolute_url(),
            "search": "/cua-hang/search/?q=banh+trang",
            "villages": VillageIndexPage.objects.live()
            .filter(locale__language_code="vi")
            .get()
            .url,
            "village": VillagePage.objects.live().order_by("path").first().url,
            "producers": ProducerIndexPage.objects.live()
            .filter(locale__language_code="vi")
            .get()
            .url,
            "producer": ProducerPage.objects.live().order_by("path").first().url,
            "programme": ensure_programme_page().url,
            "news": NewsIndexPage.objects.live().first().url,
            "login": "/cua-hang/accounts/login/",
            "tracking": "/cua-hang/checkout/tra-cuu-don-hang/",
            "empty basket": "/cua-hang/basket/",
        }
        news = NewsPage.objects.live().first()
        if news is not None:
            paths["news item"] = news.url
    return paths


def two_producers_goods():
    """Two goods in stock from two different producers."""
    seen, chosen = set(), []
    for product in Product.objects.browsable().filter(product_class__requires_shipping=True):
        record = product.stockrecords.first()
        if record and record.partner_id not in seen and (record.net_stock_level or 0) >= 2:
            seen.add(record.partner_id)
            chosen.append(product)
        if len(chosen) == 2:
            break
    return chosen


def sign_in(page, live_server, email):
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def shoot(page, name, size):
    RESULTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=RESULTS_DIR / f"{name}-{size}.png", full_page=True)


@pytest.mark.parametrize("size", SIZES)
def test_main_pages_have_no_axe_violations(request, size, demo_site, live_server):
    page = request.getfixturevalue(f"{size}_page")
    # Many pages in one test on a shared machine: navigation may take longer than usual.
    page.set_default_timeout(60_000)
    found = {}

    for name, path in public_paths().items():
        response = page.goto(path)
        assert response.status == 200, (name, path, response.status)
        found[name] = axe_violations(page)

    # The focus ring shows on white with at least 3:1 (WCAG 1.4.11), the search box included
    page.goto("/cua-hang/accounts/login/")
    for selector in ("#site-search-q", "main a"):
        style, width, colour = keyboard_focus_ring(page, selector)
        assert style == "solid" and width >= 2, (selector, style, width)
        assert contrast_on_white(colour) >= 3, (selector, colour)

    # A basket with goods of two producers, then each checkout step as a guest.
    for product in two_producers_goods():
        page.goto(product.get_absolute_url())
        page.locator("#add_to_basket_form [type=submit]").click()
        page.wait_for_load_state()
    page.goto("/cua-hang/basket/")
    assert page.locator(".basket-group").count() == 2
    found["basket"] = axe_violations(page)
    shoot(page, "basket", size)

    page.locator("#go-to-checkout").click()
    page.wait_for_url(re.compile(r"/checkout/shipping-address/"))
    found["checkout address"] = axe_violations(page)
    shoot(page, "checkout-1-address", size)
    page.fill("#id_first_name", "Nguyễn Thị Lan")
    page.fill("#id_phone_number", "0912 345 678")
    page.fill("#id_email", "lan@example.vn")
    page.select_option("#id_province_code", "92")
    page.locator("#id_ward_code").select_option(index=1)
    page.fill("#id_line1", "12 Đường 3/2")
    page.locator("#new_shipping_address [type=submit]").click()
    page.wait_for_url(re.compile(r"/checkout/payment-method/"))
    found["checkout payment"] = axe_violations(page)
    shoot(page, "checkout-2-payment", size)
    page.check("input[name=method][value=cod]")
    page.locator(".checkout-payment-method [type=submit]").click()
    page.wait_for_url(re.compile(r"/checkout/preview/"))
    found["checkout review"] = axe_violations(page)
    shoot(page, "checkout-3-review", size)
    page.locator("#place-order").click()
    page.wait_for_url(re.compile(r"/checkout/thank-you/"))
    found["thank you"] = axe_violations(page)
    shoot(page, "checkout-4-thank-you", size)

    # The seller area, as a producer.
    sign_in(page, live_server, "producer1@ocop-cantho.local")
    for name, path in (
        ("seller home", "/nguoi-ban/"),
        ("seller products", "/nguoi-ban/san-pham/"),
        ("seller orders", "/nguoi-ban/don-hang/"),
    ):
        response = page.goto(path)
        assert response.status == 200, (name, response.status)
        found[name] = axe_violations(page)

    assert {name: issues for name, issues in found.items() if issues} == {}
