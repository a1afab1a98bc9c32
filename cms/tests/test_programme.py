"""The programme page: the plan's targets beside live counts from the catalogue."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

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
    this_year = progress.by_year[-1]
    assert (this_year.year, this_year.counted_on) == (
        timezone.localdate().year,
        timezone.localdate(),
    )
    assert this_year.counts == {3: 2, 4: 2, 5: 2}


@pytest.fixture
def history(catalogue):
    """Certificates of 2017–2021 whose dates alone say what was in force at each year end.

    31/12/2019: 3★ (2017, expires 1/1/2020) and 4★ (2019) → 2 products.
    31/12/2020: 4★ (2019, HTX), 3★ (2020, enterprise), 5★ (decided 31/12/2020, household);
    not the 3★ that expired on 1/1/2020, nor the 4★ revoked in November 2020, nor the
    4★ of January 2021 → 3 products, one 5★, two economic organisations.
    31/12/2021: the three of 2020 and the one of January 2021 → 4 products."""
    group = catalogue
    htx = producer("HTX 2019", "htx")
    enterprise = producer("Công ty 2020", "dn")
    household = producer("Hộ 2020", "hkd")
    for title, code, stars, issued, partner, extra in [
        ("Bánh 2017", "1.3", 3, dt.date(2017, 1, 1), htx, {}),
        ("Mật ong 2019", "1.2", 4, dt.date(2019, 6, 1), htx, {}),
        ("Trà 2020", "2.2", 3, dt.date(2020, 3, 1), enterprise, {}),
        ("Gạo 5 sao 2020", "1.2", 5, dt.date(2020, 12, 31), household, {}),
        (
            "Rượu thu hồi 2020",
            "2.1",
            4,
            dt.date(2020, 2, 1),
            enterprise,
            {"revoked_on": dt.date(2020, 11, 1), "revocation_reason": "Vi phạm"},
        ),
        ("Nón 2021", "4", 4, dt.date(2021, 1, 5), enterprise, {}),
    ]:
        certify(make_product(title, group[code], partner=partner), stars, issued=issued, **extra)
    return group


def indicators(deadline):
    return [(i.measure, i.target, i.actual, i.percent, i.reached) for i in deadline.indicators]


def test_each_target_is_set_beside_the_count_on_its_own_deadline(history):
    page = ensure_programme_page()
    village_2020 = page.targets.get(deadline_year=2020, measure="tourism_villages")

    by_2020, by_2030 = programme_progress(page).deadlines

    assert (by_2020.year, by_2020.counted_on, by_2020.is_past) == (
        2020,
        dt.date(2020, 12, 31),
        True,
    )
    # Village pages carry no dates: a past year's villages count only when reported.
    assert indicators(by_2020) == [
        ("products", 20, 3, 15, False),
        ("organisations", 20, 2, 10, False),
        ("tourism_villages", 3, None, 0, False),
    ]
    assert (by_2030.counted_on, by_2030.is_past) == (timezone.localdate(), False)
    assert indicators(by_2030) == [
        ("products", 40, 6, 15, False),
        ("five_star", 5, 2, 40, False),
        ("cultural_villages", 1, 1, 100, True),
        ("tourism_villages", 5, 3, 60, False),
    ]

    village_2020.reported = 3
    village_2020.save()
    by_2020 = programme_progress(page).deadlines[0]
    assert indicators(by_2020)[2] == ("tourism_villages", 3, 3, 100, True)


def test_chart_counts_certified_products_at_each_year_end_by_stars(history):
    progress = programme_progress(ensure_programme_page())

    columns = {column.year: column for column in progress.by_year}
    assert list(columns)[0] == 2019
    assert list(columns)[-1] == timezone.localdate().year
    assert columns[2019].counts == {3: 1, 4: 1, 5: 0}
    assert columns[2020].counts == {3: 1, 4: 1, 5: 1}
    assert columns[2021].counts == {3: 1, 4: 2, 5: 1}
    assert [(s, n, share) for s, n, share in columns[2020].segments()] == [
        (3, 1, 33),
        (4, 1, 33),
        (5, 1, 33),
    ]
    tallest = max(column.total for column in columns.values())
    assert columns[2021].percent == round(4 * 100 / tallest)


def test_page_shows_targets_beside_counts_and_text_bars(client, history):
    ensure_programme_page()

    response = client.get("/chuong-trinh-ocop/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    past = html[html.index('data-deadline="2020"') : html.index('data-deadline="2030"')]
    assert "Đã đến hạn: số liệu ngày 31/12/2020" in past
    assert "<strong>3</strong> / 20" in past
    assert "không đạt, được 15%" in past
    assert "chưa có số liệu của năm này" in past
    ahead = html[html.index('data-deadline="2030"') :]
    assert "<strong>6</strong> / 40" in ahead
    assert "<strong>2</strong> / 5" in ahead
    assert "<strong>1</strong> / 1" in ahead
    assert "khoảng 400 tỷ đồng" in html
    assert "Thực phẩm" in html
    # The chart's table says in words what the bars draw.
    assert '<tr data-year="2020"><th scope="row">2020</th><td>1</td><td>1</td><td>1</td>' in html
    assert "<script" not in html.split('<main id="main"')[1].split("</main>")[0]


def test_targets_are_the_officers_data(client, catalogue):
    page = ensure_programme_page()
    target = page.targets.get(deadline_year=2030, measure="five_star")
    target.number = 8
    target.save()
    page.budget_state = 120
    page.save_revision().publish()

    html = client.get("/chuong-trinh-ocop/").content.decode()

    assert "<strong>2</strong> / 8" in html
    assert "khoảng 420 tỷ đồng" in html


class ProgrammeTargetsInAdminTests(WagtailPageTestCase):
    def test_officers_create_the_page_with_targets_of_their_own_years(self):
        home = make_home()
        officer = get_user_model().objects.create_superuser("officer", "officer@example.com", "x")
        self.client.force_login(officer)

        self.assertCanCreate(
            home,
            ProgrammePage,
            nested_form_data(
                {
                    "title": "Chương trình OCOP",
                    "slug": "chuong-trinh",
                    "plan_name": "Kế hoạch 2026–2030",
                    "budget_state": 10,
                    "budget_mobilised": 20,
                    "targets": inline_formset(
                        [
                            {"deadline_year": 2027, "measure": "products", "number": 55},
                            {"deadline_year": 2030, "measure": "five_star", "number": 9},
                        ]
                    ),
                }
            ),
        )

        page = ProgrammePage.objects.get(slug="chuong-trinh")
        assert [(t.deadline_year, t.measure, t.number) for t in page.targets.all()] == [
            (2027, "products", 55),
            (2030, "five_star", 9),
        ]


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
    # The plan's own targets, each with its deadline, and its budget.
    assert [(t.deadline_year, t.measure, t.number) for t in first.targets.all()] == [
        (2020, "products", 20),
        (2020, "organisations", 20),
        (2020, "tourism_villages", 3),
        (2030, "products", 40),
        (2030, "five_star", 5),
        (2030, "cultural_villages", 1),
        (2030, "tourism_villages", 5),
    ]
    assert first.budget_total == 400


@pytest.mark.django_db
def test_ensure_programme_page_waits_for_a_home_page():
    assert ensure_programme_page() is None
    assert ProgrammePage.objects.count() == 0


def test_programme_page_queries_do_not_grow_with_the_catalogue(
    no_page_cache, client, history, settings
):
    # The worst case: nothing from the cache, every count read (all the years and
    # deadlines in the same two queries).
    settings.OCOP_FRAGMENT_CACHE_SECONDS = 0
    ensure_programme_page()
    # Twice: the first visit creates the site settings, a change of the site.
    assert client.get("/chuong-trinh-ocop/").status_code == 200
    client.get("/chuong-trinh-ocop/")
    with CaptureQueriesContext(connection) as small:
        client.get("/chuong-trinh-ocop/")

    for n in range(8):
        make_product(f"Thêm {n}", history["1.3"], stars=3 + n % 3)

    client.get("/chuong-trinh-ocop/")  # the new products changed the catalogue
    with CaptureQueriesContext(connection) as big:
        client.get("/chuong-trinh-ocop/")
    assert len(big.captured_queries) == len(small.captured_queries) > 0
    assert len(small.captured_queries) <= 15


def test_the_kept_programme_page_shows_a_new_certificate_at_once(no_page_cache, client, history):
    ensure_programme_page()
    client.get("/chuong-trinh-ocop/")
    with CaptureQueriesContext(connection) as warm:
        before = client.get("/chuong-trinh-ocop/").content.decode()
    # Its counts were kept with the page's part: none is read again.
    assert not [q for q in warm.captured_queries if "catalogue_ocopcertificate" in q["sql"]]

    certify(make_product("Khô cá lóc", history["1.3"]), 5)

    after = client.get("/chuong-trinh-ocop/").content.decode()
    assert certified_tile(after) == certified_tile(before) + 1


def certified_tile(html):
    found = re.search(
        r'stat-tile__number">(\d+)</span> <span class="stat-tile__label">sản phẩm OCOP có', html
    )
    return int(found.group(1))
