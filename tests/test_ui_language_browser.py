"""The journeys of tests/test_ui_language.py in Chromium: what scripts write counts too
(Wagtail's sidebar and page explorer are drawn by JavaScript from its catalogue).

One test walks them all on one load of the demo data: a shopper in Vietnamese and a
tourist in English from the home page to the basket, checkout and order tracking, then a
producer in the seller area and the Wagtail admin. The page's DOM, after its scripts
ran, is sorted by tests.ui_language.
"""

import re

import pytest
from django.utils import translation
from oscar.core.loading import get_model

from conftest import RESULTS_DIR
from demo.data import DEMO_PASSWORD
from tests.ui_language import database_text, foreign_texts

Product = get_model("catalogue", "Product")
PRODUCER = "producer1@ocop-cantho.local"
HIDE_UNRENDERED = """
for (const element of document.querySelectorAll("body *")) {
    if (!element.checkVisibility({visibilityProperty: true})) element.setAttribute("hidden", "");
}
"""


class BrowserWalk:
    def __init__(self, page, known):
        self.page = page
        self.known = known
        self.found = {}

    def check(self, language, name):
        # Not "networkidle": the admin keeps a connection polling (wagtail-localize).
        self.page.wait_for_load_state("load")
        # What CSS keeps from view (a date picker's closed popup) is not read: mark it
        # hidden. Text hidden only visually for screen readers is still checked.
        self.page.evaluate(HIDE_UNRENDERED)
        wrong = foreign_texts(self.page.content(), language, self.known)
        if wrong:
            self.found[f"{language} {name} {self.page.url}"] = sorted({t for _, t in wrong})

    def visit(self, path, language, name=None):
        response = self.page.goto(path)
        assert response.status == 200, f"{path}: {response.status}"
        self.check(language, name or path)


def shop(walk, language, product_path):
    page, prefix = walk.page, "" if language == "vi" else "/en"
    walk.visit(f"{prefix}/", language)
    walk.visit(f"{prefix}/cua-hang/catalogue/", language)
    walk.visit(f"{prefix}{product_path}", language)
    page.locator("form[action*='/basket/add/'] [type=submit]").first.click()
    walk.check(language, "added to basket")
    walk.visit(f"{prefix}/cua-hang/basket/", language)
    walk.visit(f"{prefix}/cua-hang/checkout/", language)
    email = page.locator("input[name=username]")
    if email.count():
        email.fill("khach@example.vn")
        page.locator("input[name=options][value=anonymous]").check()
        page.locator("form [type=submit]").first.click()
        walk.check(language, "after the guest step")
    walk.visit(f"{prefix}/cua-hang/checkout/tra-cuu-don-hang/", language)


@pytest.mark.browser
def test_the_journeys_speak_one_language_in_a_browser(demo_site, desktop_page):
    with translation.override("vi"):
        product_path = Product.objects.browsable().order_by("pk").first().get_absolute_url()
    desktop_page.goto("/")  # creates the site settings rows, with their defaults
    walk = BrowserWalk(desktop_page, database_text())

    shop(walk, "vi", product_path)
    shop(walk, "en", product_path)
    desktop_page.context.clear_cookies()
    desktop_page.goto("/cms/login/")
    desktop_page.fill("input[name=username]", PRODUCER)
    desktop_page.fill("input[name=password]", DEMO_PASSWORD)
    desktop_page.locator("form [type=submit]").first.click()
    desktop_page.wait_for_url(re.compile(r"/cms/$"))
    for path in ["/cms/", "/cms/pages/", "/cms/images/", "/cms/account/", "/nguoi-ban/"]:
        walk.visit(path, "vi")
    desktop_page.goto("/cms/pages/")
    desktop_page.get_by_role("button", name=re.compile("^Trang$")).first.click()
    walk.check("vi", "the page explorer drawn by the sidebar")
    RESULTS_DIR.mkdir(exist_ok=True)
    desktop_page.screenshot(path=RESULTS_DIR / "ui-language-admin-explorer.png")

    assert walk.found == {}
