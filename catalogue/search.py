"""Product search that forgives missing diacritics, on any database.

Buyers often type Vietnamese without its marks ("banh trang thuan hung"). Neither
SQLite's nor PostgreSQL's text search folds those marks without an extension, so each
product keeps two folded copies of its words, refreshed whenever the product, its
stock record, its producer or its groups change:

- ``search_title``: the title, then its English, folded;
- ``search_text``: the titles and descriptions (Vietnamese and English), producers
  (name and commune) and groups (Vietnamese and English names), folded, with a space
  at each end so a whole word can be matched as " word ".

A query is folded the same way and every word of it must occur in ``search_text``
(``LIKE '%word%'``), or one of its synonyms as a whole word (``catalogue.synonyms``:
"durian" finds "sầu riêng" before its English is written; all of a word's synonyms in
one regular expression, ``' (sau rieng|…) '``).

A listing's search finds its matches in the words each process keeps
(``catalogue.word_index``, kept in step with the products by ``catalogue.facet_index``)
wherever the browsing rows answer (``browse.Catalogue.matching_ranks``). Elsewhere
(inside a transaction, or a word too short for those words) the database reads the
LIKEs: on PostgreSQL a trigram index serves both them and the regular expression
(migration 0035). docs/search.md describes the path to Elasticsearch/OpenSearch.
"""

import re
import unicodedata

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.html import strip_tags
from oscar.core.loading import get_model

import places
from pagecache import tags as page_tags

from . import facet_index, synonyms

# Queries are capped: nobody types more, and each word costs a LIKE.
MAX_QUERY_LENGTH = 100
MAX_TOKENS = 8
SUGGESTION_LIMIT = 8

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold(text):
    """Lowercase, without diacritics, "đ" read as "d": "Chợ nổi Cái Răng" → "cho noi cai rang"."""
    if not text:
        return ""
    text = str(text).lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokens(query):
    """The folded words of a query, capped in length and number; punctuation, quotes
    and emoji are dropped."""
    query = (query or "")[:MAX_QUERY_LENGTH]
    words = words_of(query).split()
    unique = list(dict.fromkeys(words))
    return unique[:MAX_TOKENS]


def clean_query(query):
    """The query as it is shown back to the user: trimmed and capped."""
    return " ".join((query or "")[:MAX_QUERY_LENGTH].split())


def words_of(text):
    """The folded words of a text, joined by single spaces."""
    return " ".join(_WORD.findall(fold(text)))


def stored_text(*parts):
    """The stored form of ``search_text``: folded words with a space at each end."""
    return f" {words_of(' '.join(p for p in parts if p))} "


def _searchable_text(product, categories_by_path):
    parts = [
        product.title,
        product.title_en,
        strip_tags(product.description or ""),
        strip_tags(product.description_en or ""),
    ]
    for record in product.stockrecords.all():
        partner = record.partner
        parts += [partner.name, places.ward_name(partner.commune_code)]
    for category in product.categories.all():
        # A subgroup's product is also found by its group's name.
        for depth in range(1, category.depth + 1):
            ancestor = categories_by_path.get(category.path[: depth * category.steplen])
            if ancestor:
                parts += [ancestor.name, ancestor.name_en]
    return stored_text(*parts)


def refresh_search_text(product_ids, batch_size=500):
    """Recompute the folded copies of these products, a batch at a time."""
    Product = get_model("catalogue", "Product")
    Category = get_model("catalogue", "Category")
    product_ids = list(product_ids)
    if not product_ids:
        return
    categories_by_path = {
        c.path: c for c in Category.objects.only("path", "depth", "name", "name_en")
    }
    for start in range(0, len(product_ids), batch_size):
        products = list(
            Product.objects.filter(pk__in=product_ids[start : start + batch_size])
            .only("pk", "title", "description", "title_en", "description_en")
            .prefetch_related("stockrecords__partner", "categories")
        )
        for product in products:
            product.search_title = words_of(f"{product.title} {product.title_en}")[:255]
            product.search_text = _searchable_text(product, categories_by_path)
        Product.objects.bulk_update(products, ["search_title", "search_text"])
        # Each process's words (``catalogue.word_index``) read these products again.
        facet_index.note_changed([product.pk for product in products])
    # The matches kept for each query (``catalogue.browse``) are read again.
    page_tags.touch(page_tags.SEARCH)


def _term_condition(term, field, prefix=""):
    condition = Q(**{f"{prefix}{field}__contains": term.typed})
    if term.alternatives and field == "search_text":
        # search_text has a space at each end, so an alternative is whole words between
        # two spaces. One regular expression for all of them: PostgreSQL reads the
        # trigram index once for it, where one LIKE each read it once per synonym
        # ("banh trang" has four: 13 ms of its 35).
        either = "|".join(re.escape(alternative) for alternative in term.alternatives)
        return condition | Q(**{f"{prefix}{field}__regex": f" ({either}) "})
    for alternative in term.alternatives:
        # search_title (for ranking) is matched anywhere, as the words typed are.
        condition |= Q(**{f"{prefix}{field}__contains": alternative})
    return condition


def search_filter(words):
    """Every word (or a synonym of it) must occur somewhere in the product's folded text."""
    condition = Q()
    for term in synonyms.expand(words):
        condition &= _term_condition(term, "search_text")
    return condition


# Beyond this many matches a search is filtered by its LIKEs in each query rather than
# by the list of matching ids (``matching_ids``).
MAX_MATCH_IDS = 10_000
# pg_trgm indexes nothing shorter than a trigram: a shorter word is read by a scan.
TRIGRAM = 3


def uses_trigram_index(words, connection):
    """Whether the trigram indexes of migration 0035 can find these words: PostgreSQL,
    and every word (and synonym) at least a trigram long."""
    return connection.vendor == "postgresql" and all(
        len(text) >= TRIGRAM
        for term in synonyms.expand(words)
        for text in (term.typed, *term.alternatives)
    )


def matching_ids(words, connection, limit=MAX_MATCH_IDS):
    """The ids of the products whose text holds every word, read once through the
    trigram index; None when more than ``limit`` match or the index cannot serve.

    A listing's facets and page each filter by the words, and each such filter, joined
    to the others, is planned as a pass over every product's text; on its own, on the
    product table alone, it is read from the trigram index (with the random_page_cost
    of config.settings.base). So the matches are read once and the listing's queries
    filter by their ids.
    """
    ranks = matching_ranks(words, connection, limit)
    return None if ranks is None else [pk for pk, _rank in ranks]


def matching_ranks(words, connection, limit=MAX_MATCH_IDS):
    """``matching_ids`` with each product's ``relevance`` rank: [(id, rank)]. The
    titles come with the matches at no cost, so sorting by relevance needs no second
    visit to the products."""
    if not uses_trigram_index(words, connection):
        return None
    rows = list(matches(words, "search_title")[: limit + 1])
    if len(rows) > limit:
        return None
    rank = ranker(words)
    return [(pk, rank(title)) for pk, title in rows]


def ranker(words):
    """``relevance`` in Python: a function of one folded title. The synonyms are looked
    up once, not for each of the thousands of titles a search may match."""
    phrase = " ".join(words)
    terms = [(term.typed, term.alternatives) for term in synonyms.expand(words)]

    def rank(title):
        if title == phrase:
            return 0
        if title.startswith(phrase):
            return 1
        if all(
            typed in title or any(alternative in title for alternative in alternatives)
            for typed, alternatives in terms
        ):
            return 2
        return 3

    return rank


def matches(words, *fields):
    """The ids (or, with ``fields``, rows of the id and those fields) of the products
    holding every word, in no order: ordered (Oscar orders products by date), the
    limited query walks the date index instead of the trigrams'."""
    Product = get_model("catalogue", "Product")
    products = Product.objects.filter(search_filter(words)).order_by()
    if fields:
        return products.values_list("pk", *fields)
    return products.values_list("pk", flat=True)


def relevance(words, prefix=""):
    """0 for an exact title, 1 for a title starting with the query, 2 for a title
    (Vietnamese or English) holding every word or a synonym, 3 for the rest: lower
    ranks first. ``prefix`` reaches the product from another model ("product__")."""
    phrase = " ".join(words)
    in_title = Q()
    for term in synonyms.expand(words):
        in_title &= _term_condition(term, "search_title", prefix)
    return Case(
        When(**{f"{prefix}search_title": phrase}, then=Value(0)),
        When(**{f"{prefix}search_title__startswith": phrase}, then=Value(1)),
        When(in_title, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )


def search(queryset, query):
    """Filter and annotate ``search_rank``; an empty query matches nothing."""
    words = tokens(query)
    if not words:
        return queryset.none()
    return queryset.filter(search_filter(words)).annotate(search_rank=relevance(words))


def suggestions(queryset, query, limit=SUGGESTION_LIMIT):
    """Up to ``limit`` best-ranked products for the words typed so far."""
    words = tokens(query)
    if not words:
        return []
    return list(
        queryset.filter(search_filter(words))
        .annotate(search_rank=relevance(words))
        .order_by("search_rank", "search_title", "pk")[:limit]
    )
