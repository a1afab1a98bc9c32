"""The search's words in each process's memory (``catalogue.word_index``): the matches
the database's LIKEs find, for many queries, and in step with every committed change to
a product's words or to what it offers.

The words answer only outside a transaction, as the facet bitmaps that keep them do
(``catalogue.facet_index``): these tests commit their rows (``transaction=True``)."""

import random

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from catalogue import facet_index, search, synonyms
from catalogue.word_index import DENSE, MAX_WORDS, WordIndex, bitmap_of, ids_of

from .factories import groups, offer, producer
from .test_facets import varied_catalogue

Product = get_model("catalogue", "Product")
ProductFacets = get_model("catalogue", "ProductFacets")
StockRecord = get_model("partner", "StockRecord")


def index_of(texts):
    return WordIndex({pk: (search.stored_text(text), search.words_of(text)) for pk, text in texts})


def matches(index, query):
    bits = index.matching(search.tokens(query))
    return None if bits is None else sorted(ids_of(bits))


def test_a_word_typed_is_found_inside_any_word_and_a_phrase_across_two():
    index = index_of(
        [
            (1, "Bánh tráng Thuận Hưng"),
            (2, "Bánhpía sầu riêng"),
            (3, "Trà mãng cầu"),
            (4, "Tráng miệng bánh"),
            (5, "Xbánh trángy"),
        ]
    )
    assert matches(index, "banh") == [1, 2, 4, 5]
    assert matches(index, "ang") == [1, 3, 4, 5]
    # A synonym's phrase, as the LIKE reads it: anywhere, across the words' edges…
    assert matches(index, "banh trang") == [1, 5]
    # …and words typed apart, each anywhere.
    assert matches(index, "trang banh") == [1, 4, 5]
    assert matches(index, "xyz") == []


def test_a_synonym_is_found_as_whole_words_only():
    assert "tra mang cau" in synonyms.table()["tea"]
    index = index_of(
        [(1, "Trà mãng cầu"), (2, "Xtrà mãng cầu"), (3, "Trà mãng cầuy"), (4, "Steamed")]
    )
    # "tea" finds "trà mãng cầu" as whole words, and "tea" itself anywhere.
    assert matches(index, "tea") == [1, 4]


def test_a_changed_text_moves_the_product_between_words():
    index = index_of([(1, "Bánh tráng"), (2, "Trà sen")])
    index.update(1, search.stored_text("Mắm cá linh"), "mam ca linh")
    assert matches(index, "banh") == []
    assert matches(index, "linh") == [1]
    assert index.titles[1] == "mam ca linh"

    index.update(2)  # no longer offered
    assert matches(index, "sen") == []
    assert 2 not in index.texts and 2 not in index.titles


def test_a_common_word_is_kept_as_a_bitmap_and_still_follows_changes():
    index = index_of([(pk, f"Gạo thơm {pk}") for pk in range(1, DENSE + 1)])
    assert isinstance(index._postings["gao"], int)
    index.update(DENSE + 5, search.stored_text("Gạo lứt"), "gao lut")
    index.update(3)
    found = matches(index, "gao")
    assert len(found) == DENSE and 3 not in found and DENSE + 5 in found


def test_a_word_found_inside_too_many_words_is_left_to_the_database():
    index = index_of([(pk, f"Sản phẩm sp{pk}") for pk in range(1, MAX_WORDS + 10)])
    assert matches(index, "sp") is None
    assert matches(index, "san pham") is not None


def test_bitmaps_round_trip_their_ids():
    ids = random.Random(5).sample(range(100_000), 3_000)
    assert ids_of(bitmap_of(ids)) == sorted(ids, reverse=True)
    assert bitmap_of([]) == 0 and ids_of(0) == []


QUERIES = [
    "banh",
    "banh trang",
    "tra",
    "tea",
    "gao thom",
    "ca",
    "thot not",
    "ninh kieu",
    "rice",
    "phong dien tui",
    "xyz",
    "a",
    "dac biet",
    "htx",
]


@pytest.mark.django_db(transaction=True)
def test_the_words_find_the_offered_products_the_database_finds():
    varied_catalogue()
    facet_index._index.current()
    words_index = facet_index._index.words
    offered = set(ProductFacets.objects.filter(offered=True).values_list("product_id", flat=True))
    rng = random.Random(8)
    vocabulary = " ".join(Product.objects.values_list("search_text", flat=True)).split()
    # The queries above, and pieces of the catalogue's own words.
    queries = QUERIES + [rng.choice(vocabulary)[1:4] for _ in range(40)]
    compared = 0
    for query in queries:
        words = search.tokens(query)
        bits = words_index.matching(words) if words else None
        if bits is None:  # nothing to search for, or left to the database
            continue
        found = set(ids_of(bits))
        assert found == set(search.matches(words)) & offered, query
        compared += len(found) > 0
    assert compared >= 25


@pytest.fixture
def tea():
    return offer("Trà mãng cầu", groups()["2.1"], producer("HTX Mỹ Khánh"), 120_000, 4)


def searched(client, query):
    response = client.get("/cua-hang/search/", {"q": query})
    assert response.status_code == 200
    return [p.title for p in response.context["products"]]


@pytest.fixture
def uncached(settings):
    settings.OCOP_PAGE_CACHE_SECONDS = 0
    settings.OCOP_BROWSE_CACHE_SECONDS = 0


@pytest.mark.django_db(transaction=True)
def test_a_search_outside_a_transaction_filters_by_no_text_in_the_database(client, tea, uncached):
    assert searched(client, "tra") == ["Trà mãng cầu"]  # the index is built
    with CaptureQueriesContext(connection) as read:
        assert searched(client, "mang cau") == ["Trà mãng cầu"]
    assert read.captured_queries
    # The cards read the products' columns; no query filters by their text.
    filters = [q["sql"].partition(" WHERE ")[2] for q in read.captured_queries]
    assert not any("search_text" in where for where in filters)


@pytest.mark.django_db(transaction=True)
def test_a_renamed_product_is_found_by_its_new_words_at_once(client, tea, uncached):
    assert searched(client, "mang cau") == ["Trà mãng cầu"]

    tea.title = "Trà sen Tháp Mười"
    tea.save()

    assert searched(client, "mang cau") == []
    assert searched(client, "sen thap") == ["Trà sen Tháp Mười"]


@pytest.mark.django_db(transaction=True)
def test_new_words_reach_the_index_whatever_else_changes(client, tea, uncached):
    assert searched(client, "mang cau") == ["Trà mãng cầu"]
    # Written around the signals: only the folded words are refreshed, no browsing
    # row is rewritten; the words still follow.
    Product.objects.filter(pk=tea.pk).update(title="Trà gừng")
    search.refresh_search_text([tea.pk])

    assert searched(client, "tra gung") == ["Trà gừng"]
    assert searched(client, "mang cau") == []


@pytest.mark.django_db(transaction=True)
def test_a_renamed_producer_finds_its_products_by_its_new_name(client, tea, uncached):
    partner = tea.stockrecords.get().partner
    partner.name = "Hợp tác xã Phong Điền"
    partner.save()

    assert searched(client, "hop tac xa phong") == ["Trà mãng cầu"]
    assert searched(client, "my khanh") == []


@pytest.mark.django_db(transaction=True)
def test_a_product_no_longer_offered_leaves_the_search(client, tea, uncached):
    assert searched(client, "mang cau") == ["Trà mãng cầu"]
    StockRecord.objects.filter(product=tea).delete()
    assert searched(client, "mang cau") == []
    assert tea.pk not in facet_index._index.words.texts


@pytest.mark.django_db(transaction=True)
def test_a_rename_rolled_back_never_reaches_the_words(client, tea, uncached):
    with pytest.raises(RuntimeError), transaction.atomic():
        tea.title = "Trà sen"
        tea.save()
        raise RuntimeError
    assert searched(client, "mang cau") == ["Trà mãng cầu"]
    assert searched(client, "tra sen") == []


@pytest.mark.django_db(transaction=True)
def test_a_worker_builds_the_index_before_its_first_request(tea, monkeypatch):
    fresh = facet_index.FacetIndex()
    monkeypatch.setattr(facet_index, "_index", fresh)
    assert facet_index.warm_up() is not None
    assert tea.pk in fresh.words.texts

    def down():
        raise ConnectionError("the cache is down")

    monkeypatch.setattr(fresh, "current", down)
    # Logged, and the worker starts: its first listing builds them.
    assert facet_index.warm_up() is None


@pytest.mark.django_db(transaction=True)
def test_a_search_is_kept_through_a_price_change_not_through_new_words(
    client, tea, settings, monkeypatch
):
    settings.OCOP_PAGE_CACHE_SECONDS = 0
    settings.OCOP_BROWSE_CACHE_SECONDS = 300
    matched = []
    real = WordIndex.matching
    monkeypatch.setattr(
        WordIndex, "matching", lambda self, words: matched.append(words) or real(self, words)
    )
    assert searched(client, "mang cau") == ["Trà mãng cầu"]
    assert len(matched) == 1

    record = tea.stockrecords.get()
    record.price += 1000
    record.save()
    assert searched(client, "mang cau") == ["Trà mãng cầu"]
    assert len(matched) == 1  # kept: a price is not a word

    tea.title = "Trà mãng cầu sấy"
    tea.save()
    assert searched(client, "mang cau say") == ["Trà mãng cầu sấy"]
    assert searched(client, "mang cau") == ["Trà mãng cầu sấy"]
    assert len(matched) == 3  # both searched again

    # Every cache off: nothing is kept.
    settings.OCOP_BROWSE_CACHE_SECONDS = 0
    searched(client, "mang cau")
    searched(client, "mang cau")
    assert len(matched) == 5
