"""English search on the demo: the words a tourist types find every product group,
experience and village on the first page, with or without the English written (the
synonym list of catalogue/data/synonyms.csv stands in), at no extra query.

The demo is loaded once for the module inside a transaction rolled back at the end."""

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from oscar.core.loading import get_model

from catalogue import search, synonyms
from catalogue.search import refresh_search_text
from cms.search import page_results
from demo import data
from demo.loader import KEY_PREFIX
from demo.products_en import PRODUCTS_EN

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
SEARCH = "/en/cua-hang/search/"

# What a tourist types → a demo product or experience it must find on the first page.
WORDS = [
    ("durian", "sau-rieng-ri6-phong-dien"),
    ("pomelo", "buoi-da-xanh-hoa-an"),
    ("longan", "nhan-xuong-my-khanh"),
    ("strawberries", "dau-tay-nhon-ai"),
    ("honey", "mat-ong-hoa-tram"),
    ("jasmine rice", "gao-jasmine-thoi-lai"),
    ("rice paper", "banh-trang-phoi-suong"),
    ("coconut", "banh-trang-dua-ut-huong"),
    ("fish cake", "cha-ca-thac-lac-tay-do"),
    ("dried fish", "kho-ca-loc"),
    ("sausage", "lap-xuong-tom"),
    ("fish sauce", "nuoc-mam-ca-linh"),
    ("chili sauce", "tuong-ot-xiem-xanh"),
    ("tea", "tra-mang-cau"),
    ("rice wine", "ruou-nep-than"),
    ("pineapple juice", "nuoc-ep-khom"),
    ("moringa", "cao-chum-ngay"),
    ("turmeric", "vien-nghe-mat-ong"),
    ("essential oil", "tinh-dau-sa-chanh"),
    ("soap", "xa-phong-bo-hon"),
    ("water hyacinth", "tui-xach-luc-binh"),
    ("bamboo", "ro-tre-long-my"),
    ("bonsai", "mai-vang-bonsai"),
    ("chrysanthemum", "cuc-mam-xoi"),
    ("guppy", "ca-bay-mau"),
    ("floating market", "cho-noi-binh-minh"),
    ("cycling", "dap-xe-mie-vuon"),
    ("khmer", "mot-ngay-phum-soc"),
    ("rice paper making", "tu-tay-lam-banh-trang"),
    ("ticket", "ve-lang-my-khanh"),
]
# Found through the synonym list alone, before anyone writes the English.
SYNONYM_WORDS = [
    ("durian", "sau-rieng-ri6-phong-dien"),
    ("pomelo", "buoi-da-xanh-hoa-an"),
    ("honey", "mat-ong-hoa-nhan"),
    ("rice paper", "banh-trang-cuon-ut-huong"),
    ("floating market", "cho-noi-binh-minh"),
    ("water hyacinth", "tui-xach-luc-binh"),
    ("guppy", "ca-bay-mau"),
]
# On /en/ the villages are found as their English pages (cms.locales).
VILLAGES = [
    ("floating market", "Cái Răng Floating Market"),
    ("rice paper", "Thuận Hưng Rice Paper Village"),
    ("khmer", "Phú Tâm Khmer Cultural Village"),
    ("orchard", "Phong Điền Fruit Gardens"),
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("m")):
        with transaction.atomic():
            call_command("load_demo_data", verbosity=0)
            yield
            transaction.set_rollback(True)


def first_page(client, q):
    response = client.get(SEARCH, {"q": q})
    assert response.status_code == 200
    return [p.code.removeprefix(KEY_PREFIX) for p in response.context["products"]]


@pytest.mark.parametrize(("q", "key"), WORDS)
def test_english_words_find_the_product_on_the_first_page(client, demo, q, key):
    assert key in first_page(client, q)


def test_every_demo_product_group_is_found_by_an_english_word():
    groups = {spec.category for spec in data.all_products()}
    keys = {key for _q, key in WORDS}
    found = {spec.category for spec in data.all_products() if spec.key in keys}
    assert found == groups


def test_the_synonym_list_covers_every_demo_group_and_each_row_finds_something(client, demo):
    entries = synonyms.entries()
    assert {e.group for e in entries} >= {s.category for s in data.all_products()}
    assert all(e.english for e in entries)
    for entry in entries:
        words = search.tokens(entry.vietnamese)
        assert Product.objects.filter(search.search_filter(words)).exists(), entry.vietnamese


@pytest.mark.parametrize(("q", "key"), SYNONYM_WORDS)
def test_synonyms_find_products_whose_english_is_not_written(client, demo, q, key):
    Product.objects.update(title_en="", description_en="")
    refresh_search_text(Product.objects.values_list("pk", flat=True))

    assert key in first_page(client, q)


def test_a_synonym_matches_whole_words_only(demo):
    # "lamp" stands for "đèn lục bình", never the "đen" of black sesame ("mè đen").
    lamp = synonyms.expand(["lamp"])
    assert synonyms.matches("den luc binh trang tri", lamp)
    assert not synonyms.matches("banh trang nuong me den", lamp)
    found = Product.objects.filter(search.search_filter(["lamp"])).values_list("code", flat=True)
    assert [code.removeprefix(KEY_PREFIX) for code in found] == ["den-luc-binh"]


@pytest.mark.parametrize(("q", "title"), VILLAGES)
def test_villages_are_found_by_english_words(demo, q, title):
    with translation.override("en"):
        titles = [result.title for result in page_results(q)]
    assert title in titles


def test_demo_english_is_loaded_for_every_product_and_survives_a_reload(demo):
    rows = dict(Product.objects.filter(code__startswith=KEY_PREFIX).values_list("code", "title_en"))
    assert {code.removeprefix(KEY_PREFIX) for code, title in rows.items() if title} == set(
        PRODUCTS_EN
    )
    mine = Product.objects.get(code=KEY_PREFIX + "mat-ong-hoa-tram")
    mine.title_en = "Honey, as an officer wrote it"
    mine.save()
    Product.objects.filter(code=KEY_PREFIX + "ca-bay-mau").update(title_en="", description_en="")

    call_command("load_demo_data", verbosity=0)

    assert Product.objects.get(pk=mine.pk).title_en == "Honey, as an officer wrote it"
    guppy = Product.objects.get(code=KEY_PREFIX + "ca-bay-mau")
    assert guppy.title_en == PRODUCTS_EN["ca-bay-mau"][0]
    assert guppy.description_en == f"<p>{PRODUCTS_EN['ca-bay-mau'][1]}</p>"


def test_a_synonym_costs_no_extra_query(no_page_cache, client, demo):
    def count(q):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(SEARCH, {"q": q}).status_code == 200
        return len(captured)

    for q in ("floating market", "cho noi"):
        client.get(SEARCH, {"q": q})  # warms thumbnails and caches
    assert first_page(client, "floating market") == first_page(client, "cho noi")
    assert count("floating market") == count("cho noi")


@pytest.mark.parametrize(
    ("words", "typed", "alternative"),
    [
        (["rice", "paper", "making"], ["rice paper making"], "lam banh trang"),
        (["rice", "paper"], ["rice paper"], "banh trang"),
        (["rice"], ["rice"], "gao"),
        (["sau", "rieng"], ["sau rieng"], "durian"),
        (["paper"], ["paper"], None),
    ],
)
def test_the_longest_known_phrase_is_one_term(words, typed, alternative):
    terms = synonyms.expand(words)
    assert [t.typed for t in terms] == typed
    if alternative:
        assert alternative in terms[0].alternatives
    else:
        assert terms[0].alternatives == ()
