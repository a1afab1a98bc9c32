"""Anonymous public pages from the page cache: served without the database, never with
anything personal in them, and rendered again as soon as anything they show changes."""

import datetime as dt
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.tests.factories import certify
from pagecache.middleware import HEADER
from seller.models import Listing, ListingStatus

StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def get(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response


def listing():
    return reverse("catalogue:index")


def test_a_repeat_visit_is_served_without_the_database_and_sets_no_cookie(client, shop):
    url = shop["pia"].get_absolute_url()

    first = get(client, url)
    with CaptureQueriesContext(connection) as queries:
        second = get(client, url)

    assert first[HEADER] == "miss" and second[HEADER] == "hit"
    assert len(queries) == 0
    assert not first.cookies and not second.cookies
    assert second.content.decode().count("Bánh pía Sóc Trăng") >= 1
    # The add-to-basket form carries no token of anyone's: the page gets one when used.
    assert 'name="csrfmiddlewaretoken" value="" data-csrf-on-use' in second.content.decode()


@pytest.mark.parametrize("path", ["/", "listing", "product", "/en/", "search"])
def test_public_pages_are_cached_in_each_language(client, shop, path):
    url = {
        "listing": listing(),
        "product": shop["pia"].get_absolute_url(),
        "search": reverse("search:search") + "?q=banh+pia",
    }.get(path, path)

    assert get(client, url)[HEADER] == "miss"
    assert get(client, url)[HEADER] == "hit"


def test_languages_and_queries_are_kept_apart(client, shop):
    get(client, listing())
    english = get(client, "/en" + listing())
    sorted_ = get(client, listing() + "?sort=price-asc")

    assert english[HEADER] == "miss" and sorted_[HEADER] == "miss"
    assert english["Content-Language"] == "en"
    assert 'lang="en"' in english.content.decode()


def test_each_hit_gets_its_own_script_nonce_in_header_and_page(client, shop):
    url = shop["pia"].get_absolute_url()
    nonces = []
    for _ in range(3):
        response = get(client, url)
        header = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
        assert f'nonce="{header}"' in response.content.decode()
        nonces.append(header)

    assert len(set(nonces)) == 3


def test_a_stock_change_shows_at_once_and_only_where_the_product_is_shown(client, shop):
    pia, trang = shop["pia"], shop["trang"]
    get(client, pia.get_absolute_url())
    get(client, trang.get_absolute_url())
    assert "Còn 20 sản phẩm" in get(client, pia.get_absolute_url()).content.decode()

    record = StockRecord.objects.get(product=pia)
    record.allocate(17)  # a checkout reserves 17 units

    page = get(client, pia.get_absolute_url())
    assert page[HEADER] == "miss"
    assert "Còn 3 sản phẩm" in page.content.decode()
    assert get(client, trang.get_absolute_url())[HEADER] == "hit"


def test_a_new_price_shows_at_once_on_the_listing_and_the_product(client, shop):
    pia = shop["pia"]
    get(client, listing())
    get(client, pia.get_absolute_url())

    record = StockRecord.objects.get(product=pia)
    record.price = 99_000
    record.save()

    for url in (listing(), pia.get_absolute_url()):
        page = get(client, url)
        assert page[HEADER] == "miss"
        assert "99.000\u00a0₫" in page.content.decode()


def test_a_certificate_shows_at_once(client, shop):
    trang = shop["trang"]
    for url in (trang.get_absolute_url(), listing()):
        assert "Sản phẩm OCOP quốc gia 5 sao" not in get(client, url).content.decode()

    certify(trang, 5)

    for url in (trang.get_absolute_url(), listing()):
        assert "Sản phẩm OCOP quốc gia 5 sao" in get(client, url).content.decode()


def _hide(product):
    product.is_public = False
    product.save()


def _revoke(product):
    certificate = product.certificates.get()
    certificate.revoked_on = timezone.localdate()
    certificate.save()


def _pause(product):
    Listing.objects.create(product=product, status=ListingStatus.APPROVED, on_sale=False)


@pytest.mark.parametrize("withdraw", [_hide, _revoke, _pause])
def test_a_product_withdrawn_from_sale_leaves_the_cached_listing(client, shop, withdraw):
    assert "Bánh pía Sóc Trăng" in get(client, listing()).content.decode()

    withdraw(shop["pia"])

    page = get(client, listing())
    assert page[HEADER] == "miss"
    assert "Bánh pía Sóc Trăng" not in page.content.decode()


def test_a_published_page_change_shows_at_once(client, shop):
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page.specific
    assert get(client, "/")[HEADER] == "miss"

    home.title = "Trang chủ mới của chợ OCOP"
    home.save_revision().publish()

    page = get(client, "/")
    assert page[HEADER] == "miss"
    assert "Trang chủ mới của chợ OCOP" in page.content.decode()


def test_the_cached_page_of_yesterday_is_not_served_today(client, shop):
    url = shop["pia"].get_absolute_url()
    get(client, url)
    assert get(client, url)[HEADER] == "hit"

    tomorrow = timezone.localtime() + dt.timedelta(days=1)
    with time_machine.travel(tomorrow, tick=False):
        assert get(client, url)[HEADER] == "miss"


def test_a_visitor_with_a_basket_gets_their_own_page(client, shop):
    pia = shop["pia"]
    get(client, pia.get_absolute_url())
    get(client, listing())

    client.post(reverse("basket:add", kwargs={"pk": pia.pk}), {"quantity": 2})
    page = get(client, listing())

    assert HEADER not in page
    assert re.search(r'class="[^"]*basket-count[^"]*"[^>]*>\s*2\s*<', page.content.decode())


def test_personal_pages_are_never_stored(client, shop):
    client.post(reverse("basket:add", kwargs={"pk": shop["pia"].pk}), {"quantity": 1})
    client.cookies.clear()  # even without the visitor's cookies
    for url in (reverse("basket:summary"), reverse("checkout:index")):
        client.get(url)
        response = client.get(url)
        assert HEADER not in response, url


def test_no_database_write_on_a_product_page(client, shop, settings):
    settings.OCOP_PAGE_CACHE_SECONDS = 0
    with CaptureQueriesContext(connection) as queries:
        response = get(client, shop["pia"].get_absolute_url())

    writes = [q["sql"] for q in queries if q["sql"].lstrip().startswith(("UPDATE", "INSERT"))]
    assert writes == []
    assert not response.cookies


def test_the_csrf_cookie_of_cached_forms_is_set_by_a_script(client):
    response = client.get(reverse("csrf_cookie"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert len(response.cookies["csrftoken"].value) == 32
    assert "no-store" in response["Cache-Control"]


def test_a_form_sent_with_the_cookies_value_as_its_token_is_accepted(shop):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.get(reverse("csrf_cookie"))
    secret = client.cookies["csrftoken"].value
    url = reverse("basket:add", kwargs={"pk": shop["pia"].pk})

    refused = client.post(url, {"quantity": 1, "csrfmiddlewaretoken": ""})
    accepted = client.post(url, {"quantity": 1, "csrfmiddlewaretoken": secret})

    assert refused.status_code == 403
    assert accepted.status_code == 302
