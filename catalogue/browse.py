"""Browsing the catalogue on the plain ORM: filters, facet counts, sorting, pages.

Oscar browses through haystack, which gives facets only on Solr/Elasticsearch; this
module gives the same on SQLite and PostgreSQL with no search server.

A browsing state (``BrowseState``) is read from a URL and written back to one, so every
state is a shareable link and the two round-trip. Facet counts follow the usual rule:
the counts of a facet are computed with every *other* active filter applied. Today's
listings read one narrow row per product (``ProductFacets``, kept by
``catalogue.facets``): every count in one query, the page's ids from one index. Another
day's, or today's before the midnight refresh of ratings, go through the joins below.
The number of queries never depends on the size of the catalogue or of the page.

Every filter is an uncorrelated ``pk IN (SELECT …)``: PostgreSQL hashes such a subquery
once per query instead of running it per product, and SQLite builds a temporary index
for it. Today's stars are a column of the product (``catalogue.ratings``); another
day's are such tests on the certificates (``stars_expression``).
"""

import functools
import hashlib
from dataclasses import dataclass, field, replace
from decimal import Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

import params
import places
from pagecache import tags as page_tags
from pagecache.fragments import kept_index
from partner.choices import ProducerKind

from . import facet_index, search
from .certification import CERTIFIED_MIN_STARS
from .ratings import is_stored_day

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
OcopCertificate = get_model("catalogue", "OcopCertificate")
StockRecord = get_model("partner", "StockRecord")

CERTIFIED = "certified"
STAR_VALUES = ("5", "4", "3", CERTIFIED)
# Cap on how many values of one facet a URL may select; more is ignored.
MAX_VALUES = 20
# Query text beyond this is refused rather than cut.
MAX_QUERY_TEXT = 2000
# Page numbers beyond this are ignored (page 1 shows, with a notice).
MAX_PAGE = 9_999_999


@dataclass(frozen=True)
class PriceBand:
    key: str
    low: int | None
    high: int | None

    @property
    def label(self):
        # Written with the shop's one money format (Oscar's currency filter, configured
        # by OSCAR_CURRENCY_FORMAT), so the filter reads like the prices beside it.
        if self.low is None:
            return _("Dưới %(high)s") % {"high": currency(self.high)}
        if self.high is None:
            return _("Từ %(low)s") % {"low": currency(self.low)}
        return _("%(low)s – %(high)s") % {"low": currency(self.low), "high": currency(self.high)}

    def q(self, prefix=""):
        condition = Q()
        if self.low is not None:
            condition &= Q(**{f"{prefix}price__gte": Decimal(self.low)})
        if self.high is not None:
            condition &= Q(**{f"{prefix}price__lt": Decimal(self.high)})
        return condition


# Bands that suit local prices: most specialities sell for 50 000–200 000 ₫.
PRICE_BANDS = (
    PriceBand("0-50k", None, 50_000),
    PriceBand("50-100k", 50_000, 100_000),
    PriceBand("100-200k", 100_000, 200_000),
    PriceBand("200-500k", 200_000, 500_000),
    PriceBand("500k-", 500_000, None),
)
PRICE_BANDS_BY_KEY = {band.key: band for band in PRICE_BANDS}

RECOMMENDED = "recommended"
RELEVANCE = "relevance"
SORTS = {
    RELEVANCE: _("Phù hợp nhất"),
    RECOMMENDED: _("Gợi ý: nhiều sao trước"),
    "bestselling": _("Bán chạy"),
    "newest": _("Mới nhất"),
    "price-asc": _("Giá tăng dần"),
    "price-desc": _("Giá giảm dần"),
}


def _clean_values(query, name, allowed, order=None):
    """Keep the allowed values, once each, in a canonical order; report the rest."""
    kept = params.choices(query, name, allowed, limit=MAX_VALUES)
    if order is not None:
        kept.sort(key=order.index)
    else:
        kept.sort()
    dropped = params.count(query, name) != len(kept)
    return tuple(kept), dropped


@dataclass(frozen=True)
class BrowseState:
    """What a shopper asked for: words, filters, sort order and page."""

    q: str = ""
    stars: tuple = ()
    group: str = ""
    commune: tuple = ()
    kind: tuple = ()
    price: tuple = ()
    sort: str = ""
    page: int = 1
    # Set when the URL held values that were ignored; not part of the state itself.
    ignored: bool = field(default=False, compare=False)

    FACETS = ("stars", "group", "commune", "kind", "price")

    @property
    def default_sort(self):
        return RELEVANCE if self.words else RECOMMENDED

    @property
    def effective_sort(self):
        return self.sort or self.default_sort

    @property
    def words(self):
        return search.tokens(self.q)

    def params(self, include_group=True):
        """The state as query-string pairs, defaults left out, in a fixed order."""
        pairs = []
        if self.q:
            pairs.append(("q", self.q))
        pairs += [("stars", v) for v in self.stars]
        if self.group and include_group:
            pairs.append(("group", self.group))
        pairs += [("commune", v) for v in self.commune]
        pairs += [("kind", v) for v in self.kind]
        pairs += [("price", v) for v in self.price]
        if self.sort and self.sort != self.default_sort:
            pairs.append(("sort", self.sort))
        if self.page > 1:
            pairs.append(("page", str(self.page)))
        return pairs

    def toggle(self, facet, value):
        """The state with one facet value switched on or off, back on page 1."""
        if facet == "group":
            return replace(self, group="" if self.group == value else value, page=1)
        values = getattr(self, facet)
        values = tuple(v for v in values if v != value) if value in values else values + (value,)
        order = list(STAR_VALUES) if facet == "stars" else None
        if facet == "price":
            order = list(PRICE_BANDS_BY_KEY)
        values = tuple(sorted(values, key=order.index) if order else sorted(values))
        return replace(self, **{facet: values}, page=1)

    def cleared(self, *facets):
        facets = facets or self.FACETS
        return replace(self, **{f: "" if f == "group" else () for f in facets}, page=1)

    def with_sort(self, sort):
        return replace(self, sort=sort, page=1)

    def with_page(self, page):
        return replace(self, page=page)


def _browsable_groups():
    return list(Category.objects.browsable().order_by("path"))


class Catalogue:
    """The browsable groups and the lookups that turn URLs into states and back.

    Built once per request from the groups each process keeps (``kept_index``), read
    again when the catalogue's version moves (a group saved or deleted touches it).
    """

    def __init__(self):
        self.categories = kept_index("browse-groups", (page_tags.CATALOGUE,), _browsable_groups)
        self.by_key = {group_key(c): c for c in self.categories}
        self.by_path = {c.path: c for c in self.categories}
        self._full_slugs = {}
        self._matches = {}
        # A listing links ~150 states: each path is reversed once per request.
        self._paths = {}
        for category in self.categories:
            parent = self.by_path.get(category.path[: -category.steplen])
            prefix = self._full_slugs.get(parent.path) if parent else None
            self._full_slugs[category.path] = (
                f"{prefix}{Category._slug_separator}{category.slug}" if prefix else category.slug
            )

    def matching_ids(self, words):
        """The ids of ``matching_ranks``, or None."""
        ranks = self.matching_ranks(words)
        return None if ranks is None else list(ranks)

    def matching_ranks(self, words):
        """{id: relevance rank} of the matches, or None; read once per catalogue (one
        request) and words: from the process's words (``facet_index.search_ranks``)
        where the browsing rows answer, else from the database
        (``search.matching_ranks``), kept with the listings' cache."""
        words = tuple(words)
        if words not in self._matches and facet_index.answers() and rows_answer():
            # From this process's memory, quicker than the cache: the offered products
            # of the browsing rows, so only where those answer (today, committed).
            self._matches[words] = facet_index.search_ranks(
                words, search.MAX_MATCH_IDS, keep=bool(cache_seconds())
            )
        if words not in self._matches:
            # Kept while no product's words change: not with every price or stock.
            ranks = cached_for_day(
                "ranks|" + " ".join(words),
                today(),
                lambda: search.matching_ranks(words, connection),
                tag=page_tags.SEARCH,
            )
            self._matches[words] = None if ranks is None else dict(ranks)
        return self._matches[words]

    def category_url(self, category):
        # Built from the categories already in memory: Oscar's get_absolute_url reads
        # each ancestor from the cache or the database.
        if category.path not in self._paths:
            self._paths[category.path] = reverse(
                "catalogue:category",
                kwargs={"category_slug": self._full_slugs[category.path], "pk": category.pk},
            )
        return self._paths[category.path]

    def _path(self, name):
        if name not in self._paths:
            self._paths[name] = reverse(name)
        return self._paths[name]

    def parse(self, query, category=None):
        """A state from a QueryDict (``request.GET``); a category page fixes the group."""
        ignored = False

        # A pasted sentence longer than a query keeps is cut (clean_query), not refused.
        q = search.clean_query(params.text(query, "q", max_length=MAX_QUERY_TEXT))
        stars, dropped = _clean_values(query, "stars", STAR_VALUES, list(STAR_VALUES))
        ignored |= dropped
        communes, dropped = _clean_values(query, "commune", _cantho_codes())
        ignored |= dropped
        kinds, dropped = _clean_values(query, "kind", set(ProducerKind.values))
        ignored |= dropped
        prices, dropped = _clean_values(
            query, "price", PRICE_BANDS_BY_KEY, list(PRICE_BANDS_BY_KEY)
        )
        ignored |= dropped

        group = ""
        if category is not None:
            group = group_key(category)
        else:
            group = params.choice(query, "group", self.by_key)
            ignored |= params.count(query, "group") > (1 if group else 0)

        sort = params.choice(query, "sort", SORTS)
        # An empty sort (the form's default option) is no filter to report.
        ignored |= bool(
            not sort and params.present(query, "sort") and params.text(query, "sort", None) != ""
        )
        if sort == RELEVANCE and not search.tokens(q):
            ignored |= bool(sort)
            sort = ""
        state = BrowseState(
            q=q, stars=stars, group=group, commune=communes, kind=kinds, price=prices, sort=sort
        )
        if sort == state.default_sort:
            state = replace(state, sort="")

        page = params.integer(query, "page", minimum=1, maximum=MAX_PAGE)
        if page is None:
            ignored |= params.present(query, "page")
            page = 1
        return replace(state, page=page, ignored=ignored)

    def url(self, state):
        """The one URL of a state: the search page when there are words, the group's
        category page when a group is chosen, the catalogue index otherwise."""
        if state.q:
            path, pairs = self._path("search:search"), state.params()
        elif state.group and state.group in self.by_key:
            path = self.category_url(self.by_key[state.group])
            pairs = state.params(include_group=False)
        else:
            path, pairs = self._path("catalogue:index"), state.params()
        return f"{path}?{urlencode(pairs)}" if pairs else path

    def group(self, state):
        return self.by_key.get(state.group)


def group_key(category):
    """How a group appears in URLs: its OCOP code ("1", "1.3") when it has one."""
    return category.code or f"id-{category.pk}"


def _ward_sort_key(ward):
    # "Phường Cái Răng" and "Xã Phong Điền" sort by their names, not by "Phường"/"Xã".
    name = search.fold(ward[1])
    for prefix in ("phuong ", "xa ", "dac khu "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


@functools.cache
def _wards_by_name():
    return sorted(places.wards(), key=_ward_sort_key)


def _cantho_codes():
    return {code for code, _name in places.wards()}


# Every query parameter a listing reads (BrowseState.params).
PARAMETERS = frozenset({"q", "stars", "group", "commune", "kind", "price", "sort", "page"})


# Querying


def certified_product_ids(stars=None, on=None):
    certificates = OcopCertificate.objects.certified(on)
    if stars is not None:
        certificates = certificates.filter(stars=stars)
    return certificates.values("product_id")


def stars_expression(on=None):
    """The current stars of each product (None when not certified): today's stored
    column, or for another day hashed tests on the certificates."""
    if is_stored_day(on):
        return F("rating_stars")
    return Case(
        *[
            When(pk__in=certified_product_ids(stars, on), then=Value(stars))
            for stars in range(5, CERTIFIED_MIN_STARS - 1, -1)
        ],
        default=None,
        output_field=IntegerField(),
    )


def price_expression():
    """The product's price: that of its stock record (one producer per product here;
    the lowest should there be several)."""
    return Subquery(
        StockRecord.objects.filter(product=OuterRef("pk")).order_by("price").values("price")[:1]
    )


def offered_products():
    """Public, canonical products that a producer actually offers."""
    return Product.objects.browsable().filter(pk__in=StockRecord.objects.values("product_id"))


def _stockrecords(condition):
    return Q(pk__in=StockRecord.objects.filter(condition).values("product_id"))


def facet_condition(state, facet, catalogue, on=None):
    """The filter one facet of a state applies, or None when it is not active."""
    if facet == "stars" and state.stars:
        if is_stored_day(on):
            if CERTIFIED in state.stars:
                return Q(rating_stars__isnull=False)
            return Q(rating_stars__in=sorted(int(s) for s in state.stars))
        if CERTIFIED in state.stars:
            return Q(pk__in=certified_product_ids(on=on))
        # A product is rated s when it holds a certificate of s stars in force and none
        # higher: semi-joins PostgreSQL can drive from the (few) certificates.
        condition = Q()
        for stars in sorted(int(s) for s in state.stars):
            rated = Q(pk__in=certified_product_ids(stars, on))
            if stars < 5:
                rated &= ~Q(
                    pk__in=OcopCertificate.objects.certified(on)
                    .filter(stars__gt=stars)
                    .values("product_id")
                )
            condition |= rated
        return condition
    if facet == "group" and state.group:
        category = catalogue.group(state)
        if category is None:
            return None
        return Q(
            pk__in=ProductCategory.objects.filter(category__path__startswith=category.path).values(
                "product_id"
            )
        )
    if facet == "commune" and state.commune:
        return _stockrecords(Q(partner__commune_code__in=state.commune))
    if facet == "kind" and state.kind:
        return _stockrecords(Q(partner__kind__in=state.kind))
    if facet == "price" and state.price:
        bands = Q()
        for key in state.price:
            bands |= PRICE_BANDS_BY_KEY[key].q()
        return _stockrecords(bands)
    return None


def _among(field, ids):
    """``field`` is one of ``ids`` (a search's matches, up to ``search.MAX_MATCH_IDS``)."""
    if connection.vendor == "postgresql":
        # One array parameter rather than thousands: each query of the page would
        # otherwise spend more time writing and parsing the list than running.
        return Q(**{f"{field}__in": RawSQL("SELECT unnest(%s::integer[])", (ids,))})
    # SQLite takes up to 32 766 parameters (since 3.32; Debian 12 has 3.40).
    return Q(**{f"{field}__in": ids})


def filtered(state, catalogue, exclude=None, on=None, offered=True):
    """The products of a state, leaving out one facet's own filter when asked.

    ``offered=False`` skips the "has a stock record" test, for queries that start from
    the stock records anyway.
    """
    products = offered_products() if offered else Product.objects.browsable()
    queryset = products.annotate(ocop_stars=stars_expression(on))
    words = state.words
    if words:
        ids = catalogue.matching_ids(words)
        if ids is None:
            queryset = queryset.filter(search.search_filter(words))
        else:
            queryset = queryset.filter(_among("pk", ids))
    for facet in BrowseState.FACETS:
        if facet == exclude:
            continue
        condition = facet_condition(state, facet, catalogue, on)
        if condition is not None:
            queryset = queryset.filter(condition)
    return queryset


def order_by(state):
    sort = state.effective_sort
    stars_first = F("ocop_stars").desc(nulls_last=True)
    if sort == RELEVANCE:
        return ["search_rank", stars_first, "-num_purchases", "-pk"]
    if sort == "price-asc":
        return ["price", "-pk"]
    if sort == "price-desc":
        return [F("price").desc(nulls_last=True), "-pk"]
    if sort == "newest":
        return ["-date_created", "-pk"]
    if sort == "bestselling":
        return ["-num_purchases", stars_first, "-pk"]
    return [stars_first, "-num_purchases", "-pk"]


def sorted_ids(queryset, state, catalogue=None, on=None):
    """The product ids of a state in its order (a queryset or list to slice): read
    from the browsing rows when they answer for the day (``rows_answer``), else ordered
    from ``queryset`` (``filtered(state, catalogue, on=on)`` when None)."""
    if catalogue is not None and rows_answer(on):
        return row_sorted_ids(state, catalogue)
    if queryset is None:
        queryset = filtered(state, catalogue, on=on)
    sort = state.effective_sort
    queryset = queryset.annotate(num_purchases=Coalesce(F("stats__num_purchases"), 0))
    if sort.startswith("price"):
        queryset = queryset.annotate(price=price_expression())
    if sort == RELEVANCE:
        queryset = queryset.annotate(search_rank=search.relevance(state.words))
    return queryset.order_by(*order_by(state)).values_list("pk", flat=True)


def for_cards(products, on=None):
    """``products`` with everything a product card reads, fetched in three queries
    (products, their images, their stock records with producers) whatever their number."""
    ProductOption = get_model("catalogue", "Option")
    return (
        products.with_rating(on)
        .select_related("product_class")
        # Read by Product.has_options, as in Oscar's base_queryset, without its
        # prefetches of children and options that a card never shows.
        .annotate(
            has_product_class_options=Exists(
                ProductOption.objects.filter(productclass=OuterRef("product_class"))
            ),
            has_product_options=Exists(ProductOption.objects.filter(product=OuterRef("pk"))),
        )
        .prefetch_related(
            "images",
            Prefetch(
                "stockrecords",
                queryset=StockRecord.objects.select_related("partner").order_by("price"),
            ),
        )
    )


def products_for_listing(ids):
    """The products to draw on a page, in the order of ``ids``: fetched only if a card
    is not in the cache (``pagecache.fragments``)."""
    from pagecache.fragments import Products

    def load(ids):
        return {p.pk: p for p in for_cards(Product.objects.filter(pk__in=ids))}

    return Products(ids, load).cards(ids)


# Facets


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    url: str
    children: list = field(default_factory=list)
    # A group's subgroups are shown once the shopper is inside it.
    expanded: bool = False


@dataclass
class Facet:
    name: str
    title: str
    options: list


def star_counts(state, catalogue, on=None):
    """Products per current star level, and the number of products the state lists.

    The listing's own total falls out of the same GROUP BY: without a stars filter it
    is every row; with one, the rows of the chosen levels.
    """
    rows = (
        filtered(state, catalogue, exclude="stars", on=on)
        .values("ocop_stars")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return star_totals({row["ocop_stars"]: row["n"] for row in rows}, state)


def star_totals(counts, state):
    """({star value: products}, the listing's total) from {stars or None: products}
    counted without the state's stars filter."""
    by_value = {str(s): counts.get(s, 0) for s in (5, 4, 3)}
    by_value[CERTIFIED] = sum(by_value.values())
    if not state.stars:
        total = sum(counts.values())
    elif CERTIFIED in state.stars:
        total = by_value[CERTIFIED]
    else:
        total = sum(by_value[s] for s in state.stars)
    return by_value, total


def group_counts(state, catalogue, on=None):
    """Products per category and per top-level group (a group counts its subgroups'
    products once each)."""
    links = ProductCategory.objects.filter(
        product__in=filtered(state, catalogue, exclude="group", on=on).values("pk")
    )
    counts = {
        row["category_id"]: row["n"]
        for row in links.values("category_id")
        .annotate(n=Count("product_id", distinct=True))
        .order_by()
    }
    root_counts = {
        row["root"]: row["n"]
        for row in links.annotate(root=Substr("category__path", 1, Category.steplen))
        .values("root")
        .annotate(n=Count("product_id", distinct=True))
        .order_by()
    }
    by_key = {}
    for category in catalogue.categories:
        if category.depth == 1:
            by_key[group_key(category)] = root_counts.get(category.path, 0)
        else:
            by_key[group_key(category)] = counts.get(category.pk, 0)
    return by_key


def stockrecord_counts(state, catalogue, facet, expression, on=None):
    products = filtered(state, catalogue, exclude=facet, on=on, offered=False).values("pk")
    rows = (
        StockRecord.objects.filter(product__in=products)
        .annotate(value=expression)
        .values("value")
        .annotate(n=Count("product_id", distinct=True))
        .order_by()
    )
    return {row["value"]: row["n"] for row in rows}


def price_band_expression():
    return Case(
        *[When(band.q(), then=Value(band.key)) for band in PRICE_BANDS],
        default=None,
        output_field=CharField(),
    )


def facet_counts(state, catalogue, on=None):
    """The counts of every facet and the listing's total, as plain data (no URLs, no
    labels), so it can be cached (see ``cached``). When the browsing rows answer for the
    day: from their bitmaps (``catalogue.facet_index``), or in one query inside a
    transaction; else by joins (``joined_facet_counts``)."""
    if rows_answer(on):
        if facet_index.answers():
            ids = catalogue.matching_ids(state.words) if state.words else None
            if ids is not None or not state.words:
                return facet_index.facet_counts(state, catalogue, ids)
        return row_facet_counts(state, catalogue)
    return joined_facet_counts(state, catalogue, on)


def joined_facet_counts(state, catalogue, on=None):
    """The counts read through products, stock records, producers and groups: six
    GROUP BY queries. Any day; the rule the browsing rows must agree with."""
    stars, total = star_counts(state, catalogue, on)
    return {
        "total": total,
        "stars": stars,
        "group": group_counts(state, catalogue, on),
        "commune": stockrecord_counts(state, catalogue, "commune", F("partner__commune_code"), on),
        "kind": stockrecord_counts(state, catalogue, "kind", F("partner__kind"), on),
        "price": stockrecord_counts(state, catalogue, "price", price_band_expression(), on),
    }


# Browsing rows: one narrow row per product (``ProductFacets``, kept by
# ``catalogue.facets``) holds everything the filters and counts read, so a listing is
# one pass over small rows whatever joins the catalogue is made of.

ROW_COLUMNS = {
    # facet: (column grouped on, whether it holds a "|a|b|" key)
    "stars": ("stars", False),
    "group": ("category_paths", True),
    "commune": ("communes", True),
    "kind": ("kinds", True),
    "price": ("price_bands", True),
}


def rows_answer(on=None):
    """Whether the browsing rows answer for ``on``: they hold today's state once the
    stored ratings do (``catalogue.ratings.is_stored_day``)."""
    return is_stored_day(on)


def _one_of(column, values):
    condition = Q()
    for value in values:
        condition |= Q(**{f"{column}__contains": f"|{value}|"})
    return condition


def row_condition(state, facet, catalogue):
    """The filter one facet of a state applies to the browsing rows, or None."""
    if facet == "stars" and state.stars:
        if CERTIFIED in state.stars:
            return Q(stars__isnull=False)
        return Q(stars__in=sorted(int(s) for s in state.stars))
    if facet == "group" and state.group:
        category = catalogue.group(state)
        if category is None:
            return None
        # Every path in the key follows a bar: "|<path>" starts one of the product's
        # own categories' paths, as ``category__path__startswith`` does.
        return Q(category_paths__contains=f"|{category.path}")
    if facet == "commune" and state.commune:
        return _one_of("communes", state.commune)
    if facet == "kind" and state.kind:
        return _one_of("kinds", state.kind)
    if facet == "price" and state.price:
        return _one_of("price_bands", state.price)
    return None


def _rows_base(state, catalogue):
    condition = Q(offered=True)
    words = state.words
    if words:
        ids = catalogue.matching_ids(words)
        if ids is None:
            condition &= Q(
                product__in=Product.objects.filter(search.search_filter(words)).values("pk")
            )
        else:
            condition &= _among("product", ids)
    return condition


def _rows():
    return get_model("catalogue", "ProductFacets").objects.all()


def filtered_rows(state, catalogue):
    """The browsing rows of the products a state lists."""
    rows = _rows().filter(_rows_base(state, catalogue))
    for facet in BrowseState.FACETS:
        condition = row_condition(state, facet, catalogue)
        if condition is not None:
            rows = rows.filter(condition)
    return rows


def _sql(condition):
    """A condition on the browsing rows as SQL and parameters."""
    rows = _rows().filter(condition)
    compiler = rows.query.get_compiler(using=rows.db)
    return rows.query.where.as_sql(compiler, compiler.connection)


def row_facet_counts(state, catalogue):
    """``joined_facet_counts`` from the browsing rows, in one query: per facet, the
    rows that pass every *other* filter, grouped by the facet's column (a UNION ALL of
    GROUP BYs; PostgreSQL reads the table once for all of them with GROUPING SETS)."""
    table = connection.ops.quote_name(_rows().model._meta.db_table)
    base_sql, base_params = _sql(_rows_base(state, catalogue))
    conditions = {f: row_condition(state, f, catalogue) for f in BrowseState.FACETS}
    matches, match_params = {}, {}
    for facet, condition in conditions.items():
        if condition is not None:
            matches[facet], match_params[facet] = _sql(condition)

    def others(facet):
        parts = [(matches[f], match_params[f]) for f in matches if f != facet]
        sql = " AND ".join(f"({part})" for part, _params in parts) or "1=1"
        return sql, [p for _part, params in parts for p in params]

    columns = {f: connection.ops.quote_name(column) for f, (column, _k) in ROW_COLUMNS.items()}
    params = []
    if connection.vendor == "postgresql":
        # One pass: each facet's value is NULL on rows that miss another filter, and
        # those NULLs are dropped below (a product with no value stores "" or 0).
        selects = []
        for index, facet in enumerate(BrowseState.FACETS):
            sql, facet_params = others(facet)
            value = f"COALESCE({columns[facet]}, 0)" if facet == "stars" else columns[facet]
            # Aliases unlike any column: GROUP BY reads a column's name as the column.
            selects.append(f"CASE WHEN {sql} THEN {value} END AS facet_{index}")
            params += facet_params
        where = f"({base_sql})"
        params += base_params
        if len(matches) > 1:
            # A row that misses two filters counts in no facet.
            misses = " + ".join(f"(CASE WHEN ({m}) THEN 0 ELSE 1 END)" for m in matches.values())
            where += f" AND {misses} <= 1"
            params += [p for f in matches for p in match_params[f]]
        sets = ", ".join(f"(facet_{i})" for i in range(len(BrowseState.FACETS)))
        sql = (
            f"SELECT {', '.join(selects)}, COUNT(*) FROM {table} WHERE {where} "
            f"GROUP BY GROUPING SETS ({sets})"
        )
        found = []
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for row in cursor.fetchall():
                *values, n = row
                for facet, value in zip(BrowseState.FACETS, values, strict=True):
                    if value is not None:
                        found.append((facet, value, n))
    else:
        parts = []
        for index, facet in enumerate(BrowseState.FACETS):
            sql, facet_params = others(facet)
            value = f"COALESCE({columns[facet]}, 0)" if facet == "stars" else columns[facet]
            parts.append(
                f"SELECT {index}, {value}, COUNT(*) FROM {table} "
                f"WHERE ({base_sql}) AND ({sql}) GROUP BY {value}"
            )
            params += base_params + facet_params
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            found = [(BrowseState.FACETS[i], value, n) for i, value, n in cursor.fetchall()]
    return _counts_from_rows(found, state, catalogue)


def _counts_from_rows(found, state, catalogue):
    """Facet counts from (facet, stored value, rows) triples."""
    from .facets import split

    stars_rows = {}
    values = {"group": {}, "root": {}, "commune": {}, "kind": {}, "price": {}}
    for facet, value, n in found:
        if facet == "stars":
            stars_rows[int(value) or None] = n
        elif facet == "group":
            # A product counts once in each of its categories and once in each of
            # their roots.
            paths = split(value)
            for path in paths:
                values["group"][path] = values["group"].get(path, 0) + n
            for root in {path[: Category.steplen] for path in paths}:
                values["root"][root] = values["root"].get(root, 0) + n
        else:
            for one in split(value):
                values[facet][one] = values[facet].get(one, 0) + n
    return counts_from_values(stars_rows, values, state, catalogue)


def counts_from_values(stars_rows, values, state, catalogue):
    """Facet counts from {stars or None: products} and, per facet, {value: products}
    ("group": a category's own products by path, "root": a root group's by its path)."""
    by_value, total = star_totals(stars_rows, state)
    groups = {}
    for category in catalogue.categories:
        source = values["root"] if category.depth == 1 else values["group"]
        groups[group_key(category)] = source.get(category.path, 0)
    return {
        "total": total,
        "stars": by_value,
        "group": groups,
        "commune": values["commune"],
        "kind": values["kind"],
        "price": values["price"],
    }


class LazyIds:
    """Ids computed on first use, sliced lazily as a queryset is: the listing slices
    its page before it looks for the page in its cache."""

    def __init__(self, compute, window=None):
        self._compute = compute
        self._window = window
        self._ids = None

    def _all(self):
        if self._ids is None:
            self._ids = self._compute()
            if self._window is not None:
                self._ids = self._ids[self._window]
        return self._ids

    def __getitem__(self, index):
        if isinstance(index, slice) and self._ids is None:
            return LazyIds(self._all, index)
        return self._all()[index]

    def __iter__(self):
        return iter(self._all())

    def __len__(self):
        return len(self._all())


def row_sorted_ids(state, catalogue):
    """``sorted_ids`` from the browsing rows."""
    rows = filtered_rows(state, catalogue)
    sort = state.effective_sort
    stars_first = F("stars").desc(nulls_last=True)
    ranks = catalogue.matching_ranks(state.words) if sort == RELEVANCE else None
    if ranks is not None and facet_index.answers():
        return LazyIds(lambda: facet_index.sorted_matches(state, catalogue, ranks))
    if ranks is not None:
        # The ranks came with the matches: sort the few matching rows here rather than
        # visit every matching product again for its title.
        def ordered():
            found = rows.values_list("product_id", "stars", "purchases")
            return [
                product_id
                for product_id, _stars, _purchases in sorted(
                    found,
                    key=lambda r: (ranks[r[0]], r[1] is None, -(r[1] or 0), -r[2], -r[0]),
                )
            ]

        return LazyIds(ordered)
    if sort == RELEVANCE:
        rows = rows.annotate(search_rank=search.relevance(state.words, prefix="product__"))
        ordering = ["search_rank", stars_first, "-purchases", "-product_id"]
    elif sort == "price-asc":
        ordering = ["price", "-product_id"]
    elif sort == "price-desc":
        ordering = [F("price").desc(nulls_last=True), "-product_id"]
    elif sort == "newest":
        ordering = ["-product__date_created", "-product_id"]
    elif sort == "bestselling":
        ordering = ["-purchases", stars_first, "-product_id"]
    else:
        ordering = [stars_first, "-purchases", "-product_id"]
    ordered = rows.order_by(*ordering).values_list("product_id", flat=True)
    if sort in (RECOMMENDED, "bestselling") and facet_index.answers():

        def from_memory():
            ids = facet_index.sorted_listing(state, catalogue)
            return ordered if ids is None else ids

        return LazyIds(from_memory)
    return ordered


def build_facets(state, catalogue, counts):
    """Every facet with its options, counts and links."""
    url = catalogue.url

    stars = counts["stars"]
    star_labels = {
        CERTIFIED: _("Tất cả sản phẩm OCOP (3–5 sao)"),
        "5": _("5 sao – quốc gia"),
        "4": _("4 sao"),
        "3": _("3 sao"),
    }
    star_options = [
        Option(v, star_labels[v], stars[v], v in state.stars, url(state.toggle("stars", v)))
        for v in (CERTIFIED, "5", "4", "3")
    ]

    groups = counts["group"]
    selected = catalogue.group(state)
    group_options, roots = [], {}
    for category in catalogue.categories:
        key = group_key(category)
        option = Option(
            key,
            category.display_name,
            groups.get(key, 0),
            key == state.group,
            url(state.toggle("group", key)),
        )
        if category.depth == 1:
            roots[category.path] = option
            group_options.append(option)
        elif (root := roots.get(category.path[: Category.steplen])) is not None:
            root.children.append(option)
    for option in group_options:
        option.expanded = selected is not None and (
            option.value == state.group or any(c.selected for c in option.children)
        )

    communes = counts["commune"]
    commune_options = [
        Option(
            code,
            name,
            communes.get(code, 0),
            code in state.commune,
            url(state.toggle("commune", code)),
        )
        for code, name in _wards_by_name()
        if communes.get(code) or code in state.commune
    ]

    kinds = counts["kind"]
    kind_options = [
        Option(
            value, label, kinds.get(value, 0), value in state.kind, url(state.toggle("kind", value))
        )
        for value, label in ProducerKind.choices
    ]

    prices = counts["price"]
    price_options = [
        Option(
            band.key,
            band.label,
            prices.get(band.key, 0),
            band.key in state.price,
            url(state.toggle("price", band.key)),
        )
        for band in PRICE_BANDS
    ]

    return [
        Facet("stars", _("Hạng sao OCOP"), star_options),
        Facet("group", _("Nhóm sản phẩm"), group_options),
        Facet("commune", _("Xã, phường"), commune_options),
        Facet("kind", _("Loại hình chủ thể"), kind_options),
        Facet("price", _("Khoảng giá"), price_options),
    ]


def today():
    return timezone.localdate()


# Caching: facet counts and pages of a large catalogue cost a scan each, and the same
# few states (the listing, each group, 5★) are asked for again and again. Results are
# kept for OCOP_BROWSE_CACHE_SECONDS under a key holding the day (stars change at
# midnight) and the catalogue's version: the last change of the page cache's
# ``catalogue`` tag, which any change to a product, stock record, producer, group or
# certificate touches (catalogue.browse_cache). A search's matches depend on the
# products' words alone: they are kept by the ``search`` tag's version instead.


def cache_seconds():
    return settings.OCOP_BROWSE_CACHE_SECONDS


def bump_version():
    page_tags.touch(page_tags.CATALOGUE)


_MISSING = object()


def cached_for_day(name, on, compute, tag=page_tags.CATALOGUE):
    """``compute()``'s result for ``name`` on day ``on`` and this version of ``tag``
    (the catalogue's, unless what is computed depends on less)."""
    seconds = cache_seconds()
    if not seconds:
        return compute()
    digest = hashlib.sha1(name.encode()).hexdigest()
    key = f"catalogue:browse:{tag}:{page_tags.version(tag)}:{on.isoformat()}:{digest}"
    # None is an answer too (a search no index can serve: ``search.matching_ranks``).
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, seconds)
    return value


def cached(kind, state, on, compute, *extra):
    """``compute()``'s result for this state, day and catalogue version."""
    filters = urlencode([(k, v) for k, v in state.params() if k not in ("sort", "page")])
    return cached_for_day("|".join([kind, filters, *map(str, extra)]), on, compute)
