"""The facet bitmaps (``catalogue.facet_index``): the counts the browsing rows give, for
random states, and in step with every committed change, never with one that is not.

The bitmaps answer only outside a transaction, so these tests commit their rows
(``transaction=True``), as requests do."""

import threading
import time
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.db.models import F
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from catalogue import browse, facet_index, search

from .factories import CAI_RANG, NINH_KIEU, groups, offer, producer
from .test_facets import meaningful, random_states, varied_catalogue

pytestmark = pytest.mark.django_db(transaction=True)

Product = get_model("catalogue", "Product")
ProductFacets = get_model("catalogue", "ProductFacets")
StockRecord = get_model("partner", "StockRecord")


def counts(query=""):
    catalogue = browse.Catalogue()
    return browse.facet_counts(catalogue.parse(QueryDict(query)), catalogue)


def sql_counts(query=""):
    catalogue = browse.Catalogue()
    return browse.row_facet_counts(catalogue.parse(QueryDict(query)), catalogue)


@pytest.fixture
def two_products():
    g = groups()
    a = offer("Bánh tráng Thuận Hưng", g["1.3"], producer("HTX A", "htx", NINH_KIEU), 45_000, 4)
    b = offer("Trà mãng cầu", g["2.1"], producer("Công ty B", "dn", CAI_RANG), 120_000, 5)
    return a, b


def test_the_bitmaps_give_the_counts_of_the_rows_for_random_states():
    varied_catalogue()
    catalogue = browse.Catalogue()
    compared = 0
    for state in random_states(97, 60):
        ids = catalogue.matching_ids(state.words) if state.words else None
        if state.words and ids is None:
            continue
        found = meaningful(facet_index.facet_counts(state, catalogue, ids))
        assert found == meaningful(browse.row_facet_counts(state, catalogue)), state
        compared += found["total"] > 0
    assert compared >= 20


def ranks_of(words):
    """{id: relevance rank} of a search's matches, as ``search.matching_ranks`` gives
    them on PostgreSQL (read here on any database)."""
    rank = search.ranker(words)
    return {pk: rank(title) for pk, title in search.matches(words, "search_title")}


def sql_order(state, catalogue):
    # Inside a transaction the bitmaps do not answer: the browsing rows are read.
    with transaction.atomic():
        return list(browse.row_sorted_ids(state, catalogue))


@pytest.mark.django_db(transaction=False)
def test_an_order_key_sorts_as_the_rows_order_stars_purchases_and_ids():
    import random

    rng = random.Random(7)
    products = [
        (rng.choice([None, 0, 3, 4, 5]), rng.choice([0, 1, 2, 9, 10**6, 2**41]), pk)
        for pk in rng.sample(range(1, 2**31), 300)
    ]
    # As browse.row_sorted_ids orders the rows (purchases past 2**40 count as 2**40).
    expected = sorted(
        products, key=lambda p: (not p[0], -(p[0] or 0), -min(p[1], 2**40 - 1), -p[2])
    )
    keys = sorted(facet_index.order_key(*p) for p in products)
    assert [facet_index._id_of(key) for key in keys] == [p[2] for p in expected]
    # A relevance rank above the place comes first whatever the place.
    worse = 1 << facet_index.RANK_SHIFT | facet_index.order_key(5, 2**41, 1)
    assert 0 << facet_index.RANK_SHIFT | facet_index.order_key(None, 0, 2**31 - 1) < worse


def test_a_searchs_matches_are_ordered_in_memory_as_the_rows_order_them():
    varied_catalogue()
    catalogue = browse.Catalogue()
    compared = 0
    for state in random_states(31, 200):
        if not state.words:
            continue
        found = facet_index.sorted_matches(state, catalogue, ranks_of(state.words))
        assert found == sql_order(state, catalogue), state
        compared += len(found) > 1
    assert compared >= 10


def test_a_filtered_listing_is_ordered_in_memory_as_the_rows_order_it():
    varied_catalogue()
    catalogue = browse.Catalogue()
    compared = 0
    for state in random_states(53, 150):
        if state.words:
            continue
        for sort in (browse.RECOMMENDED, "bestselling"):
            sorted_state = state.with_sort(sort)
            found = facet_index.sorted_listing(sorted_state, catalogue)
            filters = (state.stars, state.group, state.commune, state.kind, state.price)
            assert (found is None) == (not any(filters)), sorted_state
            if found is not None:
                assert found == sql_order(sorted_state, catalogue), sorted_state
                compared += len(found) > 1
    assert compared >= 10


def test_a_listing_letting_more_through_than_memory_sorts_reads_the_rows(two_products, monkeypatch):
    a, b = two_products  # 4 and 5 stars
    c = offer("Bánh tráng mè", groups()["1.3"], producer("HTX C"), 50_000, 3, purchases=3)
    catalogue = browse.Catalogue()
    state = catalogue.parse(QueryDict("stars=certified"))
    assert facet_index.sorted_listing(state, catalogue) == [b.pk, a.pk, c.pk]
    bestselling = state.with_sort("bestselling")
    assert facet_index.sorted_listing(bestselling, catalogue) == [c.pk, b.pk, a.pk]
    assert facet_index.sorted_listing(state, catalogue, limit=2) is None
    with CaptureQueriesContext(connection) as read:
        assert list(browse.row_sorted_ids(bestselling, catalogue)) == [c.pk, b.pk, a.pk]
    assert not any("catalogue_productfacets" in q["sql"] for q in read.captured_queries)

    monkeypatch.setattr(facet_index, "SORTED_IN_MEMORY", 2)
    with CaptureQueriesContext(connection) as read:
        ids = list(browse.row_sorted_ids(bestselling, catalogue))
    assert ids == [c.pk, b.pk, a.pk]
    assert any("catalogue_productfacets" in q["sql"] for q in read.captured_queries)


def test_a_purchase_counted_by_the_database_reorders_a_search(two_products, monkeypatch):
    a, b = two_products  # 4 and 5 stars
    c = offer("Bánh tráng mè", groups()["1.3"], producer("HTX C"), 50_000, 4)
    ProductRecord = get_model("analytics", "ProductRecord")
    catalogue = browse.Catalogue()
    state = catalogue.parse(QueryDict(""))
    alike = {a.pk: 2, b.pk: 2, c.pk: 2}  # as relevant, all three
    # Stars first, then (no purchases yet) the newest.
    assert facet_index.sorted_matches(state, catalogue, alike) == [b.pk, c.pk, a.pk]

    # Oscar counts purchases with UPDATE … SET n = n + 1: no signal, no tag. The
    # database stamps the row, read a minute later at the latest.
    ProductRecord.objects.create(product=a, num_purchases=1)
    ProductRecord.objects.filter(product=a).update(num_purchases=F("num_purchases") + 1)
    later = time.monotonic() + facet_index.LOOK_EVERY
    monkeypatch.setattr(facet_index.time, "monotonic", lambda: later)

    assert facet_index.sorted_matches(state, catalogue, alike) == [b.pk, a.pk, c.pk]
    assert ProductFacets.objects.get(product=a).purchases == 2


def test_outside_a_transaction_the_listing_counts_from_the_bitmaps(two_products, monkeypatch):
    assert counts()["total"] == 2
    # The rows are not read again: the SQL count is not what answers.
    monkeypatch.setattr(browse, "row_facet_counts", None)
    assert counts("stars=5")["stars"] == {"5": 1, "4": 1, "3": 0, "certified": 2}


def test_a_committed_change_shows_in_the_next_counts(two_products):
    a, _b = two_products
    assert counts()["price"] == {"0-50k": 1, "100-200k": 1}

    record = a.stockrecords.get()
    record.price = Decimal("250000")
    record.save()

    assert counts()["price"] == {"200-500k": 1, "100-200k": 1}
    assert counts() == sql_counts()


def test_a_change_rolled_back_never_reaches_the_bitmaps(two_products):
    a, _b = two_products
    before = counts()

    with pytest.raises(RuntimeError), transaction.atomic():
        record = a.stockrecords.get()
        record.price = Decimal("250000")
        record.save()
        # Inside the transaction the rows answer, with the change.
        assert counts()["price"] == {"200-500k": 1, "100-200k": 1}
        raise RuntimeError("rolled back")

    assert counts() == before == sql_counts()


def test_a_row_written_before_a_reading_and_committed_after_it_is_read(two_products):
    a, _b = two_products
    before = counts()["price"]
    written, release = threading.Event(), threading.Event()

    def producer_saves_a_price():
        try:
            with transaction.atomic():
                record = StockRecord.objects.get(product=a)
                record.price = Decimal("250000")
                record.save()  # the row is stamped and the tag touched, not committed
                written.set()
                release.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=producer_saves_a_price)
    thread.start()
    try:
        assert written.wait(10)
        # A reading while the transaction is open sees the row as it was.
        assert counts()["price"] == before
    finally:
        release.set()
        thread.join()

    assert counts()["price"] == {"200-500k": 1, "100-200k": 1} == sql_counts()["price"]


def test_a_product_made_private_by_a_bulk_update_leaves_the_counts(two_products, monkeypatch):
    a, _b = two_products
    assert counts()["total"] == 2

    # No signal, no tag: the database stamps the row, read a minute later at the latest.
    Product.objects.filter(pk=a.pk).update(is_public=False)
    assert counts()["total"] == 2
    later = time.monotonic() + facet_index.LOOK_EVERY
    monkeypatch.setattr(facet_index.time, "monotonic", lambda: later)

    assert counts()["total"] == 1 == sql_counts()["total"]


def test_a_removed_row_leaves_the_counts(two_products):
    a, _b = two_products
    assert counts()["total"] == 2

    # As deleting its product does (whose certificate and stock records protect it).
    ProductFacets.objects.filter(product=a).delete()

    assert counts()["total"] == 1 == sql_counts()["total"]


def test_a_change_of_many_rows_builds_the_bitmaps_anew(two_products, monkeypatch):
    monkeypatch.setattr(facet_index, "REBUILD_ROWS", 1)
    built = []
    original = facet_index.FacetIndex._build
    monkeypatch.setattr(
        facet_index.FacetIndex, "_build", lambda self: built.append(1) or original(self)
    )
    counts()
    a, b = two_products
    ProductFacets.objects.update(stars=3)
    from catalogue.facets import refresh_facets

    refresh_facets([a.pk, b.pk])

    assert counts() == sql_counts()
    assert len(built) == 2
