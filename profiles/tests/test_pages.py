"""The page types of issue 4: where they may be created, that they route and render in
both languages, and what the producer pages show (live from the catalogue)."""

from datetime import date

import pytest
from django.utils import translation
from django.utils.html import escape
from taggit.models import Tag
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase

import places
from cms.models import HomePage, NewsIndexPage, NewsPage, ProgrammePage, StandardPage
from profiles.models import (
    ProducerIndexPage,
    ProducerPage,
    ProductProfileIndexPage,
    ProductProfilePage,
)
from villages.models import VillageIndexPage, VillagePage, VillageProducer

from .factories import (
    add_content_page,
    add_producer_page,
    groups,
    make_partner,
    make_product,
    make_tree,
)

WARDS = places.wards()


class PageTreeTests(WagtailPageTestCase):
    """Each page type sits under its allowed parent only."""

    def test_home_holds_the_indexes_and_content_pages(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                VillageIndexPage,
                ProgrammePage,
                ProducerIndexPage,
                ProductProfileIndexPage,
                NewsIndexPage,
                StandardPage,
            },
        )

    def test_producer_pages_only_under_the_producer_index(self):
        self.assertAllowedParentPageTypes(ProducerIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(ProducerPage, {ProducerIndexPage})
        self.assertAllowedSubpageTypes(ProducerIndexPage, {ProducerPage})
        self.assertAllowedSubpageTypes(ProducerPage, set())
        self.assertCanNotCreateAt(HomePage, ProducerPage)
        self.assertCanNotCreateAt(ProducerPage, ProducerPage)

    def test_product_stories_only_under_their_index(self):
        self.assertAllowedParentPageTypes(ProductProfileIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(ProductProfilePage, {ProductProfileIndexPage})
        self.assertAllowedSubpageTypes(ProductProfilePage, set())
        self.assertCanNotCreateAt(HomePage, ProductProfilePage)
        self.assertCanNotCreateAt(ProducerIndexPage, ProductProfilePage)

    def test_news_only_under_the_news_index_and_content_pages_under_home_or_content(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(Page, StandardPage)
        self.assertCanNotCreateAt(VillageIndexPage, StandardPage)

    def test_indexes_are_one_of_a_kind(self):
        for model in (ProducerIndexPage, ProductProfileIndexPage, NewsIndexPage):
            self.assertEqual(model.max_count, 1)


@pytest.fixture
def tree(db):
    return make_tree()


@pytest.mark.parametrize("prefix, lang", [("", "vi"), ("/en", "en")])
def test_every_new_page_type_routes_and_renders_in_both_languages(client, tree, prefix, lang):
    home, producers, stories, news = tree
    partner = make_partner("HTX Bánh tráng Thuận Hưng", commune_code=WARDS[3][0])
    producer = add_producer_page(producers, partner, "thuan-hung")
    article = NewsPage(
        title="Hội chợ OCOP", slug="hoi-cho", date=date(2026, 5, 1), summary="Ba ngày hội chợ."
    )
    news.add_child(instance=article)
    article.save_revision().publish()
    about = add_content_page(home, "Giới thiệu", "gioi-thieu")

    pages = [
        (producers, "Chủ thể OCOP"),
        (producer, "HTX Bánh tráng Thuận Hưng"),
        (news, "Tin tức"),
        (article, "Hội chợ OCOP"),
        (about, "Giới thiệu"),
    ]
    with translation.override("vi"):
        paths = [(page.url, heading) for page, heading in pages]
    assert paths[1][0] == "/co-so-san-xuat/thuan-hung/"
    for path, heading in paths:
        response = client.get(f"{prefix}{path}")
        html = response.content.decode()
        assert response.status_code == 200, path
        assert f'<html lang="{lang}"' in html
        assert html.count("<h1") == 1, path
        assert escape(heading) in html


def test_producer_page_shows_contact_certified_products_with_price_and_stars_and_villages(
    client, tree
):
    home, producers, _stories, _news = tree
    group = groups()
    partner = make_partner(
        "Cơ sở Bánh tráng Út Hương",
        kind="hkd",
        commune_code=WARDS[5][0],
        lat="10.214",
        lng="105.597",
        street_address="Số 12, khu vực Mỹ Phước",
        phone="0292 3852 604",
    )
    make_product("Bánh tráng dừa", group["1.3"], stars=4, partner=partner, price="45000")
    make_product("Bánh chưa chứng nhận", group["1.3"], partner=partner)
    make_product("Bánh của cơ sở khác", group["1.3"], stars=5)
    villages = home.add_child(instance=VillageIndexPage(title="Làng du lịch", slug="lang"))
    village = VillagePage(title="Làng bánh tráng Thuận Hưng", slug="thuan-hung")
    village.producers = [VillageProducer(partner=partner)]
    villages.add_child(instance=village)
    page = add_producer_page(producers, partner, "ut-huong", body="<p>Ba thế hệ tráng bánh.</p>")

    html = client.get(page.url).content.decode()

    assert "Ba thế hệ tráng bánh." in html
    assert "Số 12, khu vực Mỹ Phước" in html
    assert escape(WARDS[5][1]) in html
    assert 'href="tel:02923852604"' in html
    assert "Bánh tráng dừa" in html
    assert "45.000\N{NO-BREAK SPACE}₫" in html
    assert "ocop-badge--4" in html
    assert "Bánh chưa chứng nhận" not in html
    assert "Bánh của cơ sở khác" not in html
    assert "Làng bánh tráng Thuận Hưng" in html
    assert 'id="producer-location-map-data"' in html


def test_producer_page_costs_the_same_queries_for_one_or_four_products(
    client, tree, django_assert_num_queries, settings
):
    # Every part rendered: none kept from the other page's visit.
    settings.OCOP_PAGE_CACHE_SECONDS = settings.OCOP_FRAGMENT_CACHE_SECONDS = 0
    _home, producers, _stories, _news = tree
    group = groups()
    one = make_partner("HTX Một", commune_code=WARDS[1][0])
    four = make_partner("HTX Bốn", commune_code=WARDS[2][0])
    make_product("Sản phẩm lẻ", group["1.3"], stars=3, partner=one)
    for i in range(4):
        make_product(f"Sản phẩm {i}", group["1.3"], stars=4, partner=four)
    page_one = add_producer_page(producers, one, "mot")
    page_four = add_producer_page(producers, four, "bon")
    # Warm the site, its settings and both pages' routes: twice, as the first visit
    # creates the site settings, a change of the site.
    for _ in range(2):
        client.get(page_one.url)
        client.get(page_four.url)

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        assert client.get(page_one.url).status_code == 200
    with django_assert_num_queries(len(first.captured_queries)):
        html = client.get(page_four.url).content.decode()
    assert html.count('class="product-card"') == 4


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["Cơ sở Út Hương", "HTX Cồn Sơn", "HTX Thới Lai"]),
        ("?loai=hkd", ["Cơ sở Út Hương"]),
        ("?xa={ward}", ["HTX Cồn Sơn"]),
        ("?loai=htx&xa={ward}", ["HTX Cồn Sơn"]),
        ("?loai=khong-co&xa=99999", ["Cơ sở Út Hương", "HTX Cồn Sơn", "HTX Thới Lai"]),
        ("?loai=%00&xa=<script>", ["Cơ sở Út Hương", "HTX Cồn Sơn", "HTX Thới Lai"]),
    ],
)
def test_producer_index_filters_by_kind_and_commune_ignoring_bad_values(
    client, tree, query, expected
):
    _home, producers, _stories, _news = tree
    ward = WARDS[7][0]
    add_producer_page(
        producers, make_partner("HTX Cồn Sơn", "htx", ward, "10.07", "105.74"), "con-son"
    )
    add_producer_page(producers, make_partner("HTX Thới Lai", "htx", WARDS[8][0]), "thoi-lai")
    add_producer_page(
        producers, make_partner("Cơ sở Út Hương", "hkd", WARDS[9][0], "10.2", "105.6"), "ut-huong"
    )
    draft = add_producer_page(producers, make_partner("HTX Nháp", "htx", ward), "nhap")
    draft.unpublish()

    response = client.get("/co-so-san-xuat/" + query.format(ward=ward))

    assert response.status_code == 200
    assert [p.title for p in response.context["producers"]] == expected
    # only those with coordinates are on the map; the list holds them all
    assert {m["title"] for m in response.context["map_markers"]} == set(expected) - {"HTX Thới Lai"}


def test_a_producer_page_per_partner(tree):
    _home, producers, _stories, _news = tree
    partner = make_partner("HTX Một")
    add_producer_page(producers, partner, "mot")
    second = ProducerPage(title="Trang thứ hai", slug="hai", partner=partner)

    with pytest.raises(Exception) as error:
        producers.add_child(instance=second)

    assert "Chủ thể này đã có trang giới thiệu." in str(error.value)
    assert ProducerPage.objects.count() == 1


def test_news_index_lists_newest_first_and_filters_by_tag_ignoring_unknown(client, tree):
    _home, _producers, _stories, news = tree
    for day, title, tag in ((1, "Tin cũ", "hội chợ"), (20, "Tin mới", "tập huấn")):
        article = NewsPage(title=title, slug=f"tin-{day}", date=date(2026, 5, day))
        news.add_child(instance=article)
        article.tags.add(tag)
        article.save_revision().publish()

    everything = client.get("/tin-tuc/")
    slug = Tag.objects.get(name="tập huấn").slug
    tagged = client.get("/tin-tuc/", {"tag": slug})
    unknown = client.get("/tin-tuc/?tag=khong-co&trang=abc")

    assert [a.title for a in everything.context["articles"]] == ["Tin mới", "Tin cũ"]
    assert [a.title for a in tagged.context["articles"]] == ["Tin mới"]
    assert [a.title for a in unknown.context["articles"]] == ["Tin mới", "Tin cũ"]
    assert unknown.status_code == 200


def test_story_blocks_render_on_a_content_page(client, tree):
    home, _producers, _stories, _news = tree
    group = groups()
    product = make_product("Gạo ST25", group["1.2"], stars=5, price="120000")
    page = StandardPage(
        title="Giới thiệu",
        slug="gioi-thieu",
        body=[
            ("text", RichText("<p>Đoạn văn mở đầu.</p>")),
            ("quote", {"quote": "Gạo thơm nhờ phù sa.", "attribution": "Chú Tư"}),
            ("products", {"title": "Sản phẩm tiêu biểu", "products": [product]}),
            (
                "call_to_action",
                {
                    "title": "Trở thành chủ thể",
                    "text": "",
                    "button_label": "Xem hướng dẫn",
                    "page": home,
                    "url": "",
                },
            ),
            ("video", {"video": "https://video.example.com/lang-nghe", "caption": "Làng nghề"}),
        ],
    )
    home.add_child(instance=page)
    page.save_revision().publish()

    html = client.get("/gioi-thieu/").content.decode()

    assert "Đoạn văn mở đầu." in html
    assert "Gạo thơm nhờ phù sa." in html and "— Chú Tư" in html
    assert "Gạo ST25" in html and "120.000\N{NO-BREAK SPACE}₫" in html
    assert "Xem hướng dẫn" in html
    # a video no provider can embed (or any video offline) falls back to a plain link
    assert '<a href="https://video.example.com/lang-nghe"' in html
