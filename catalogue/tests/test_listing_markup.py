"""The listing's markup as a phone receives it: scripts that never hold up the first paint,
product cards without repeated links or space between their tags (issue 14)."""

import re
from html.parser import HTMLParser

import pytest
from oscar.test.factories import UserFactory

from .factories import small_catalogue

pytestmark = pytest.mark.django_db

INDEX = "/cua-hang/catalogue/"
SHOP_SCRIPTS = [
    "oscar/js/jquery/jquery.min.js",
    "oscar/js/bootstrap4/bootstrap.bundle.min.js",
    "oscar/js/oscar/ui.js",
    "js/site.js",
]


class Scripts(HTMLParser):
    """[(src, deferred)] of the page's external scripts, in document order."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" in attrs:
            self.found.append((attrs["src"], "defer" in attrs or "async" in attrs))


def scripts(response):
    return Scripts(response.content.decode()).found


def shop_scripts(found):
    names = [src.removeprefix("/static/") for src, _ in found]
    return [name for name in names if name in SHOP_SCRIPTS]


def cards(response):
    html = response.content.decode()
    return re.findall(r'<article class="product-card">.*?</article>', html, flags=re.S)


def test_the_listing_and_product_pages_run_only_their_own_scripts_deferred(client):
    shop = small_catalogue()

    for path in (INDEX, "/cua-hang/search/?q=banh", shop["products"][1].get_absolute_url()):
        found = scripts(client.get(path))

        assert found and [src for src, deferred in found if not deferred] == [], path
        # Nothing there uses jQuery, Bootstrap's scripts or Oscar's ui.js.
        assert shop_scripts(found) == ["js/site.js"], path


def test_the_basket_runs_the_shops_scripts_deferred_in_order(client):
    found = scripts(client.get("/cua-hang/basket/"))

    assert [src for src, deferred in found if not deferred] == []
    assert shop_scripts(found) == SHOP_SCRIPTS


def test_the_order_history_defers_its_date_pickers_after_jquery(client):
    client.force_login(UserFactory())

    found = scripts(client.get("/cua-hang/accounts/orders/"))

    assert [src for src, deferred in found if not deferred] == []
    names = [src.removeprefix("/static/") for src, _ in found]
    pickers = names.index("oscar/js/bootstrap4-datetimepicker/tempusdominus-bootstrap-4.min.js")
    assert names.index("oscar/js/jquery/jquery.min.js") < pickers


def test_the_dashboard_loads_jquery_before_its_plugins_run(client):
    client.force_login(UserFactory(is_staff=True))

    found = scripts(client.get("/cua-hang/dashboard/"))

    # Oscar's dashboard plugins run as they load: jQuery must have run before them.
    assert found[0] == ("/static/oscar/js/jquery/jquery.min.js", False)
    assert ("/static/oscar/js/select2/select2.min.js", False) in found


def test_a_card_has_one_link_and_no_space_between_its_tags(client):
    small_catalogue()

    found = cards(client.get(INDEX))

    assert len(found) == 8
    for card in found:
        assert re.search(r">\s+<", card) is None
        assert card.count("<a ") == 1
        title = r'<h3 class="product-card__title"><a href="/cua-hang/catalogue/[^"]+/">'
        assert re.search(title, card)


def test_a_cards_badge_still_says_its_stars_to_a_screen_reader(client):
    small_catalogue()

    five_stars = [card for card in cards(client.get(INDEX)) if "ocop-badge--5" in card]

    assert len(five_stars) == 2
    for card in five_stars:
        assert '<span class="sr-only">Sản phẩm OCOP quốc gia 5 sao</span>' in card
