"""The public pages cost a bounded number of queries, whatever the catalogue's size.

On the demo data (loaded once for the module, rolled back at the end), each page in
Vietnamese and English is asked for twice with the full-page cache off; the repeat
request is counted. The bound holds with no part of a page from the cache (cards,
fragments, kept parts and listings off: every part rendered); only the site, its
routes and thumbnails made on first sight are found again.
Then products, certificates and a village are added and the page must cost exactly the
same: no query per product, card, village or image.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.text import slugify
from oscar.core.loading import get_model

from catalogue.tests.factories import offer
from cms.programme import ensure_programme_page
from conftest import demo_for_module

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")

# Issue 14's bound, on every page in both languages, rendered with no part from the cache.
LIMIT = 15
PAGES = [
    "home",
    "listing",
    "stars5",
    "search",
    "product",
    "experience",
    "village",
    "producer",
    "programme",
    "news",
]
PREFIXES = {"vi": "", "en": "/en"}


def _paths():
    from cms.news import NewsPage
    from profiles.models import ProducerPage
    from villages.models import VillagePage

    def first_vi(model):
        return model.objects.live().filter(locale__language_code="vi").order_by("path").first()

    with translation.override("vi"):
        products = Product.objects.browsable().order_by("pk")
        return {
            "home": "/",
            "listing": "/cua-hang/catalogue/",
            "stars5": "/cua-hang/catalogue/?stars=5",
            "search": "/cua-hang/search/?q=banh+trang",
            "product": products.filter(experience__isnull=True).first().get_absolute_url(),
            "experience": products.filter(experience__isnull=False).first().get_absolute_url(),
            "village": first_vi(VillagePage).url,
            "producer": first_vi(ProducerPage).url,
            "programme": ensure_programme_page().url,
            "news": first_vi(NewsPage).url,
        }


@pytest.fixture(scope="module")
def demo_paths(django_db_setup, django_db_blocker):
    with demo_for_module(django_db_blocker):
        yield _paths()


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.OCOP_PAGE_CACHE_SECONDS = 0


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def language_url(client, path, language):
    """The page's address in ``language`` (English paths are translated: followed)."""
    response = client.get(PREFIXES[language] + path, follow=True)
    assert response.status_code == 200
    query = response.request.get("QUERY_STRING")
    return response.request["PATH_INFO"] + (f"?{query}" if query else "")


def grow_catalogue(n=12):
    """``n`` more certified products of the demo's producers in its groups, and a
    village: a bigger catalogue for every list the pages show."""
    from villages.models import VillageIndexPage, VillagePage

    groups = list(Category.objects.filter(depth=2).order_by("path")[:3])
    producers = list(Partner.objects.order_by("pk")[:3])
    for i in range(n):
        offer(
            f"Bánh tráng thêm số {i}",
            groups[i % len(groups)],
            producers[i % len(producers)],
            30_000 + 1_000 * i,
            stars=(3, 4, 5)[i % 3],
            purchases=i,
        )
    index = VillageIndexPage.objects.get(locale__language_code="vi")
    index.add_child(instance=VillagePage(title="Làng thêm", slug=slugify("Lang them")))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_page_costs_a_bounded_number_of_queries(client, demo_paths, name, language, settings):
    settings.OCOP_FRAGMENT_CACHE_SECONDS = 0
    settings.OCOP_BROWSE_CACHE_SECONDS = 0
    url = language_url(client, demo_paths[name], language)
    cache.clear()

    queries(client, url)  # the first request fills the caches and makes thumbnails
    repeat = queries(client, url)

    assert 0 < repeat <= LIMIT


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_page_queries_do_not_grow_with_the_catalogue(client, demo_paths, name, language):
    url = language_url(client, demo_paths[name], language)
    queries(client, url)
    small = queries(client, url)

    grow_catalogue()
    queries(client, url)

    assert queries(client, url) == small
