"""The demo-data command: a believable Cần Thơ, loaded once and identical on a re-run.

The command runs twice for the whole module (about five seconds) inside a transaction
that is rolled back at the end, with media in a temporary folder, so no other test sees
its data or files.
"""

import io
import os
import subprocess
import sys
from collections import Counter
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sites.models import Site as DjangoSite
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

import places
from cms.models import HomePage
from demo import data, orders, stories
from demo.loader import DemoLoader
from villages.models import VillageIndexPage, VillagePage

Category = get_model("catalogue", "Category")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")
User = get_user_model()

COUNTED = {
    "partners": Partner,
    "products": Product,
    "stock records": StockRecord,
    "certificates": OcopCertificate,
    "categories": Category,
    "pages": Page,
    "cms images": get_image_model(),
    "product images": ProductImage,
    "users": User,
    "groups": Group,
}

pytestmark = pytest.mark.django_db


def snapshot(media_root):
    counts = {name: model.objects.count() for name, model in COUNTED.items()}
    files = sorted(str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file())
    return counts, files


def run_command():
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media_root = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        with transaction.atomic():
            before = snapshot(media_root)
            first_output = run_command()
            after_first = snapshot(media_root)
            second_output = run_command()
            after_second = snapshot(media_root)
            yield {
                "before": before,
                "first": after_first,
                "second": after_second,
                "first_output": first_output,
                "second_output": second_output,
                "media_root": media_root,
            }
            transaction.set_rollback(True)


def test_a_second_run_creates_no_row_and_no_file(demo):
    counts_first, files_first = demo["first"]
    counts_second, files_second = demo["second"]

    assert counts_second == counts_first
    assert files_second == files_first
    assert "nothing to add" in demo["second_output"]


def test_the_first_run_creates_one_file_per_image(demo):
    counts_before, files_before = demo["before"]
    counts, files = demo["first"]

    assert files_before == []
    # and the product a producer submitted, still awaiting approval
    products = len(data.all_products()) + len(orders.AWAITING_APPROVAL)
    assert counts["products"] - counts_before["products"] == products
    assert counts["product images"] == products
    # one picture per village, producer and news article, and the home page's hero
    pictures = len(data.VILLAGES) + len(data.PRODUCERS) + len(stories.NEWS) + 1
    assert counts["cms images"] - counts_before["cms images"] == pictures
    assert len(files) == products + pictures
    assert all(name.endswith(".jpg") for name in files)


def test_the_command_prints_how_to_log_in(demo):
    output = demo["first_output"]

    for text in (
        "http://127.0.0.1:8000/",
        "/cua-hang/dashboard/",
        "/cms/",
        "officer@ocop-cantho.local",
        "producer1@ocop-cantho.local",
        "producer2@ocop-cantho.local",
        data.DEMO_PASSWORD,
    ):
        assert text in output


def test_producers_of_every_kind_are_placed_in_can_tho(demo):
    producers = Partner.objects.filter(code__startswith="demo-")
    cantho = {code for code, _name in places.wards()}

    assert producers.count() >= 20
    assert set(producers.values_list("kind", flat=True)) == {"htx", "tht", "dn", "hkd"}
    for producer in producers:
        assert producer.commune_code in cantho, producer
        assert producer.street_address and producer.phone
        assert Decimal("9.2") < producer.latitude < Decimal("10.4"), producer
        assert Decimal("105.3") < producer.longitude < Decimal("106.3"), producer
        assert producer.phone.replace(" ", "").isdigit()
        assert producer.phone.startswith(("0292", "0293", "0299", "09"))


def test_products_span_the_six_groups_with_prices_in_whole_dong(demo):
    products = Product.objects.filter(code__startswith="demo-")
    groups = Counter(
        code.split(".")[0] for code in products.values_list("categories__code", flat=True)
    )
    records = StockRecord.objects.filter(product__in=products)

    assert products.count() >= 40
    assert sorted(groups) == ["1", "2", "3", "4", "5", "6"]
    assert records.count() == products.count()
    assert set(records.values_list("price_currency", flat=True)) == {"VND"}
    assert all(r.price == r.price.to_integral_value() and r.price > 0 for r in records)
    assert records.filter(num_in_stock=0).count() >= 2
    assert all(0 <= r.num_in_stock <= 200 for r in records)
    assert all(p.primary_image().original.name.endswith(".jpg") for p in products)


def test_every_sample_decision_number_is_marked_and_every_certificate_is_valid(demo):
    certificates = OcopCertificate.objects.all()

    assert certificates.count() == sum(len(p.certs) for p in data.all_products())
    for certificate in certificates:
        assert certificate.decision_number.startswith("MẪU-"), certificate
        certificate.full_clean()  # scores match stars, dates in order, revocations explained


def test_certificates_mix_stars_levels_and_states(demo):
    today = timezone.localdate()
    in_force = OcopCertificate.objects.certified()
    five_stars = in_force.filter(stars=5)

    assert five_stars.count() >= 4
    assert set(five_stars.values_list("level", flat=True)) == {"central"}
    assert set(in_force.filter(stars__lt=5).values_list("level", flat=True)) <= {"city", "district"}
    assert in_force.filter(stars=3).exists() and in_force.filter(stars=4).exists()
    assert OcopCertificate.objects.expiring_within(30).count() >= 2
    assert OcopCertificate.objects.filter(revoked_on__lte=today).count() == 1
    district = OcopCertificate.objects.filter(level="district")
    assert district.count() >= 2
    assert all(c.decision_date.isoformat() < "2025-07-01" for c in district)
    assert all(c.renewals.exists() for c in district)
    oldest = OcopCertificate.objects.order_by("decision_date").first().decision_date
    assert (today - oldest).days <= 4 * 366


def test_a_product_whose_only_certificate_expired_shows_no_stars(demo):
    product = Product.objects.get(code="demo-mam-thai-dong-que")

    assert product.certificates.get().status() == "expired"
    assert product.ocop_rating is None
    assert Product.objects.with_rating().get(pk=product.pk).ocop_stars is None


def test_villages_have_experiences_and_one_is_cultural(demo):
    index = VillageIndexPage.objects.get(locale__language_code="vi")
    villages = VillagePage.objects.child_of(index).live()

    assert index.slug == "lang-du-lich"
    assert villages.count() >= 5
    assert villages.filter(kind="cultural").exists()
    for village in villages:
        experiences = [e.product for e in village.experience_details.all()]
        assert 1 <= len(experiences) <= 3, village
        assert {p.product_class.slug for p in experiences} == {"trai-nghiem"}
        assert all(p.stockrecords.exists() for p in experiences)
        assert village.producers.exists() and village.image_id and village.commune_name


def test_the_home_page_is_the_live_root_of_the_default_site(demo):
    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.get(locale__language_code="vi")

    assert site.root_page_id == home.pk
    assert home.live and home.live_revision_id
    assert home.hero_title and home.hero_image_id
    assert 3 <= home.pinned_products.count() <= 4
    # Wagtail's "Welcome" page is gone; the home page and its English translation are the
    # only pages at depth 2
    english_home = home.get_translation(Locale.objects.get(language_code="en"))
    assert list(Page.objects.filter(depth=2)) == [home.page_ptr, english_home.page_ptr]
    # From SITE_URL (unset in the tests: the local default)
    assert DjangoSite.objects.get_current().domain == "127.0.0.1:8000"


def test_accounts_log_in_with_the_demo_password(demo):
    officer = User.objects.get(email="officer@ocop-cantho.local")
    producer = User.objects.get(email="producer2@ocop-cantho.local")

    assert officer.check_password(data.DEMO_PASSWORD)
    assert producer.check_password(data.DEMO_PASSWORD)
    # Staff for the commerce dashboard, never a superuser: only the group's permissions.
    assert officer.is_staff and not officer.is_superuser
    for permission in (
        "catalogue.change_ocopcertificate",
        "seller.approve_listing",
        "cms.change_sitesettings",
        "wagtailredirects.change_redirect",
    ):
        assert officer.has_perm(permission)
    assert not officer.has_perm("auth.change_user")
    assert list(officer.groups.values_list("name", flat=True)) == ["Cán bộ OCOP"]
    assert not producer.is_staff
    assert list(producer.groups.values_list("name", flat=True)) == ["Chủ thể OCOP"]
    assert list(producer.partners.values_list("name", flat=True)) == ["Cơ sở Bánh tráng Út Hương"]
    # Producers run their shop in the seller area; Oscar's dashboard could publish
    # a product without an officer's approval.
    assert not producer.has_perm("partner.dashboard_access")
    assert not producer.has_perm("catalogue.change_ocopcertificate")


def test_a_rerun_keeps_what_an_officer_changed(demo):
    record = StockRecord.objects.get(partner_sku="banh-trang-phoi-suong")
    record.price = Decimal("42000")
    record.save()
    page = VillagePage.objects.get(slug="con-son")
    page.title = "Cồn Sơn (Bình Thủy)"
    page.save_revision().publish()
    counts_before, _ = snapshot(demo["media_root"])

    with override_settings(MEDIA_ROOT=demo["media_root"]):
        created = +DemoLoader().run()

    assert created == Counter()
    assert StockRecord.objects.get(pk=record.pk).price == Decimal("42000")
    assert VillagePage.objects.get(pk=page.pk).title == "Cồn Sơn (Bình Thủy)"
    assert snapshot(demo["media_root"])[0] == counts_before


def test_profiles_stories_news_and_content_pages_are_published_and_owned(demo):
    from cms.models import NewsPage, StandardPage
    from profiles.models import ProducerPage, ProductProfilePage

    # the Vietnamese tree (the English one: test_every_demo_page_has_a_live_english_translation)
    producers = ProducerPage.objects.live().filter(locale__language_code="vi")
    stories_ = ProductProfilePage.objects.live().filter(locale__language_code="vi")
    certified = [p for p in data.all_products() if p.certs]

    assert producers.count() == len(data.PRODUCERS)
    assert all(page.image_id and page.body for page in producers)
    assert stories_.count() == len(certified)
    assert {page.product.code for page in stories_} == {f"demo-{p.key}" for p in certified}
    assert NewsPage.objects.live().filter(locale=producers[0].locale).count() == len(stories.NEWS)
    standard = StandardPage.objects.live().filter(locale=producers[0].locale)
    assert set(standard.values_list("slug", flat=True)) == {
        "gioi-thieu",
        "tro-thanh-chu-the-ocop",
        "giao-hang-doi-tra",
        "chinh-sach-bao-mat",
        "dieu-khoan",
    }
    owner = User.objects.get(email="producer2@ocop-cantho.local")
    assert {p.owner for p in ProducerPage.objects.filter(slug="ut-huong")} == {owner}
    assert {p.owner for p in ProducerPage.objects.filter(slug="con-son-xanh")} == {None}
    assert {
        p.owner for p in stories_.filter(product__stockrecords__partner__code="demo-ut-huong")
    } == {owner}


def test_the_approval_workflow_guards_the_whole_site(demo):
    from wagtail.models import Workflow

    from cms.moderation import WORKFLOW_NAME

    for home in HomePage.objects.all():  # the Vietnamese tree and the English one
        assert home.get_workflow() == Workflow.objects.get(name=WORKFLOW_NAME)
    producer = User.objects.get(email="producer1@ocop-cantho.local")
    assert producer.has_perm("wagtailadmin.access_admin")


@pytest.mark.django_db
@override_settings(DEMO_DATA_ALLOWED=False)
def test_production_settings_refuse_the_sample_data_without_force():
    before = {name: model.objects.count() for name, model in COUNTED.items()}

    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo_data", stdout=io.StringIO())

    assert {name: model.objects.count() for name, model in COUNTED.items()} == before


def test_the_production_settings_module_refuses_it(monkeypatch):
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "shop.example.vn",
        "SITE_URL": "https://shop.example.vn",
        "DATABASE_URL": "sqlite:////nonexistent/never-opened.sqlite3",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo_data"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )

    assert result.returncode == 1
    assert "do not allow the sample data" in result.stderr


# The English tree (demo.translations)

ENGLISH_TOURIST_PATHS = (
    "/en/",
    "/en/villages/",
    "/en/villages/cai-rang-floating-market/",
    "/en/producers/",
    "/en/producers/ut-huong/",
    "/en/programme/",
)


def test_every_demo_page_has_a_live_english_translation(demo):
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale__language_code="vi")
    vietnamese = home.get_descendants(inclusive=True).live().specific()
    translations = {
        page.translation_key: page for page in Page.objects.filter(locale=english).live().specific()
    }

    assert vietnamese.count() > 100
    for page in vietnamese:
        twin = translations.get(page.translation_key)
        assert twin is not None, page.url
        assert type(twin) is type(page)
        assert twin.url.startswith("/en/"), twin.url
    assert len(translations) == vietnamese.count()


@pytest.mark.parametrize(
    "path, title",
    [
        ("/en/villages/", "Tourism villages"),
        ("/en/villages/my-khanh-tourist-village/", "Mỹ Khánh Tourist Village"),
        ("/en/producers/", "OCOP producers"),
        ("/en/programme/", "The OCOP programme in Cần Thơ"),
        ("/en/news/ocop-fair-at-ninh-kieu-pier/", "OCOP products fair at Ninh Kiều pier"),
        ("/en/delivery-and-returns/", "Delivery and returns"),
    ],
)
def test_english_pages_answer_at_english_paths(client, demo, path, title):
    response = client.get(path)

    assert response.status_code == 200
    assert response.context["page"].title == title
    assert response.context["page"].locale.language_code == "en"


def test_old_vietnamese_paths_under_en_redirect_to_the_english_page(client, demo):
    response = client.get("/en/lang-du-lich/cho-noi-cai-rang/")

    assert response.status_code == 301
    assert response["Location"] == "/en/villages/cai-rang-floating-market/"


def test_english_village_pages_carry_english_opening_hours_and_summary(demo):
    from demo import pages_en

    for spec in data.VILLAGES:
        page = VillagePage.objects.get(slug=pages_en.VILLAGES[spec.slug].slug)
        assert page.locale.language_code == "en"
        assert page.opening_hours == pages_en.VILLAGES[spec.slug].opening_hours
        assert page.summary == pages_en.VILLAGES[spec.slug].summary


@pytest.mark.parametrize("path", ENGLISH_TOURIST_PATHS)
def test_a_tourist_on_en_reads_almost_no_vietnamese_outside_names(client, demo, path):
    from demo.language_check import vietnamese_words

    response = client.get(path)
    words, vietnamese = vietnamese_words(response.content.decode())

    assert response.status_code == 200
    assert len(words) > 100
    assert len(vietnamese) <= 0.03 * len(words), vietnamese
