"""The Wagtail admin shows producers only what is theirs: no site-wide reports, no
avatars fetched from outside, and the site's address comes from SITE_URL."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.sites.models import Site as DjangoSite
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Site

from catalogue.roles import OFFICERS, PRODUCERS
from cms.moderation import ensure_moderation
from cms.site_domain import sync_site_from_settings
from profiles.tests.factories import add_producer_page, make_partner, make_tree, make_user

REPORTS = [
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:site_history_results",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailadmin_reports:aging_pages",
    "wagtailadmin_reports:locked_pages",
    "wagtailadmin_reports:page_types_usage",
]


@pytest.fixture
def people(db):
    home, producers, _stories, _news = make_tree()
    ensure_moderation()
    theirs = make_partner("HTX Cồn Sơn")
    other = make_user("conson@example.vn")
    other.groups.add(Group.objects.get(name=PRODUCERS))
    theirs.users.add(other)
    # Another producer's page, with a title nobody else should read in a report.
    add_producer_page(producers, theirs, "con-son-bi-mat", owner=other, body="<p>x</p>")
    producer = make_user("uthuong@example.vn")
    producer.groups.add(Group.objects.get(name=PRODUCERS))
    make_partner("Cơ sở Út Hương").users.add(producer)
    officer = make_user("canbo@example.vn")
    officer.groups.add(Group.objects.get(name=OFFICERS))
    return {"producer": producer, "officer": officer}


@pytest.mark.parametrize("name", REPORTS)
def test_a_producer_is_turned_away_from_every_report(client, people, name):
    client.force_login(people["producer"])

    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("name", REPORTS)
def test_an_officer_reads_every_report(client, people, name):
    client.force_login(people["officer"])

    assert client.get(reverse(name)).status_code == 200


def test_site_history_shows_an_officer_every_producers_pages(client, people):
    client.force_login(people["officer"])

    response = client.get(reverse("wagtailadmin_reports:site_history"))

    assert "HTX Cồn Sơn" in response.content.decode()


def test_a_signed_out_visitor_is_sent_to_the_admin_login(client, people):
    response = client.get(reverse("wagtailadmin_reports:site_history"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login") + "?next=")


def test_the_reports_menu_is_only_in_the_officers_admin(client, people):
    client.force_login(people["producer"])
    producer_home = client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(people["officer"])
    officer_home = client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("wagtailadmin_reports:site_history") in officer_home
    assert reverse("wagtailadmin_reports:site_history") not in producer_home


def test_the_admin_loads_no_avatar_from_gravatar(client, people):
    client.force_login(people["officer"])

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "gravatar" not in html


@pytest.mark.parametrize(
    "url, domain, host, port",
    [
        ("https://shop.example.vn", "shop.example.vn", "shop.example.vn", 443),
        ("http://127.0.0.1:8000", "127.0.0.1:8000", "127.0.0.1", 8000),
        ("https://ocop.cantho.gov.vn:8443/", "ocop.cantho.gov.vn:8443", "ocop.cantho.gov.vn", 8443),
    ],
)
def test_the_site_rows_follow_site_url(db, url, domain, host, port):
    home, *_ = make_tree()

    with override_settings(SITE_URL=url.rstrip("/")):
        sync_site_from_settings()

    assert DjangoSite.objects.get_current().domain == domain
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == (host, port)
