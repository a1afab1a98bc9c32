"""Page types of the public site: where they may be created, and what they show."""

import pytest
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

import places
from cms.models import HomePage, NewsIndexPage, ProgrammePage, StandardPage
from experiences.tests.factories import experience
from profiles.models import ProducerIndexPage, ProductProfileIndexPage
from villages.choices import VillageKind
from villages.models import VillageIndexPage, VillagePage, VillageProducer

from .factories import certify, groups, make_home, make_product, producer

CAN_THO_WARDS = places.wards()


def ward(index):
    return CAN_THO_WARDS[index]


class PageTreeTests(WagtailPageTestCase):
    """The tree can only grow the right way."""

    def test_home_page_sits_at_the_root_and_holds_the_villages_and_the_programme(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                VillageIndexPage,
                ProgrammePage,
                ProducerIndexPage,
                ProductProfileIndexPage,
                NewsIndexPage,
                StandardPage,
            },
        )
        self.assertCanNotCreateAt(HomePage, VillagePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_village_index_only_under_home_and_villages_only_under_the_index(self):
        self.assertAllowedParentPageTypes(VillageIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(VillagePage, {VillageIndexPage})
        self.assertAllowedSubpageTypes(VillageIndexPage, {VillagePage})
        self.assertCanNotCreateAt(VillagePage, VillagePage)

    def test_pages_route_and_render(self):
        home = make_home()
        index = home.add_child(instance=VillageIndexPage(title="Làng du lịch", slug="lang-du-lich"))
        village = index.add_child(
            instance=VillagePage(title="Làng du lịch Mỹ Khánh", slug="my-khanh")
        )
        for page in (home, index, village):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def village_index(home):
    return home.add_child(
        instance=VillageIndexPage(
            title="Làng du lịch", slug="lang-du-lich", intro="<p>Miền sông nước.</p>"
        )
    )


def add_village(index, title, kind=VillageKind.TOURISM, commune=None, **fields):
    commune_code = commune[0] if commune else ""
    return index.add_child(
        instance=VillagePage(
            title=title, slug=slugify(title), kind=kind, commune_code=commune_code, **fields
        )
    )


def village_titles(response):
    return [village.title for village in response.context["villages"]]


def test_home_page_shows_the_hero_and_live_promotions(client, home):
    home.hero_title = "Đặc sản OCOP miền Tây"
    home.hero_text = "Mua tận gốc từ hợp tác xã."
    home.save_revision().publish()
    group = groups()
    make_product("Gạo ST25 Cần Thơ", group["1.2"], stars=5, price="120000")
    make_product("Trà khổ qua", group["3.1"], stars=4)
    make_product("Bánh không chứng nhận", group["1.3"])

    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Đặc sản OCOP miền Tây</h1>" in html
    assert "Mua tận gốc từ hợp tác xã." in html
    assert 'href="/cua-hang/catalogue/"' in html
    assert "Gạo ST25 Cần Thơ" in html
    assert "120.000\N{NO-BREAK SPACE}₫" in html
    assert "ocop-badge--5" in html
    assert "Trà khổ qua" in html
    assert "Bánh không chứng nhận" not in html


def test_home_page_lists_villages_with_image_and_summary(client, home, village_index):
    add_village(village_index, "Cồn Sơn", commune=ward(0), summary="Cá lóc bay.")
    draft = add_village(village_index, "Làng nháp")
    draft.unpublish()

    html = client.get("/").content.decode()

    assert "Cồn Sơn" in html
    assert "Cá lóc bay." in html
    assert escape(ward(0)[1]) in html
    assert "Làng nháp" not in html
    assert 'href="/lang-du-lich/"' in html


def test_home_page_in_english_uses_english_group_names(client, home):
    group = groups()
    make_product("Rượu nếp", group["2.1"], stars=4)

    html = client.get("/en/").content.decode()

    assert '<html lang="en"' in html
    assert "Beverages" in html


def test_village_index_lists_live_villages_with_kind_and_commune(client, village_index):
    add_village(village_index, "Mỹ Khánh", commune=ward(1), summary="Vườn trái cây.")
    add_village(village_index, "Làng văn hóa", kind=VillageKind.CULTURAL, commune=ward(2))

    response = client.get("/lang-du-lich/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert village_titles(response) == ["Làng văn hóa", "Mỹ Khánh"]
    assert "Vườn trái cây." in html
    assert "Làng văn hóa du lịch" in html  # the kind's label
    assert escape(ward(1)[1]) in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"loai": "cultural"}, ["Làng văn hóa"]),
        ({"loai": "tourism"}, ["Cồn Sơn", "Mỹ Khánh"]),
        ({"xa": "W1"}, ["Mỹ Khánh"]),
        ({"xa": "W1", "loai": "tourism"}, ["Mỹ Khánh"]),
        ({"xa": "W1", "loai": "cultural"}, []),
    ],
)
def test_village_index_filters_by_commune_and_kind(client, village_index, query, expected):
    add_village(village_index, "Mỹ Khánh", commune=ward(1))
    add_village(village_index, "Cồn Sơn", commune=ward(3))
    add_village(village_index, "Làng văn hóa", kind=VillageKind.CULTURAL, commune=ward(2))
    query = {key: ward(1)[0] if value == "W1" else value for key, value in query.items()}

    response = client.get("/lang-du-lich/", query)

    assert response.status_code == 200
    assert village_titles(response) == expected
    if not expected:
        assert "Không có làng nào khớp với bộ lọc này." in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"loai": "castle"},
        {"xa": "99999"},
        {"xa": "0' OR 1=1"},
        {"xa": "x" * 5000, "loai": ""},
        {"loai": "\x00", "xa": "-1"},
    ],
)
def test_village_index_ignores_bad_filter_values(client, village_index, query):
    add_village(village_index, "Mỹ Khánh", commune=ward(1))
    add_village(village_index, "Làng văn hóa", kind=VillageKind.CULTURAL)

    response = client.get("/lang-du-lich/", query)

    assert response.status_code == 200
    assert village_titles(response) == ["Làng văn hóa", "Mỹ Khánh"]
    assert response.context["is_filtered"] is False


def test_village_page_shows_its_story_recognition_experiences_and_producers(client, village_index):
    group = groups()
    village_product = make_product("Khu du lịch Mỹ Khánh", group["6"])
    certificate = certify(village_product, 4)
    cooperative = producer("HTX Trái cây Mỹ Khánh", kind="htx")
    village = add_village(
        village_index,
        "Mỹ Khánh",
        commune=ward(1),
        summary="Vườn trái cây bên sông.",
        body="<p>Câu chuyện của làng.</p>",
        opening_hours="7:00–17:00 hằng ngày",
        ocop_product=village_product,
    )
    experience("Chèo xuồng hái trái cây", village=village, adult_price=150_000)
    hidden = experience("Trải nghiệm ẩn", village=village)
    hidden.product.is_public = False
    hidden.product.save()
    VillageProducer.objects.create(page=village, partner=cooperative)

    response = client.get("/lang-du-lich/my-khanh/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Mỹ Khánh</h1>" in html
    assert "Làng du lịch gắn với sản phẩm địa phương" in html
    assert escape(ward(1)[1]) in html
    assert "Câu chuyện của làng." in html
    assert "7:00–17:00 hằng ngày" in html
    assert "ocop-badge--4" in html
    assert certificate.decision_number in html
    assert "Chèo xuồng hái trái cây" in html
    assert "150.000\N{NO-BREAK SPACE}₫" in html
    assert "/ người lớn" in html
    assert "Trải nghiệm ẩn" not in html
    assert "HTX Trái cây Mỹ Khánh" in html
    assert "/cua-hang/search/?q=HTX%20Tr%C3%A1i%20c%C3%A2y%20M%E1%BB%B9%20Kh%C3%A1nh" in html


def test_village_page_links_each_producer_to_its_profile_when_it_has_one(
    client, home, village_index
):
    from profiles.models import ProducerIndexPage
    from profiles.tests.factories import add_producer_page

    with_profile = producer("HTX Bánh tráng Thuận Hưng", kind="htx")
    without = producer("Hộ Út Hiền", kind="hkd")
    producers = home.add_child(
        instance=ProducerIndexPage(title="Chủ thể OCOP", slug="co-so-san-xuat")
    )
    add_producer_page(producers, with_profile, "htx-banh-trang")
    village = add_village(village_index, "Thuận Hưng")
    VillageProducer.objects.create(page=village, partner=with_profile, sort_order=0)
    VillageProducer.objects.create(page=village, partner=without, sort_order=1)

    html = client.get("/lang-du-lich/thuan-hung/").content.decode()

    assert 'href="/co-so-san-xuat/htx-banh-trang/"' in html
    assert "/cua-hang/search/?q=H%E1%BB%99%20%C3%9At%20Hi%E1%BB%81n" in html


def test_village_page_without_a_current_certificate_shows_no_badge(client, village_index):
    group = groups()
    village_product = make_product("Điểm du lịch Cồn Sơn", group["6"])
    certify(village_product, 2)
    add_village(village_index, "Cồn Sơn", ocop_product=village_product)

    html = client.get("/lang-du-lich/con-son/").content.decode()

    assert "ocop-badge" not in html
    assert "Xem chứng nhận" not in html
