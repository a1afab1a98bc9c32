"""Found by search engines and shared well: JSON-LD, canonical links, OpenGraph, the
sitemap (both languages, no drafts) and robots.txt."""

import json
import re
from decimal import Decimal

import pytest
from django.utils import translation

from villages.models import VillageIndexPage, VillagePage

from .factories import add_producer_page, add_story, groups, make_partner, make_product, make_tree

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(html):
    return {data["@type"]: data for data in (json.loads(t) for t in JSON_LD.findall(html))}


@pytest.fixture
def tree(db):
    return make_tree()


def test_product_page_carries_product_json_ld_with_an_offer_in_whole_dong(client, tree):
    _home, _producers, stories, _news = tree
    partner = make_partner("HTX Bánh tráng Thuận Hưng")
    product = make_product(
        "Bánh tráng <phơi> sương", groups()["1.3"], stars=4, partner=partner, price="45000"
    )
    add_story(stories, product, "banh-trang")

    html = client.get(product.get_absolute_url()).content.decode()
    data = json_ld(html)

    offer = data["Product"]["offers"]
    assert data["Product"]["name"] == "Bánh tráng <phơi> sương"
    assert offer["priceCurrency"] == "VND"
    assert offer["price"] == "45000"
    assert offer["availability"] == "https://schema.org/InStock"
    assert data["Product"]["brand"]["name"] == "HTX Bánh tráng Thuận Hưng"
    assert data["Product"]["award"] == "OCOP 4 sao"
    assert [i["name"] for i in data["BreadcrumbList"]["itemListElement"]][-1] == (
        "Bánh tráng <phơi> sương"
    )
    assert "<phơi>" not in "".join(JSON_LD.findall(html))  # escaped inside the script
    url = f"http://testserver{product.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_a_sold_out_product_offers_out_of_stock_at_its_live_price(client, tree):
    product = make_product("Khô cá lóc", groups()["1.3"], stars=3, price="180000")
    record = product.stockrecords.get()
    record.num_in_stock = 0
    record.price = Decimal("175000")
    record.save()

    offer = json_ld(client.get(product.get_absolute_url()).content.decode())["Product"]["offers"]

    assert offer["price"] == "175000"
    assert offer["availability"] == "https://schema.org/OutOfStock"


def test_producer_page_carries_organization_and_breadcrumbs(client, tree):
    _home, producers, _stories, _news = tree
    partner = make_partner(
        "Cơ sở Út Hương", "hkd", lat="10.214", lng="105.597", street_address="Số 12", phone="0292"
    )
    add_producer_page(producers, partner, "ut-huong")

    html = client.get("/co-so-san-xuat/ut-huong/").content.decode()
    data = json_ld(html)

    assert data["Organization"]["name"] == "Cơ sở Út Hương"
    assert data["Organization"]["url"] == "http://testserver/co-so-san-xuat/ut-huong/"
    assert data["Organization"]["address"]["streetAddress"] == "Số 12"
    assert data["Organization"]["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 10.214,
        "longitude": 105.597,
    }
    assert [i["item"] for i in data["BreadcrumbList"]["itemListElement"]] == [
        "http://testserver/",
        "http://testserver/co-so-san-xuat/",
        "http://testserver/co-so-san-xuat/ut-huong/",
    ]
    assert '<link rel="canonical" href="http://testserver/co-so-san-xuat/ut-huong/">' in html
    # not translated yet: no English alternate (cms.tests.test_locales covers translated pages)
    assert (
        '<link rel="alternate" hreflang="vi" href="http://testserver/co-so-san-xuat/ut-huong/">'
        in (html)
    )
    assert 'hreflang="en"' not in html
    assert '<meta property="og:image" content="http://testserver/static/img/og-default.png">' in (
        html
    )


def test_village_page_carries_a_tourist_attraction(client, tree):
    home, _producers, _stories, _news = tree
    index = home.add_child(instance=VillageIndexPage(title="Làng du lịch", slug="lang-du-lich"))
    index.add_child(
        instance=VillagePage(
            title="Làng du lịch Mỹ Khánh",
            slug="my-khanh",
            summary="Vườn trái cây.",
            latitude=Decimal("10.011"),
            longitude=Decimal("105.717"),
            opening_hours="7:00–18:00",
        )
    )

    data = json_ld(client.get("/lang-du-lich/my-khanh/").content.decode())

    assert data["TouristAttraction"]["name"] == "Làng du lịch Mỹ Khánh"
    assert data["TouristAttraction"]["geo"]["latitude"] == 10.011
    assert data["TouristAttraction"]["openingHours"] == "7:00–18:00"


def test_sitemap_lists_published_pages_and_products_in_both_languages_and_no_drafts(client, tree):
    home, producers, stories, _news = tree
    published = add_producer_page(producers, make_partner("HTX Đã đăng"), "da-dang")
    draft = add_producer_page(producers, make_partner("HTX Nháp"), "nhap")
    draft.unpublish()
    product = make_product("Gạo ST25", groups()["1.2"], stars=5)
    hidden = make_product("Sản phẩm chờ duyệt", groups()["1.2"], is_public=False)
    add_story(stories, product, "gao-st25")

    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    locations = set(re.findall(r"<loc>(.*?)</loc>", xml))

    assert response.status_code == 200
    with translation.override("vi"):
        product_path = product.get_absolute_url()
    # a page's English twin is its translation (cms.tests.test_locales); a product's
    # is the same path under /en/
    for path in ("/", "/co-so-san-xuat/", "/co-so-san-xuat/da-dang/", product_path):
        assert f"http://testserver{path}" in locations
    assert f"http://testserver/en{product_path}" in locations
    assert not any(loc.startswith("http://testserver/en/co-so-san-xuat") for loc in locations)
    assert published.live
    assert not any("nhap" in loc for loc in locations)
    assert not any(f"_{hidden.pk}/" in loc for loc in locations)
    # the story redirects to the product: listed once, as the product
    assert not any("cau-chuyen-san-pham" in loc for loc in locations)
    assert 'hreflang="vi" href="http://testserver/co-so-san-xuat/da-dang/"' in xml


def test_robots_txt_allows_all_points_at_the_sitemap_and_keeps_private_areas_out(client, db):
    response = client.get("/robots.txt")
    lines = response.content.decode().splitlines()

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    for path in (
        "/cua-hang/basket/",
        "/cua-hang/checkout/",
        "/cms/",
        "/nguoi-ban/",
        "/cua-hang/dashboard/",
    ):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
