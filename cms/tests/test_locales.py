"""Pages in two languages: the English tree at English slugs, old paths redirected,
listings in the visitor's language, hreflang, sitemap, the language switch, the footer,
and the officers' translation tools (wagtail-localize)."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupPagePermission, Locale, Page, WorkflowPage
from wagtail_localize.models import Translation, TranslationSource

from catalogue.roles import OFFICERS, PRODUCERS
from cms.models import NewsIndexPage, NewsPage, ProgrammePage, SiteSettings, StandardPage
from cms.moderation import ensure_moderation
from cms.programme import village_counts
from cms.promotions import featured_villages
from cms.search import page_results
from profiles.listing import producer_villages
from profiles.models import ProducerIndexPage, ProducerPage
from profiles.tests.factories import make_partner, make_user
from villages.models import VillageIndexPage, VillagePage, VillageProducer

from .factories import make_home

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def vietnamese_first():
    """A request under /en/ leaves English active in the test's thread."""
    translation.activate("vi")
    yield
    translation.activate("vi")


def english():
    return Locale.objects.get_or_create(language_code="en")[0]


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate(page, slug, **fields):
    """The English translation of ``page`` as an editor makes it, published."""
    twin = page.copy_for_translation(english())
    twin.slug = slug
    for name, value in fields.items():
        setattr(twin, name, value)
    twin.save_revision().publish()
    return type(twin).objects.get(pk=twin.pk)


@pytest.fixture
def site():
    """A Vietnamese tree with one of each page type, all translated except "Cồn Sơn"."""
    partner = make_partner("HTX Mỹ Khánh Xanh")
    home = make_home()
    home.save_revision().publish()
    en_home = translate(home, "trang-chu-en", title="Home")
    villages = publish(home, VillageIndexPage(title="Làng du lịch", slug="lang-du-lich"))
    en_villages = translate(villages, "villages", title="Tourism villages")
    my_khanh = VillagePage(
        title="Làng du lịch Mỹ Khánh",
        slug="my-khanh",
        summary="Vườn trái cây và nhà cổ.",
        opening_hours="7:00–18:00 hằng ngày",
        latitude=Decimal("10.01"),
        longitude=Decimal("105.71"),
    )
    my_khanh.producers = [VillageProducer(partner=partner)]
    publish(villages, my_khanh)
    en_my_khanh = translate(
        my_khanh,
        "my-khanh-tourist-village",
        title="Mỹ Khánh Tourist Village",
        summary="Fruit orchards and an old house.",
        opening_hours="7:00–18:00 every day",
    )
    con_son = publish(
        villages, VillagePage(title="Cồn Sơn", slug="con-son", summary="Cù lao trên sông Hậu.")
    )
    producers = publish(home, ProducerIndexPage(title="Chủ thể OCOP", slug="co-so-san-xuat"))
    en_producers = translate(producers, "producers", title="OCOP producers")
    producer = publish(
        producers,
        ProducerPage(
            title=partner.name, slug="my-khanh-xanh", partner=partner, summary="Hợp tác xã."
        ),
    )
    en_producer = translate(producer, "my-khanh-xanh", summary="A cooperative.")
    news = publish(home, NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    en_news = translate(news, "news", title="News")
    article = publish(news, NewsPage(title="Hội chợ OCOP", slug="hoi-cho", summary="Ba ngày."))
    en_article = translate(article, "ocop-fair", title="OCOP fair", summary="Three days.")
    about = publish(home, StandardPage(title="Giới thiệu", slug="gioi-thieu", intro="Về OCOP."))
    en_about = translate(about, "about", title="About", intro="About OCOP.")
    programme = publish(home, ProgrammePage(title="Chương trình OCOP", slug="chuong-trinh-ocop"))
    en_programme = translate(programme, "programme", title="The OCOP programme")
    return {
        "home": (home, en_home),
        "villages": (villages, en_villages),
        "village": (my_khanh, en_my_khanh),
        "producers": (producers, en_producers),
        "producer": (producer, en_producer),
        "news": (news, en_news),
        "article": (article, en_article),
        "standard": (about, en_about),
        "programme": (programme, en_programme),
        "untranslated": (con_son, None),
    }


PAGE_PAIRS = {
    "home": ("/", "/en/"),
    "villages": ("/lang-du-lich/", "/en/villages/"),
    "village": ("/lang-du-lich/my-khanh/", "/en/villages/my-khanh-tourist-village/"),
    "producers": ("/co-so-san-xuat/", "/en/producers/"),
    "producer": ("/co-so-san-xuat/my-khanh-xanh/", "/en/producers/my-khanh-xanh/"),
    "news": ("/tin-tuc/", "/en/news/"),
    "article": ("/tin-tuc/hoi-cho/", "/en/news/ocop-fair/"),
    "standard": ("/gioi-thieu/", "/en/about/"),
    "programme": ("/chuong-trinh-ocop/", "/en/programme/"),
}


def h1(response):
    return re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S).group(1)


@pytest.mark.parametrize("kind", PAGE_PAIRS)
def test_every_page_type_has_an_english_translation_at_english_slugs(client, site, kind):
    page, twin = site[kind]
    vi_path, en_path = PAGE_PAIRS[kind]

    vi = client.get(vi_path)
    en = client.get(en_path)

    assert twin.locale.language_code == "en" and twin.translation_key == page.translation_key
    assert (page.url, twin.url) == (vi_path, en_path)
    assert vi.status_code == 200 and en.status_code == 200
    assert vi.context["page"].pk == page.pk
    assert en.context["page"].pk == twin.pk
    if kind != "home":  # the home page's heading is its hero, not its title
        assert page.title in h1(vi)
        assert twin.title in h1(en)


@pytest.mark.parametrize(
    "old, new",
    [
        ("/en/lang-du-lich/", "/en/villages/"),
        ("/en/lang-du-lich/my-khanh/", "/en/villages/my-khanh-tourist-village/"),
        ("/en/co-so-san-xuat/my-khanh-xanh/", "/en/producers/my-khanh-xanh/"),
        ("/en/tin-tuc/hoi-cho/", "/en/news/ocop-fair/"),
        ("/en/chuong-trinh-ocop/", "/en/programme/"),
        ("/en/lang-du-lich/my-khanh/?xa=1", "/en/villages/my-khanh-tourist-village/?xa=1"),
        # and the other way round: an English path under the Vietnamese prefix
        ("/villages/my-khanh-tourist-village/", "/lang-du-lich/my-khanh/"),
    ],
)
def test_old_paths_redirect_permanently_to_the_translation(client, site, old, new):
    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == new


def test_an_untranslated_page_shows_in_vietnamese_under_the_english_prefix(client, site):
    con_son, _none = site["untranslated"]

    response = client.get("/en/lang-du-lich/con-son/")

    assert response.status_code == 200
    assert response.context["page"].pk == con_son.pk
    assert client.get("/en/lang-du-lich/khong-co/").status_code == 404
    assert client.get("/en/villages/con-son/").status_code == 404


def test_pages_carry_hreflang_alternates_of_their_translations(client, site):
    html = client.get("/en/villages/my-khanh-tourist-village/").content.decode()
    links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))

    assert links == {
        "vi": "http://testserver/lang-du-lich/my-khanh/",
        "en": "http://testserver/en/villages/my-khanh-tourist-village/",
        "x-default": "http://testserver/lang-du-lich/my-khanh/",
    }
    assert (
        '<link rel="canonical" href="http://testserver/en/villages/my-khanh-tourist-village/">'
        in (html)
    )


def test_an_untranslated_page_offers_only_its_vietnamese_url(client, site):
    html = client.get("/lang-du-lich/con-son/").content.decode()
    links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))

    assert links == {
        "vi": "http://testserver/lang-du-lich/con-son/",
        "x-default": "http://testserver/lang-du-lich/con-son/",
    }


def test_the_sitemap_lists_both_languages_with_their_alternates(client, site):
    xml = client.get("/sitemap.xml").content.decode()
    locations = set(re.findall(r"<loc>(.*?)</loc>", xml))

    for vi_path, en_path in PAGE_PAIRS.values():
        assert f"http://testserver{vi_path}" in locations
        assert f"http://testserver{en_path}" in locations
    assert "http://testserver/lang-du-lich/con-son/" in locations
    assert "http://testserver/en/lang-du-lich/con-son/" not in locations
    assert "http://testserver/en/lang-du-lich/" not in locations
    assert 'hreflang="en" href="http://testserver/en/villages/my-khanh-tourist-village/"' in xml
    assert 'hreflang="x-default" href="http://testserver/lang-du-lich/my-khanh/"' in xml


def switch_targets(html):
    return dict(
        re.findall(
            r'value="(vi|en)"[^>]*formaction="/i18n/setlang/\?next=([^"]*)"',
            html,
        )
    )


def test_the_language_switch_goes_to_the_translation_of_the_page(client, site):
    vi = switch_targets(client.get("/lang-du-lich/my-khanh/").content.decode())
    en = switch_targets(client.get("/en/villages/my-khanh-tourist-village/").content.decode())

    # paths without their prefix: set_language puts the chosen language's on
    assert vi == {
        "vi": "%2Flang-du-lich%2Fmy-khanh%2F",
        "en": "%2Fvillages%2Fmy-khanh-tourist-village%2F",
    }
    assert en == vi
    response = client.post(
        "/i18n/setlang/?next=/villages/my-khanh-tourist-village/", {"language": "en"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/villages/my-khanh-tourist-village/"
    response = client.post("/i18n/setlang/?next=/lang-du-lich/my-khanh/", {"language": "vi"})
    assert response["Location"] == "/lang-du-lich/my-khanh/"


def test_the_switch_keeps_the_path_and_query_off_wagtail_pages(client, site):
    html = client.get("/en/cua-hang/catalogue/?sao=5").content.decode()

    assert switch_targets(html) == {
        "vi": "%2Fcua-hang%2Fcatalogue%2F%3Fsao%3D5",
        "en": "%2Fcua-hang%2Fcatalogue%2F%3Fsao%3D5",
    }
    response = client.post("/i18n/setlang/?next=/cua-hang/catalogue/%3Fsao%3D5", {"language": "en"})
    assert response["Location"] == "/en/cua-hang/catalogue/?sao=5"


def test_listings_show_the_pages_of_the_active_language_with_the_vietnamese_fallback(client, site):
    vi = client.get("/lang-du-lich/")
    en = client.get("/en/villages/")

    assert [v.title for v in vi.context["villages"]] == ["Cồn Sơn", "Làng du lịch Mỹ Khánh"]
    assert [v.title for v in en.context["villages"]] == ["Cồn Sơn", "Mỹ Khánh Tourist Village"]
    assert [p.summary for p in client.get("/en/producers/").context["producers"]] == [
        "A cooperative."
    ]
    assert [a.title for a in client.get("/en/news/").context["articles"]] == ["OCOP fair"]
    assert [a.title for a in client.get("/tin-tuc/").context["articles"]] == ["Hội chợ OCOP"]


def test_home_villages_search_and_producer_villages_follow_the_active_language(site):
    partner = site["producer"][0].partner

    with translation.override("en"):
        home_villages = [v.title for v in featured_villages()]
        found = [r.title for r in page_results("fair")]
        of_producer = [v.title for v in producer_villages(partner)]
    with translation.override("vi"):
        vi_home_villages = [v.title for v in featured_villages()]

    assert sorted(home_villages) == ["Cồn Sơn", "Mỹ Khánh Tourist Village"]
    assert vi_home_villages == ["Làng du lịch Mỹ Khánh", "Cồn Sơn"]
    assert found == ["OCOP fair"]
    assert of_producer == ["Mỹ Khánh Tourist Village"]


def test_a_village_page_links_its_producers_in_its_language(client, site):
    en = client.get("/en/villages/my-khanh-tourist-village/")

    [(partner, page)] = en.context["village_producers"]
    assert page.url == "/en/producers/my-khanh-xanh/"


def test_the_programme_counts_villages_not_their_translations(site):
    with translation.override("en"):
        assert village_counts() == (2, 0)


def test_the_footer_contact_is_in_the_visitors_language(client, site):
    settings = SiteSettings.for_site(Page.objects.get(pk=site["home"][0].pk).get_site())
    settings.contact_address = "Số 1 Lý Tự Trọng, Ninh Kiều"
    settings.contact_address_en = "1 Ly Tu Trong Street, Ninh Kiều"
    settings.save()

    vi = client.get("/").content.decode()
    en = client.get("/en/").content.decode()

    assert "Bộ phận thường trực Chương trình OCOP" in vi
    assert "Số 1 Lý Tự Trọng, Ninh Kiều" in vi
    assert "OCOP Programme Standing Office" in en
    assert "Can Tho City Department of Agriculture and Environment" in en
    assert "1 Ly Tu Trong Street, Ninh Kiều" in en
    assert "Bộ phận thường trực" not in en


def test_officers_hold_their_rights_in_both_trees_and_producers_only_on_their_indexes(site):
    ensure_moderation()
    from django.contrib.auth.models import Group

    officers, producers = Group.objects.get(name=OFFICERS), Group.objects.get(name=PRODUCERS)
    en_home = site["home"][1]
    en_producers = site["producers"][1]

    assert GroupPagePermission.objects.filter(
        group=officers, page=en_home, permission__codename="publish_page"
    ).exists()
    assert officers.permissions.filter(codename="submit_translation").exists()
    assert WorkflowPage.objects.filter(page=en_home).exists()
    assert set(
        GroupPagePermission.objects.filter(group=producers).values_list(
            "page_id", "permission__codename"
        )
    ) == {(site["producers"][0].pk, "add_page"), (en_producers.pk, "add_page")}
    assert not producers.permissions.filter(codename="submit_translation").exists()


def test_an_officer_translates_a_new_page_with_wagtail_localize(client, site):
    ensure_moderation()
    officer = make_user("officer@example.com", is_staff=True)
    from django.contrib.auth.models import Group

    officer.groups.add(Group.objects.get(name=OFFICERS))
    officer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    villages = site["villages"][0]
    new = publish(villages, VillagePage(title="Làng nghề mới", slug="lang-nghe-moi"))
    client.force_login(officer)
    url = reverse("wagtail_localize:submit_page_translation", args=[new.pk])

    form = client.get(url)
    response = client.post(url, {"locales": [english().pk]})

    assert form.status_code == 200
    assert response.status_code == 302
    twin = new.get_translation(english())
    assert twin.get_parent().pk == site["villages"][1].pk
    source = TranslationSource.objects.get(object_id=new.translation_key)
    assert Translation.objects.filter(source=source, target_locale=english(), enabled=True).exists()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[twin.pk])).status_code == 200

    # the source changes: its editor offers to sync the translations, which then need work
    new.title = "Làng nghề mới đổi tên"
    new.save_revision().publish()
    source_edit = client.get(reverse("wagtailadmin_pages:edit", args=[new.pk])).content.decode()
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert sync_url in source_edit
    assert client.get(sync_url).status_code == 200


def test_a_producer_cannot_translate_pages(client, site):
    ensure_moderation()
    producer = make_user("producer@example.com")
    from django.contrib.auth.models import Group

    producer.groups.add(Group.objects.get(name=PRODUCERS))
    new = publish(site["villages"][0], VillagePage(title="Làng khác", slug="lang-khac"))
    client.force_login(producer)
    url = reverse("wagtail_localize:submit_page_translation", args=[new.pk])

    response = client.post(url, {"locales": [english().pk]})

    assert response.status_code in (302, 403)
    assert not new.get_translations().exists()
