"""Search reads its matching products once (through the trigram index on PostgreSQL)
and filters the listing's facets and page by their ids: the same listing as filtering
each query by the words."""

import pytest
from django.db import connection
from oscar.core.loading import get_model

from catalogue import search

from .factories import small_catalogue

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture(autouse=True)
def shop(settings):
    settings.OCOP_BROWSE_CACHE_SECONDS = 0
    small_catalogue()


def test_search_by_matching_ids_gives_the_same_listing_as_by_words(client, monkeypatch):
    url = "/cua-hang/search/?q=banh+trang"
    by_ids = client.get(url)
    monkeypatch.setattr(search, "MAX_MATCH_IDS", 0)  # too many: filter by the words
    by_words = client.get(url)

    shown = [[p.pk for p in r.context["products"]] for r in (by_ids, by_words)]
    assert shown[0] == shown[1] != []
    assert by_ids.context["paginator"].count == by_words.context["paginator"].count == 1


def test_ids_are_read_only_where_an_index_can_serve_them():
    long_words, short_words = search.tokens("banh trang"), search.tokens("ca lo")
    on_postgresql = connection.vendor == "postgresql"

    assert search.uses_trigram_index(long_words, connection) is on_postgresql
    # pg_trgm indexes nothing shorter than three letters: those searches use the words.
    assert search.uses_trigram_index(short_words, connection) is False
    assert search.matching_ids(short_words, connection) is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL's")
def test_the_search_matches_are_read_from_the_trigram_index():
    words = search.tokens("banh trang")
    query = search.matches(words)[: search.MAX_MATCH_IDS + 1]
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        # The test catalogue is too small for the planner to choose an index: forbid the
        # scan to see that every condition of the query is one the index answers.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")

    assert "catalogue_product_search_text_trgm" in plan
    assert "Seq Scan" not in plan


@pytest.mark.parametrize(
    "query", ["banh trang", "banh trang thuan hung", "banh", "tra thao moc", "nuoc", "ca loc"]
)
def test_ranks_read_in_python_equal_the_databases_relevance(query):
    from oscar.core.loading import get_model

    Product = get_model("catalogue", "Product")
    words = search.tokens(query)
    ranked = Product.objects.annotate(search_rank=search.relevance(words))

    in_database = {p.pk: p.search_rank for p in ranked}
    rank = search.ranker(words)
    in_python = {p.pk: rank(p.search_title) for p in ranked}

    assert in_python == in_database
    assert set(in_database.values()) != {3}  # some title ranks above "elsewhere"


def test_a_searchs_matches_are_kept_through_price_changes_not_through_new_words(
    client, settings, monkeypatch
):
    # Given the listings' cache on and a search read once
    settings.OCOP_BROWSE_CACHE_SECONDS = 300
    read = []
    real = search.matching_ranks
    monkeypatch.setattr(
        search, "matching_ranks", lambda words, *args: read.append(words) or real(words, *args)
    )
    url = "/cua-hang/search/?q=banh+trang"
    assert shown(client.get(url)) == ["Bánh tráng Thuận Hưng"]

    # When a price changes: the listing is drawn again, its matches are not read again
    record = StockRecord.objects.get(product__title="Bánh pía Tân Lộc")
    record.price += 1000
    record.save()
    assert shown(client.get(url)) == ["Bánh tráng Thuận Hưng"]
    assert len(read) == 1

    # When a product's words change: the matches are read again, and it is found
    product = Product.objects.get(title="Khô cá lóc")
    product.title = "Bánh tráng nướng"
    product.save()
    assert shown(client.get(url)) == ["Bánh tráng Thuận Hưng", "Bánh tráng nướng"]
    assert len(read) == 2


def shown(response):
    return [p.title for p in response.context["products"]]
