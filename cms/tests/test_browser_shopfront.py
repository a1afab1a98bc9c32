"""The shop front in a real browser over the demo data, at phone and desktop sizes:
home, a product page and the programme page. Screenshots go to ``test-results/``
(conftest.RESULTS_DIR) for anyone to look at."""

import pytest
from oscar.core.loading import get_model
from playwright.sync_api import expect

from conftest import RESULTS_DIR
from demo.loader import DemoLoader

from .factories import ensure_wagtail_roots

Product = get_model("catalogue", "Product")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PRODUCT = "demo-banh-trang-phoi-suong"


def load_demo():
    ensure_wagtail_roots()  # a live-server test's flush empties Wagtail's own rows
    DemoLoader().run()


def shot(page, name):
    # Scroll through once so lazy pictures load before the full-page screenshot.
    page.evaluate(
        """async () => {
            // Pictures in sideways shelves are never scrolled into view: load them all.
            document.querySelectorAll("img[loading=lazy]").forEach((i) => { i.loading = "eager"; });
            for (let y = 0; y < document.body.scrollHeight; y += 500) {
                window.scrollTo(0, y);
                await new Promise((done) => setTimeout(done, 60));
            }
            const loaded = Promise.all([...document.images].map((image) => image.complete ? null
                : new Promise((done) => { image.onload = image.onerror = done; })));
            await Promise.race([loaded, new Promise((done) => setTimeout(done, 30000))]);
            window.scrollTo(0, 0);
        }"""
    )
    RESULTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=RESULTS_DIR / f"shopfront-{name}.png", full_page=True)


def box(locator):
    return locator.bounding_box()


def test_phone_home_product_and_programme(phone_page):
    load_demo()
    product = Product.objects.get(code=PRODUCT)
    page = phone_page

    page.goto("/", timeout=120_000)  # the first view draws every card's thumbnail
    shot(page, "phone-home")
    links = page.locator(".product-card__title a").evaluate_all("els => els.map(e => e.href)")
    assert links and len(links) == len(set(links))
    for badge in page.locator(".product-card .ocop-badge").all()[:8]:
        card = badge.locator("xpath=ancestor::article[1]")
        assert box(badge)["x"] + box(badge)["width"] <= box(card)["x"] + box(card)["width"]
    screens = page.evaluate("document.documentElement.scrollHeight") / 844
    assert screens < 9, screens

    page.goto(product.get_absolute_url())
    shot(page, "phone-product")
    button = page.locator(".buy-bar__button")
    expect(button).to_be_in_viewport()
    assert box(button)["height"] < 60  # one line
    assert box(button)["width"] > 340  # the width of the screen
    quantity = page.get_by_label("Số lượng")
    expect(quantity).to_have_value("1")
    expect(page.get_by_role("button", name="Bớt một")).to_be_disabled()
    page.get_by_role("button", name="Thêm một").click()
    expect(quantity).to_have_value("2")
    expect(page.locator("[data-delivery]")).to_contain_text("Dự kiến 2–4 ngày")
    expect(page.locator("[data-producer] a")).to_have_text("HTX Bánh tráng Thuận Hưng Xưa")
    button.click()
    page.goto("/cua-hang/basket/")
    expect(page.locator("body")).to_contain_text("Bánh tráng phơi sương Thuận Hưng Xưa")

    page.goto("/chuong-trinh-ocop/")
    shot(page, "phone-programme")
    expect(page.locator('[data-deadline="2020"]')).to_contain_text("Đã đến hạn")
    expect(page.locator('[data-deadline="2030"]')).to_contain_text("Chưa đến hạn")
    assert page.locator(".year-chart__row").count() >= 8  # 2019 to this year


def test_desktop_home_product_and_programme(desktop_page):
    load_demo()
    product = Product.objects.get(code=PRODUCT)
    page = desktop_page

    page.goto("/", timeout=120_000)  # the first view draws every card's thumbnail
    shot(page, "desktop-home")

    page.goto(product.get_absolute_url())
    shot(page, "desktop-product")
    gallery, buy_box = page.locator(".product-gallery"), page.locator(".buy-box")
    assert box(buy_box)["x"] > box(gallery)["x"] + box(gallery)["width"] - 1  # beside it
    for fact in (".buy-box__certificate", "[data-producer]", "[data-traceability]"):
        expect(page.locator(fact)).to_be_in_viewport()

    page.goto("/chuong-trinh-ocop/")
    shot(page, "desktop-programme")
    expect(page.locator(".year-chart")).to_be_visible()
