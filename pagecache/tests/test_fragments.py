"""Product cards from the shared cache (``pagecache.fragments``): the same card for every
visitor, and a new one as soon as anything it shows changes, for visitors the page cache
does not serve as for those it does."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue.tests.factories import certify
from pagecache.middleware import HEADER

StockRecord = get_model("partner", "StockRecord")
OcopCertificate = get_model("catalogue", "OcopCertificate")

pytestmark = pytest.mark.django_db


def card_of(html, title):
    start = html.index(title)
    begin = html.rindex('<article class="product-card">', 0, start)
    return html[begin : html.index("</article>", start)]


def listing(client, prefix=""):
    response = client.get(prefix + reverse("catalogue:index"))
    assert response.status_code == 200
    assert HEADER not in response or prefix  # the shopper's pages are their own
    return response.content.decode()


def product_rows(queries):
    return [q["sql"] for q in queries if 'FROM "catalogue_productimage"' in q["sql"]]


def test_warm_cards_read_no_product_rows(client, shop, settings):
    settings.OCOP_PAGE_CACHE_SECONDS = 0  # every view renders the page
    with CaptureQueriesContext(connection) as cold:
        first = listing(client)
    with CaptureQueriesContext(connection) as warm:
        second = listing(client)

    # The first view read the products and stored their cards; the second reads neither
    # the products' images nor their stock records, and draws the same cards.
    assert product_rows(cold.captured_queries)
    assert "85.000\u00a0₫" in card_of(first, "Bánh pía Sóc Trăng")
    assert product_rows(warm.captured_queries) == []
    assert card_of(first, "Bánh pía Sóc Trăng") == card_of(second, "Bánh pía Sóc Trăng")


def test_a_price_shows_at_once(shopper, shop):
    listing(shopper)
    record = StockRecord.objects.get(product=shop["pia"])
    record.price = 99_000
    record.save()

    card = card_of(listing(shopper), "Bánh pía Sóc Trăng")
    assert "99.000\u00a0₫" in card and "85.000" not in card
    assert "45.000\u00a0₫" in card_of(listing(shopper), "Bánh tráng Thuận Hưng")


def test_running_out_of_stock_shows_at_once(shopper, shop):
    assert "Thêm vào giỏ" in card_of(listing(shopper), "Bánh pía Sóc Trăng")

    StockRecord.objects.get(product=shop["pia"]).allocate(20)  # reserved by a checkout

    card = card_of(listing(shopper), "Bánh pía Sóc Trăng")
    assert "Hết hàng" in card and "Thêm vào giỏ" not in card


def test_a_new_certificate_and_title_show_at_once(shopper, shop):
    pia = shop["pia"]
    assert "ocop-badge--4" in card_of(listing(shopper), "Bánh pía Sóc Trăng")

    certify(pia, 5)
    assert "ocop-badge--5" in card_of(listing(shopper), "Bánh pía Sóc Trăng")

    pia.title = "Bánh pía sầu riêng Sóc Trăng"
    pia.save()
    assert "Bánh pía sầu riêng Sóc Trăng" in listing(shopper)


def test_a_bulk_change_of_certificates_shows_at_once(shopper, shop):
    # An UPDATE of certificates (the shell, an admin action) sends no signal: the
    # queryset itself has the cards and the cached pages drawn again.
    anonymous = Client()  # served by the page cache

    def anonymous_listing():
        return anonymous.get(reverse("catalogue:index")).content.decode()

    assert "ocop-badge--4" in card_of(listing(shopper), "Bánh pía Sóc Trăng")
    assert "ocop-badge--4" in card_of(anonymous_listing(), "Bánh pía Sóc Trăng")

    OcopCertificate.objects.filter(product=shop["pia"]).update(stars=3, score=60)

    for page in (listing(shopper), anonymous_listing()):
        card = card_of(page, "Bánh pía Sóc Trăng")
        assert "ocop-badge--3" in card and "ocop-badge--4" not in card


def test_a_producer_renamed_shows_at_once(shopper, shop):
    listing(shopper)
    shop["producer"].name = "HTX Bánh pía Mỹ Khánh"
    shop["producer"].save()

    assert "HTX Bánh pía Mỹ Khánh" in card_of(listing(shopper), "Bánh pía Sóc Trăng")


def test_cards_are_kept_per_language(shopper, shop):
    vietnamese = card_of(listing(shopper), "Bánh pía Sóc Trăng")
    english = card_of(listing(shopper, "/en"), "Bánh pía Sóc Trăng")

    assert "Thêm vào giỏ" in vietnamese
    assert "Add to cart" in english and "Thêm vào giỏ" not in english
    assert "/en/" in english and "/en/" not in vietnamese


def test_a_page_made_of_cached_cards_still_follows_their_products(client, shop):
    # The shopper's visit stores the cards; an anonymous visitor's listing is then made of
    # cached cards, and the page cache must still know which products it shows.
    shopper = client.__class__()
    shopper.post(reverse("basket:add", kwargs={"pk": shop["trang"].pk}), {"quantity": 1})
    listing(shopper)
    assert client.get(reverse("catalogue:index"))[HEADER] == "miss"
    assert client.get(reverse("catalogue:index"))[HEADER] == "hit"

    StockRecord.objects.get(product=shop["pia"]).allocate(20)

    page = client.get(reverse("catalogue:index"))
    assert page[HEADER] == "miss"
    assert "Hết hàng" in card_of(page.content.decode(), "Bánh pía Sóc Trăng")


def home(client, prefix=""):
    response = client.get(prefix + "/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_home_pages_shared_parts_show_a_published_change_at_once(shopper, shop):
    from wagtail.models import Site

    page = Site.objects.get(is_default_site=True).root_page.specific
    assert "Xem sản phẩm OCOP" in home(shopper)

    page.hero_title = "Đặc sản Cần Thơ, chứng nhận OCOP"
    page.save_revision().publish()

    assert "Đặc sản Cần Thơ, chứng nhận OCOP" in home(shopper)


def test_the_home_pages_shared_parts_are_kept_per_language(shopper, shop):
    vietnamese, english = home(shopper), home(shopper, "/en")

    assert "Xem sản phẩm OCOP" in vietnamese and "Xem sản phẩm OCOP" not in english
    assert "Browse OCOP products" in english


@pytest.fixture
def drawn(monkeypatch):
    """The titles of the cards drawn (not taken from the cache), in order."""
    from pagecache import fragments

    titles = []
    render = fragments._render

    def recording(context, template_name, product, eager=False):
        titles.append(product.title)
        return render(context, template_name, product, eager)

    monkeypatch.setattr(fragments, "_render", recording)
    return titles


def test_a_change_to_another_product_keeps_this_card(shopper, shop, drawn):
    listing(shopper)
    drawn.clear()
    record = StockRecord.objects.get(product=shop["pia"])
    record.price = 99_000
    record.save()  # the listings change (a new price band): the catalogue tag moves

    page = listing(shopper)

    assert drawn == ["Bánh pía Sóc Trăng"]
    assert "45.000\u00a0₫" in card_of(page, "Bánh tráng Thuận Hưng")


def test_a_new_photo_shows_at_once(shopper, shop, drawn, settings, tmp_path):
    from seller.tests.factories import image_upload

    settings.MEDIA_ROOT = tmp_path
    listing(shopper)
    drawn.clear()

    image = shop["pia"].images.create(original=image_upload(size=(400, 400)))

    card = card_of(listing(shopper), "Bánh pía Sóc Trăng")
    assert drawn == ["Bánh pía Sóc Trăng"]
    assert image.original.name.rsplit(".", 1)[0] in card


def test_an_option_of_the_product_class_changes_every_card(shopper, shop):
    ProductOption = get_model("catalogue", "Option")
    assert "Thêm vào giỏ" in card_of(listing(shopper), "Bánh pía Sóc Trăng")

    option = ProductOption.objects.create(name="Hộp quà", code="hop-qua")
    shop["pia"].get_product_class().options.add(option)

    card = card_of(listing(shopper), "Bánh pía Sóc Trăng")
    assert "Xem lựa chọn" in card and "Thêm vào giỏ" not in card
