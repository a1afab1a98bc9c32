"""A path seen before is served from the kept route (cms.routes): the page itself, its
privacy and its translations' URLs, with no query, until the site changes; and every
change to them shows on the next visit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction

from cms.models import StandardPage

from .factories import make_home

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_else_kept(settings):
    """Only the route is kept: every visit renders the page (no page cache, no parts)."""
    settings.OCOP_PAGE_CACHE_SECONDS = settings.OCOP_FRAGMENT_CACHE_SECONDS = 0
    translation.activate("vi")
    yield
    translation.activate("vi")


@pytest.fixture
def page():
    home = make_home()
    home.save_revision().publish()
    about = home.add_child(
        instance=StandardPage(title="Giới thiệu", slug="gioi-thieu", intro="Về chương trình.")
    )
    about.save_revision().publish()
    return StandardPage.objects.get(pk=about.pk)


def page_queries(client, url):
    """The response, and the queries it made of Wagtail's pages and privacy rows."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [
        q["sql"]
        for q in captured.captured_queries
        if 'FROM "wagtailcore_page"' in q["sql"] or "wagtailcore_pageviewrestriction" in q["sql"]
    ]


def visit_twice(client, url):
    client.get(url)  # routes the page and keeps the route
    return page_queries(client, url)


def test_a_path_seen_before_reads_no_page_privacy_or_translation_row(client, page, settings):
    # The page's parts (breadcrumbs) kept as in production: what is left is the route's.
    settings.OCOP_FRAGMENT_CACHE_SECONDS = 3600
    client.get("/")  # the first visit of the site makes its settings: a change of the site
    first, first_queries = page_queries(client, "/gioi-thieu/")
    again, queries = page_queries(client, "/gioi-thieu/")

    assert first.status_code == again.status_code == 200
    # The first visit walked the tree, asked for restrictions and translations.
    assert any("wagtailcore_pageviewrestriction" in sql for sql in first_queries)
    assert queries == []
    assert "Giới thiệu" in again.content.decode()


def test_a_published_change_shows_on_the_next_visit(client, page):
    visit_twice(client, "/gioi-thieu/")
    page.title = "Về OCOP Cần Thơ"
    page.save_revision().publish()

    html = client.get("/gioi-thieu/").content.decode()

    assert "Về OCOP Cần Thơ" in html


def test_an_unpublished_page_is_gone_on_the_next_visit(client, page):
    visit_twice(client, "/gioi-thieu/")
    page.unpublish()

    assert client.get("/gioi-thieu/").status_code == 404


def test_a_page_made_private_after_its_route_was_kept_asks_for_the_password(client, page):
    response, _queries = visit_twice(client, "/gioi-thieu/")
    assert "Về chương trình." in response.content.decode()

    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    response = client.get("/gioi-thieu/")

    html = response.content.decode()
    assert "Về chương trình." not in html
    assert 'name="password"' in html


def test_a_private_page_stays_private_when_its_route_is_kept(client, page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    response, queries = visit_twice(client, "/gioi-thieu/")

    assert "Về chương trình." not in response.content.decode()
    assert any("wagtailcore_pageviewrestriction" in sql for sql in queries)


def test_the_language_switch_of_a_kept_route_follows_a_new_translation(client, page):
    response, _queries = visit_twice(client, "/gioi-thieu/")
    assert "/en/about/" not in response.content.decode()

    english = Locale.objects.get_or_create(language_code="en")[0]
    home = page.get_parent().specific
    home.copy_for_translation(english).save_revision().publish()
    twin = page.copy_for_translation(english)
    twin.slug = "about"
    twin.save_revision().publish()

    html = client.get("/gioi-thieu/").content.decode()

    assert "/en/about/" in html


def test_the_home_page_is_served_without_a_privacy_query_until_it_is_made_private(client, page):
    home = page.get_parent()
    client.get("/")
    response, queries = visit_twice(client, "/")
    # (The home page's own content reads pages: only the privacy check is asked about.)
    assert response.status_code == 200
    assert not [
        sql for sql in queries if sql.startswith('SELECT "wagtailcore_pageviewrestriction"')
    ]

    PageViewRestriction.objects.create(
        page=home, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    html = client.get("/").content.decode()

    assert 'name="password"' in html
