"""Parts of pages from the shared cache (``{% cached_part %}``, ``pagecache.fragments``):
the same for every visitor, rendered again as soon as anything they showed changes, and
never kept when they hold something of the visitor's own."""

import secrets

import pytest
from django.db import connection
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue.tests.factories import certify
from pagecache import tags

StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def product_page(client, product):
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def tables(queries):
    return {q["sql"].split('FROM "', 1)[1].split('"', 1)[0] for q in queries if "FROM" in q["sql"]}


def test_a_warm_product_page_reads_only_the_product(shopper, shop):
    pia = shop["pia"]
    with CaptureQueriesContext(connection) as cold:
        first = product_page(shopper, pia)
    with CaptureQueriesContext(connection) as warm:
        second = product_page(shopper, pia)

    # The first view read the certificate, the groups and the story; the second draws
    # the same page without them.
    assert {"catalogue_ocopcertificate", "catalogue_category"} <= tables(cold.captured_queries)
    read = tables(warm.captured_queries)
    assert not read & {"catalogue_ocopcertificate", "catalogue_category", "wagtailcore_page"}
    assert "85.000\u00a0₫" in second and first.count("85.000") == second.count("85.000")


def test_a_product_pages_price_stock_certificate_and_producer_show_at_once(shopper, shop):
    pia = shop["pia"]
    assert "85.000\u00a0₫" in product_page(shopper, pia)

    record = StockRecord.objects.get(product=pia)
    record.price = 99_000
    record.save()
    html = product_page(shopper, pia)
    assert "99.000\u00a0₫" in html and "85.000" not in html

    record.allocate(record.num_in_stock)  # reserved by a checkout
    assert 'id="add_to_basket_form"' not in product_page(shopper, pia)

    certify(pia, 5)
    assert "ocop-badge--5" in product_page(shopper, pia)

    shop["producer"].name = "HTX Bánh pía Mỹ Khánh"
    shop["producer"].save()
    assert "HTX Bánh pía Mỹ Khánh" in product_page(shopper, pia)


def test_the_staff_link_stays_out_of_the_shared_part(client, shop, django_user_model):
    pia = shop["pia"]
    staff = django_user_model.objects.create_user("bientap", "bt@example.vn", "x", is_staff=True)
    client.force_login(staff)
    assert "Sửa sản phẩm" in product_page(client, pia)

    client.logout()
    visitor = client.__class__()
    visitor.post(reverse("basket:add", kwargs={"pk": shop["trang"].pk}), {"quantity": 1})
    assert "Sửa sản phẩm" not in product_page(visitor, pia)


def render(source, request, **context):
    return engines["django"].from_string("{% load page_cache %}" + source).render(context, request)


@pytest.fixture
def request_factory():
    factory = RequestFactory()

    def make():
        request = factory.get("/")
        request.csp_nonce = secrets.token_urlsafe(16)  # a nonce of its own, as django-csp gives
        return request

    return make


def test_a_part_is_kept_until_what_it_shows_changes(db, request_factory):
    source = '{% cached_part "test-value" %}{{ value }}{% endcached_part %}'
    assert render(source, request_factory(), value="một") == "một"
    assert render(source, request_factory(), value="hai") == "một"

    tags.touch(tags.CATALOGUE)

    assert render(source, request_factory(), value="hai") == "hai"


def test_a_part_that_drew_the_visitors_csrf_token_is_not_kept(db, request_factory):
    source = '{% cached_part "test-form" %}<form>{% csrf_token %}</form>{% endcached_part %}'
    first, second = request_factory(), request_factory()

    # Each visitor gets a token of their own: the first visitor's is never replayed.
    assert render(source, first) != render(source, second)
    assert first.META["CSRF_COOKIE"] != second.META["CSRF_COOKIE"]
    assert second.META["CSRF_COOKIE_NEEDS_UPDATE"]  # Django still sets the cookie


def test_a_replayed_part_carries_the_requests_own_nonce(db, request_factory):
    source = (
        '{% cached_part "test-script" %}'
        '<script nonce="{{ request.csp_nonce }}"></script>{% endcached_part %}'
    )
    first, second = request_factory(), request_factory()

    assert render(source, first) == f'<script nonce="{first.csp_nonce}"></script>'
    assert render(source, second) == f'<script nonce="{second.csp_nonce}"></script>'


def test_parts_are_off_when_the_fragment_cache_is(db, request_factory, settings):
    settings.OCOP_FRAGMENT_CACHE_SECONDS = 0
    source = '{% cached_part "test-off" %}{{ value }}{% endcached_part %}'
    assert render(source, request_factory(), value="một") == "một"
    assert render(source, request_factory(), value="hai") == "hai"


def test_a_wagtail_preview_never_uses_a_kept_part(db, request_factory):
    source = '{% cached_part "test-preview" %}{{ value }}{% endcached_part %}'
    assert render(source, request_factory(), value="đã đăng") == "đã đăng"
    preview = request_factory()
    preview.is_preview = True
    assert render(source, preview, value="bản nháp") == "bản nháp"


def test_the_listing_and_the_search_page_keep_parts_of_their_own(shopper, shop):
    def title(url):
        html = shopper.get(url).content.decode()
        return html[html.index("<title>") : html.index("</title>")]

    listing = title(reverse("catalogue:index"))
    search = title(reverse("search:search"))

    # Both list the same products with no words typed; each keeps its own title.
    assert "Sản phẩm OCOP" in listing and "Tìm kiếm sản phẩm" in search
    assert title(reverse("catalogue:index")) == listing


def test_a_page_reads_each_tag_from_the_cache_once(shopper, shop, monkeypatch):
    """The site, the catalogue and the product are asked for by the site lookup, the
    strategy and each kept part: one round trip reads each (``tags.reading``)."""
    from django.core.cache import cache

    pia = shop["pia"]
    product_page(shopper, pia)  # its parts are kept: the second view reads them
    asked = []
    get_many = cache.get_many

    def counted(keys, *args, **kwargs):
        asked.extend(key for key in keys if key.startswith(tags.KEY_PREFIX))
        return get_many(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get_many", counted)
    page = product_page(shopper, pia)

    assert "85.000\u00a0₫" in page
    read = [key.removeprefix(tags.KEY_PREFIX) for key in asked]
    assert {"site", "catalogue", tags.product(pia.pk)} <= set(read)
    assert sorted(read) == sorted(set(read))
