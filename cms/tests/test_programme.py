"""The programme page: the plan's targets beside live counts from the catalogue."""

import datetime as dt

import pytest
from django.utils import timezone, translation
from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage, ProgrammePage
from cms.programme import ensure_programme_page, programme_progress
from villages.choices import VillageKind
from villages.models import VillageIndexPage, VillagePage

from .factories import certify, groups, make_home, make_product, producer


class ProgrammePageTreeTests(WagtailPageTestCase):
    def test_created_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(ProgrammePage, {HomePage})
        self.assertCanNotCreateAt(VillageIndexPage, ProgrammePage)
        self.assertCanNotCreateAt(ProgrammePage, VillagePage)

    def test_routes_and_renders(self):
        make_home()
        page = ensure_programme_page()
        self.assertPageIsRoutable(page)
        self.assertPageIsRenderable(page)


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def catalogue(home):
    """Certified, uncertified, expired and revoked products from producers of each kind.

    In force today: food 5★, 5★, 4★, 3★; beverages 3★; handicrafts 4★ → 6 products,
    two at each level; producers with a certified product: 2 HTX, 1 DN, 1 household.
    Villages: one of each kind live (3 tourism kinds, 1 cultural) and a draft."""
    group = groups()
    today = timezone.localdate()
    htx_a = producer("HTX Bánh pía", "htx")
    htx_b = producer("HTX Gạo", "htx")
    enterprise = producer("Công ty Mắm", "dn")
    household = producer("Hộ Nón lá", "hkd")
    group_only_expired = producer("THT Rượu hết hạn", "tht")
    make_product("Bánh pía", group["1.3"], stars=5, partner=htx_a)
    make_product("Gạo ST25", group["1.2"], stars=5, partner=htx_b)
    make_product("Mắm cá linh", group["1.4"], stars=4, partner=enterprise)
    make_product("Bánh in", group["1.3"], stars=3, partner=htx_a)
    renewed = make_product("Trà mãng cầu", group["2.2"], partner=enterprise)
    certify(renewed, 3)
    certify(renewed, 2, issued=today - dt.timedelta(days=5))
    make_product("Nón lá", group["4"], stars=4, partner=household)
    make_product("Chưa đánh giá", group["1.3"], partner=household)
    expired = make_product("Rượu hết hạn", group["2.1"], partner=group_only_expired)
    certify(expired, 4, issued=today - dt.timedelta(days=37 * 31))
    revoked = make_product("Bị thu hồi", group["3.1"], partner=group_only_expired)
    certify(revoked, 5, revoked_on=today - dt.timedelta(days=1), revocation_reason="Vi phạm")
    make_product("Chỉ 2 sao", group["5"], stars=2, partner=group_only_expired)

    index = home.add_child(instance=VillageIndexPage(title="Làng du lịch", slug="lang-du-lich"))
    for slug, kind in [
        ("my-khanh", VillageKind.TOURISM),
        ("con-son", VillageKind.COMMUNITY),
        ("lang-nghe", VillageKind.CRAFT),
        ("lang-van-hoa", VillageKind.CULTURAL),
    ]:
        index.add_child(instance=VillagePage(title=slug, slug=slug, kind=kind))
    draft = index.add_child(instance=VillagePage(title="Nháp", slug="nhap"))
    draft.unpublish()
    return group


def test_live_counts_equal_the_catalogue(catalogue):
    page = ensure_programme_page()

    progress = programme_progress(page)

    assert progress.certified_products == 6
    assert progress.five_star_products == 2
    assert progress.organisations == 3
    assert progress.households == 1
    assert progress.tourism_villages == 3
    assert progress.cultural_villages == 1
    assert [(bar.key, bar.count) for bar in progress.by_group] == [
        ("1", 4),
        ("2", 1),
        ("3", 0),
        ("4", 1),
        ("5", 0),
        ("6", 0),
    ]
    assert [(bar.key, bar.count, bar.percent) for bar in progress.by_stars] == [
        ("3", 2, 100),
        ("4", 2, 100),
        ("5", 2, 100),
    ]
    assert [(i.target, i.actual, i.percent, i.reached) for i in progress.targets_2020] == [
        (20, 6, 30, False),
        (20, 3, 15, False),
        (3, 3, 100, True),
    ]
    assert [(i.target, i.actual, i.percent) for i in progress.targets_2030] == [
        (40, 6, 15),
        (5, 2, 40),
        (5, 3, 60),
        (1, 1, 100),
    ]


def test_page_shows_targets_beside_counts_and_text_bars(client, catalogue):
    ensure_programme_page()

    response = client.get("/chuong-trinh-ocop/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "<strong>6</strong> / 40" in html
    assert "<strong>2</strong> / 5" in html
    assert "<strong>1</strong> / 1" in html
    assert "khoảng 400 tỷ đồng" in html
    assert "Thực phẩm" in html
    assert html.count('class="bar__fill" style="width: 100%"') == 4  # food; 3★, 4★ and 5★
    assert "4 sản phẩm" in html
    assert "<script" not in html.split('<main id="main"')[1].split("</main>")[0]


def test_targets_are_the_officers_data(client, catalogue):
    page = ensure_programme_page()
    page.target_2030_five_star = 8
    page.budget_state = 120
    page.save_revision().publish()

    html = client.get("/chuong-trinh-ocop/").content.decode()

    assert "<strong>2</strong> / 8" in html
    assert "khoảng 420 tỷ đồng" in html


def test_page_in_english(client, catalogue):
    ensure_programme_page()

    html = client.get("/en/chuong-trinh-ocop/").content.decode()

    assert '<html lang="en"' in html
    assert "Food" in html


def test_ensure_programme_page_is_idempotent(home):
    first = ensure_programme_page()
    second = ensure_programme_page()

    assert first.pk == second.pk
    assert ProgrammePage.objects.count() == 1
    assert first.live and first.get_parent().specific == home
    with translation.override("vi"):
        assert first.url == "/chuong-trinh-ocop/"
    # The plan's own figures are the defaults.
    assert (first.target_2020_products, first.target_2030_five_star, first.budget_total) == (
        20,
        5,
        400,
    )


@pytest.mark.django_db
def test_ensure_programme_page_waits_for_a_home_page():
    assert ensure_programme_page() is None
    assert ProgrammePage.objects.count() == 0
