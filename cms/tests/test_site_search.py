"""One search box for products and pages: producers, villages and news are found with
the same forgiving matching as products (no diacritics needed, "đ" typed as "d")."""

from datetime import date

import pytest

from cms.models import NewsIndexPage, NewsPage
from cms.search import page_results
from profiles.models import ProducerIndexPage, ProducerPage
from villages.models import VillageIndexPage, VillagePage

from .factories import make_home, producer


@pytest.fixture
def pages(db):
    home = make_home()
    producers = home.add_child(instance=ProducerIndexPage(title="Chủ thể", slug="co-so"))
    villages = home.add_child(instance=VillageIndexPage(title="Làng", slug="lang"))
    news = home.add_child(instance=NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    producers.add_child(
        instance=ProducerPage(
            title="Cơ sở Bánh tráng Út Hương",
            slug="ut-huong",
            partner=producer("Cơ sở Bánh tráng Út Hương", "hkd"),
            summary="Bánh tráng phơi sương.",
        )
    )
    villages.add_child(
        instance=VillagePage(title="Làng nghề bánh tráng Thuận Hưng", slug="thuan-hung")
    )
    villages.add_child(instance=VillagePage(title="Chợ nổi Cái Răng", slug="cai-rang"))
    news.add_child(
        instance=NewsPage(title="Hội chợ đặc sản Đồng bằng", slug="hoi-cho", date=date(2026, 5, 1))
    )
    draft = villages.add_child(instance=VillagePage(title="Bánh tráng nháp", slug="nhap"))
    draft.unpublish()
    return home


@pytest.mark.parametrize(
    "query, expected",
    [
        ("banh trang", ["Cơ sở Bánh tráng Út Hương", "Làng nghề bánh tráng Thuận Hưng"]),
        ("BÁNH TRÁNG thuan hung", ["Làng nghề bánh tráng Thuận Hưng"]),
        ("cho noi", ["Chợ nổi Cái Răng"]),
        ("dong bang", ["Hội chợ đặc sản Đồng bằng"]),
        ("phoi suong", ["Cơ sở Bánh tráng Út Hương"]),
        ("", []),
        ("   !!! ", []),
        ("khong co gi", []),
    ],
)
def test_pages_are_found_without_diacritics_and_drafts_never(pages, query, expected):
    assert [result.title for result in page_results(query)] == expected


def test_the_search_results_page_lists_matching_pages_above_products(client, pages):
    response = client.get("/cua-hang/search/", {"q": "cho noi"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/lang/cai-rang/">Chợ nổi Cái Răng</a>' in html
    assert "Làng du lịch</span>" in html


@pytest.fixture
def kept(settings, monkeypatch):
    """The site search's words kept in the cache, and how often the pages' are read."""
    import cms.search

    settings.OCOP_FRAGMENT_CACHE_SECONDS = 3600
    reads = []
    read_pages = cms.search._page_documents

    def counted():
        reads.append(1)
        return read_pages()

    monkeypatch.setattr(cms.search, "_page_documents", counted)
    return reads


def titles(query):
    return [result.title for result in page_results(query)]


def test_kept_words_follow_a_renamed_producer_and_an_edited_page_at_once(pages, kept):
    assert titles("phoi suong") == ["Cơ sở Bánh tráng Út Hương"]
    assert titles("lo banh phong") == []
    assert len(kept) == 1  # read once, then kept

    partner = ProducerPage.objects.get(slug="ut-huong").partner
    partner.name = "Lò bánh phồng Út Hương"
    partner.save()
    assert titles("lo banh phong") == ["Cơ sở Bánh tráng Út Hương"]
    assert len(kept) == 2

    village = VillagePage.objects.get(slug="cai-rang")
    village.title = "Chợ nổi Cái Răng và vườn trái cây"
    village.save_revision().publish()
    assert titles("vuon trai cay") == ["Chợ nổi Cái Răng và vườn trái cây"]
    assert len(kept) == 3


def test_a_price_change_keeps_the_pages_words(pages, kept):
    from catalogue.tests.factories import groups, offer

    product = offer("Bánh tráng mè", groups()["1.3"], producer("Cơ sở Mè Đen", "hkd"), 30_000)
    assert titles("banh trang") == ["Cơ sở Bánh tráng Út Hương", "Làng nghề bánh tráng Thuận Hưng"]
    reads = len(kept)

    record = product.stockrecords.get()
    record.price = 32_000
    record.save()

    assert titles("banh trang") == ["Cơ sở Bánh tráng Út Hương", "Làng nghề bánh tráng Thuận Hưng"]
    assert len(kept) == reads


def test_the_words_are_kept_in_the_process_with_the_caches_off_until_a_tag_moves(
    pages, kept, settings
):
    from django.utils import translation

    from pagecache import tags

    settings.OCOP_FRAGMENT_CACHE_SECONDS = 0  # as the benchmark's cold runs
    assert titles("cho noi") == ["Chợ nổi Cái Răng"]
    assert titles("cho noi") == ["Chợ nổi Cái Răng"]
    assert len(kept) == 1  # an index of this process, not a cache the setting turns off

    with translation.override("en"):
        titles("cho noi")
    assert len(kept) == 2  # each language keeps its own copy
    assert titles("cho noi") == ["Chợ nổi Cái Răng"]
    assert len(kept) == 2  # and the Vietnamese one was not replaced by it

    # Another process renames the page: here no signal runs, only its tag moves.
    VillagePage.objects.filter(slug="cai-rang").update(title="Chợ nổi Phong Điền")
    assert titles("cho noi") == ["Chợ nổi Cái Răng"]  # nothing said it changed
    tags.touch(tags.SITE)
    assert titles("cho noi") == ["Chợ nổi Phong Điền"]
    assert len(kept) == 3
