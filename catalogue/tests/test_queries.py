"""The number of queries of the listing, a group page, search and the product page does
not grow with the size of the catalogue or of the page. Measured with the listing cache
off (its worst case); the cache itself is tested at the end."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue import browse

from .factories import CAI_RANG, NINH_KIEU, groups, offer, producer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture(autouse=True)
def no_listing_cache(settings):
    settings.OCOP_BROWSE_CACHE_SECONDS = 0
    settings.OCOP_FRAGMENT_CACHE_SECONDS = 0  # cards rendered: the worst case too


def add_products(n, g, producers, start=0):
    made = []
    for i in range(start, start + n):
        made.append(
            offer(
                f"Bánh tráng số {i}",
                g["1.3"] if i % 2 else g["2.1"],
                producers[i % len(producers)],
                (20_000, 60_000, 150_000, 300_000)[i % 4] + 1_000 * i,
                stars=(3, 4, 5, None)[i % 4],
                purchases=i % 5,
            )
        )
    return made


def query_count(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def catalogue_data():
    g = groups()
    producers = [producer("HTX Một", "htx", NINH_KIEU), producer("Cơ sở Hai", "hkd", CAI_RANG)]
    return g, producers


def urls(g):
    food = browse.Catalogue().category_url(g["1"])
    return [
        "/cua-hang/catalogue/",
        "/cua-hang/catalogue/?stars=5&price=100-200k&sort=price-asc",
        f"{food}?commune={CAI_RANG}&kind=hkd&stars=certified",
        "/cua-hang/search/?q=banh+trang&stars=4",
    ]


@pytest.mark.parametrize("which", range(4))
def test_listing_queries_do_not_grow_with_the_catalogue(
    client, catalogue_data, which, django_assert_num_queries
):
    g, producers = catalogue_data
    add_products(4, g, producers)
    url = urls(g)[which]
    # Warms the caches: twice, as the first visit creates the site settings, a change
    # of the site (cms.site_lookup).
    client.get(url)
    client.get(url)
    client.get(url)  # the first visit changed the site (its settings)
    # Measured, as below, on the first visit after a change of the catalogue: the
    # browsable groups each process keeps are read again then.
    browse.bump_version()
    small = query_count(client, url)

    add_products(8, g, producers, start=4)

    with django_assert_num_queries(small):
        response = client.get(url)
    assert len(response.context["products"]) > 0


def test_listing_queries_do_not_grow_with_the_page_size(
    client, catalogue_data, settings, django_assert_num_queries
):
    g, producers = catalogue_data
    add_products(12, g, producers)
    settings.OSCAR_PRODUCTS_PER_PAGE = 2
    client.get("/cua-hang/catalogue/")
    client.get("/cua-hang/catalogue/")  # the first visit changed the site (its settings)
    small = query_count(client, "/cua-hang/catalogue/")

    settings.OSCAR_PRODUCTS_PER_PAGE = 12
    with django_assert_num_queries(small):
        response = client.get("/cua-hang/catalogue/")
    assert len(response.context["products"]) == 12


def test_product_page_queries_do_not_grow_with_the_catalogue(
    client, catalogue_data, django_assert_num_queries
):
    g, producers = catalogue_data
    product = add_products(4, g, producers)[2]  # 5★, certificate shown
    url = product.get_absolute_url()
    client.get(url)
    client.get(url)  # the first visit changed the site (its settings)
    small = query_count(client, url)

    add_products(8, g, producers, start=4)

    with django_assert_num_queries(small):
        response = client.get(url)
    assert response.context["certificate"].stars == 5


def test_cached_listing_costs_fewer_queries_and_forgets_on_any_change(
    client, catalogue_data, settings
):
    settings.OCOP_BROWSE_CACHE_SECONDS = 300
    g, producers = catalogue_data
    made = add_products(8, g, producers)
    url = "/cua-hang/catalogue/?stars=5"
    first = query_count(client, url)

    second = query_count(client, url)
    assert second < first
    assert client.get(url).context["paginator"].count == 2

    certificate = made[6].certificates.get()
    certificate.revoked_on = certificate.decision_date
    certificate.revocation_reason = "Thu hồi"
    certificate.save()

    response = client.get(url)
    assert response.context["paginator"].count == 1
    assert [p.pk for p in response.context["products"]] == [made[2].pk]
