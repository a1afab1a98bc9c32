"""What the home page promotes, read live from the catalogue, at a fixed query cost."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from cms import promotions
from cms.models import HomePinnedProduct

from .factories import certify, groups, make_home, make_product

ProductRecord = get_model("analytics", "ProductRecord")

pytestmark = pytest.mark.django_db


def titles(products):
    return [product.title for product in products]


@pytest.fixture
def home():
    return make_home()


@pytest.fixture
def group():
    return groups()


def test_pinned_products_come_in_the_officers_order_and_skip_hidden_ones(home, group):
    first = make_product("Bánh pía", group["1.3"], stars=3)
    hidden = make_product("Rượu ẩn", group["2.1"], stars=4, is_public=False)
    second = make_product("Nón lá", group["4"])
    for order, product in enumerate([second, hidden, first]):
        HomePinnedProduct.objects.create(page=home, product=product, sort_order=order)

    picked = promotions.home_promotions(home)

    assert titles(picked.pinned) == ["Nón lá", "Bánh pía"]


def test_national_shelf_holds_only_five_star_products_in_force(home, group):
    make_product("Gạo ST25", group["1.2"], stars=5)
    make_product("Trà mãng cầu", group["2.2"], stars=4)
    expired = make_product("Mật ong hết hạn", group["1.3"])
    certify(expired, 5, issued=timezone.localdate() - dt.timedelta(days=40 * 30))
    revoked = make_product("Rượu thu hồi", group["2.1"])
    certify(revoked, 5, revoked_on=timezone.localdate(), revocation_reason="Vi phạm")

    picked = promotions.home_promotions(home)

    assert titles(picked.national) == ["Gạo ST25"]
    assert picked.national[0].ocop_stars == 5


def test_each_group_shows_its_best_rated_certified_products_stars_then_best_selling(home, group):
    make_product("Bánh tráng 3 sao", group["1.3"], stars=3)
    best_seller = make_product("Khô cá 4 sao bán chạy", group["1.3"], stars=4)
    make_product("Lạp xưởng 4 sao", group["1.1"], stars=4)
    make_product("Mắm 5 sao", group["1.4"], stars=5)
    make_product("Kẹo dừa 4 sao", group["1.3"], stars=4)
    make_product("Bánh chưa xếp hạng", group["1.3"])
    make_product("Trà 3 sao", group["2.2"], stars=3)
    ProductRecord.objects.create(product=best_seller, num_purchases=40)
    # Four newer certificates fill the "newly certified" shelf, picked before the groups.
    for n in range(4):
        certify(make_product(f"Cây cảnh {n}", group["5"]), 3, issued=timezone.localdate())

    picked = promotions.home_promotions(home)

    shelves = {shelf.group.code: titles(shelf.products) for shelf in picked.groups}
    assert list(shelves) == ["1", "2", "3", "4", "5", "6"]
    # The 5★ product is on the national shelf already, so food shows the next four.
    assert titles(picked.national) == ["Mắm 5 sao"]
    assert shelves["1"] == [
        "Khô cá 4 sao bán chạy",
        "Kẹo dừa 4 sao",
        "Lạp xưởng 4 sao",
        "Bánh tráng 3 sao",
    ]
    assert shelves["2"] == ["Trà 3 sao"]
    assert shelves["3"] == shelves["4"] == shelves["5"] == shelves["6"] == []


def test_newly_certified_products_are_ordered_by_their_newest_decision(home, group):
    today = timezone.localdate()
    older = make_product("Chứng nhận năm ngoái", group["1.3"])
    certify(older, 4, issued=today - dt.timedelta(days=365))
    renewed = make_product("Vừa gia hạn", group["1.3"])
    certify(renewed, 4, issued=today - dt.timedelta(days=900))
    certify(renewed, 3, issued=today - dt.timedelta(days=2))
    newest = make_product("Mới công nhận", group["2.2"])
    certify(newest, 3, issued=today - dt.timedelta(days=10))
    future = make_product("Quyết định ngày mai", group["2.2"])
    certify(future, 4, issued=today + dt.timedelta(days=1))

    picked = promotions.home_promotions(home)

    assert titles(picked.newly_certified) == [
        "Vừa gia hạn",
        "Mới công nhận",
        "Chứng nhận năm ngoái",
    ]


def test_a_product_drops_out_of_every_list_when_its_certificate_expires(home, group):
    import time_machine

    product = make_product("Bánh pía Sóc Trăng", group["1.3"])
    cert = certify(product, 5)

    assert titles(promotions.home_promotions(home).national) == ["Bánh pía Sóc Trăng"]
    with time_machine.travel(cert.expires_on, tick=False):
        later = promotions.home_promotions(home)
    assert titles(later.national) == titles(later.newly_certified) == []
    assert all(titles(shelf.products) == [] for shelf in later.groups)
    assert later.is_empty


def test_each_product_is_shown_once_across_the_sections(home, group):
    """Given a pinned 5★ product, two more 5★ ones and six 3–4★ ones certified on
    different days, each lands in the first section that wants it and in no later one."""
    today = timezone.localdate()
    pinned = make_product("Gạo ST25 ghim", group["1.2"], stars=5)
    HomePinnedProduct.objects.create(page=home, product=pinned, sort_order=0)
    make_product("Bánh pía 5 sao", group["1.3"], stars=5)
    make_product("Mật ong 5 sao", group["1.2"], stars=5)
    for days, title, code, stars in [
        (1, "Trà mới", "2.2", 4),
        (100, "Khô cá", "1.4", 4),
        (200, "Rượu", "2.1", 3),
        (300, "Nón lá", "4", 4),
        (400, "Bánh in", "1.3", 3),
        (500, "Nấm linh chi", "3.1", 4),
    ]:
        certify(make_product(title, group[code]), stars, issued=today - dt.timedelta(days=days))

    picked = promotions.home_promotions(home)

    assert titles(picked.pinned) == ["Gạo ST25 ghim"]
    assert sorted(titles(picked.national)) == ["Bánh pía 5 sao", "Mật ong 5 sao"]
    assert titles(picked.newly_certified) == ["Trà mới", "Khô cá", "Rượu", "Nón lá"]
    shelves = {shelf.group.code: titles(shelf.products) for shelf in picked.groups}
    assert shelves == {"1": ["Bánh in"], "2": [], "3": ["Nấm linh chi"], "4": [], "5": [], "6": []}
    every = titles([*picked.pinned, *picked.national, *picked.newly_certified])
    every += [t for shelf in picked.groups for t in titles(shelf.products)]
    assert len(every) == len(set(every)) == 9


def test_home_page_shows_each_product_card_once(client, home, group):
    build_catalogue(group, 36)

    html = client.get("/").content.decode()

    # 12 of the 36 are 5★: four on the national shelf, then four new, then four per group.
    links = re.findall(r'class="product-card__title"><a href="([^"]+)"', html)
    assert len(links) == 4 + 4 + 6 * 4
    assert len(set(links)) == len(links)


def test_home_cards_carry_the_short_badge_that_fits_any_card(client, home, group):
    product = make_product("Bánh pía 5 sao", group["1.3"], stars=5)

    html = client.get("/").content.decode()

    card = html[html.index('class="product-card"') :]
    card = card[: card.index("</article>")]
    assert 'class="ocop-badge ocop-badge--5 ocop-badge--card"' in card
    assert '<span class="ocop-badge__label" aria-hidden="true">OCOP 5 sao</span>' in card
    # The full label is read out, never drawn (it is what used to be cut off).
    assert '<span class="sr-only">Sản phẩm OCOP quốc gia 5 sao</span>' in card
    assert product.get_absolute_url() in card


def build_catalogue(group, count, start=0):
    """``count`` certified products spread over the six groups and three star levels."""
    leaves = ["1.3", "2.2", "3.1", "4", "5", "6"]
    for n in range(start, start + count):
        make_product(f"Sản phẩm {n}", group[leaves[n % 6]], stars=3 + n % 3)


def test_home_page_query_count_does_not_grow_with_the_catalogue(
    no_page_cache, client, home, group, django_assert_num_queries, settings
):
    # Measured with the picks computed and the cards rendered on every view (their
    # caches are tested below).
    settings.OCOP_BROWSE_CACHE_SECONDS = 0
    settings.OCOP_FRAGMENT_CACHE_SECONDS = 0
    # Enough products to fill every shelf, so a bigger catalogue changes only the data.
    pinned = make_product("Sản phẩm ghim", group["1.3"], stars=4)
    HomePinnedProduct.objects.create(page=home, product=pinned, sort_order=0)
    build_catalogue(group, 36)
    # Warms the caches (site root paths, thumbnails, the site and its settings): twice,
    # as the first visit creates the site settings, a change of the site.
    client.get("/")
    client.get("/")

    with django_assert_num_queries(QUERIES_FOR_HOME) as small:
        response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="product-card"') == 1 + 4 + 6 * 4 + 4
    links = re.findall(r'class="product-card__title"><a href="([^"]+)"', html)
    assert len(set(links)) == len(links)

    build_catalogue(group, 72, start=36)
    client.get("/")
    with django_assert_num_queries(QUERIES_FOR_HOME) as big:
        client.get("/")
    assert len(small.captured_queries) == len(big.captured_queries)


# No query for routing: the site, its settings and its home page in each language (which
# know each other for hreflang and the language switch) come from the cache
# (cms.site_lookup), and so does whether a view restriction applies to the home page
# (cms.routes.home_is_public). The six groups (1),
# the picks: pinned, national, new and every group's best in one ranked query (4), the
# products shown with their images and stock records (3), the village strip (1) and the
# news (1), each leaving out private pages inside its own query.
QUERIES_FOR_HOME = 10


def test_home_picks_are_kept_until_the_catalogue_changes(
    no_page_cache, client, home, group, django_assert_num_queries, settings
):
    settings.OCOP_BROWSE_CACHE_SECONDS = 300
    make_product("Sản phẩm ghim", group["1.3"], stars=4)
    build_catalogue(group, 12)
    client.get("/")
    client.get("/")  # the first visit created the site settings, a change of the site

    # The groups and the four picks come from the cache, and so do the cards (the
    # products they show are not read: products, images, stock records) and the strip
    # of villages and news (2): nothing is read.
    with django_assert_num_queries(QUERIES_FOR_HOME - 5 - 3 - 2):
        client.get("/")

    # A product certified since is picked on the next view: any change bumps the key.
    newcomer = make_product("Trà mãng cầu mới", group["2.2"], stars=5)
    html = client.get("/").content.decode()
    assert newcomer.get_absolute_url() in html
