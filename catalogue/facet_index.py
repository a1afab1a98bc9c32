"""The listing's facet counts from bitmaps held in each process's memory.

Counting every facet of a state in SQL reads every browsing row (``ProductFacets``) that
passes the other filters: one pass over the whole catalogue for the plain listing, about
55 ms at 100 000 products. Here each value of each facet (a star level, a group's path,
a commune, a kind, a price band) is a bitmap of the offered products that have it, a
Python int with bit ``product_id`` set. A facet's counts are then, per value, the
population count of its bitmap ANDed with the other filters' bitmaps: well under a
millisecond at 100 000 products, as a search server counts facets.

The bitmaps are built from the rows on first use and kept in step with them, as the
search index of a search server is: ``catalogue.facets`` stamps each row it writes
(``changed_at``: on PostgreSQL, its transaction's start) and touches the ``facets`` tag
(``pagecache.tags``) as it commits. A request whose process saw an older version of that
tag reads the rows stamped since its last reading's ``horizon`` (the start of the oldest
transaction then open, so a row written before that reading and committed after it is
read too) and applies them. So does a request a minute after the last reading
(``LOOK_EVERY``): the rows the database itself changes touch no tag. A removed product,
or a change of more than ``REBUILD_ROWS`` rows, touches ``facets:rebuild``, and the
bitmaps are built again; so does a tag the cache forgot. So the counts are those of the
committed rows, exactly as the SQL gives them (tested against it for random states).

The same memory orders a search's matches (``sorted_matches``) by each offered product's
stars and purchases, which the rows hold too (the purchase counter's triggers stamp
them, so a purchase reorders within ``LOOK_EVERY``), where SQL would read thousands of
rows for a common word. The matches themselves come from the offered products' words,
read with the rows (``word_index``; ``search_ranks``): a change to a product's words
stamps its row too (``note_changed``).

Built on a process's first listing, or before a gunicorn worker's first request
(``warm_up``).

Inside a transaction the rows may hold what is not committed (or will be rolled back),
which must never reach a process-wide index: there the listing counts in SQL.
"""

import logging
import threading
import time
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone
from oscar.core.loading import get_model

from pagecache import tags

from .word_index import WordIndex, bitmap_of, ids_of

logger = logging.getLogger(__name__)

FACETS_TAG = "facets"
REBUILD_TAG = "facets:rebuild"
# On SQLite, how far back a reading looks before the previous one: longer than a
# transaction takes between writing a row and committing.
OVERLAP = timedelta(minutes=2)
# Rows the database changes itself (a product made private by a bulk UPDATE, migration
# 0041, stamps its row but touches no tag) are read at the latest this much later.
LOOK_EVERY = 60
# Beyond this many changed rows, building anew is cheaper than applying them.
REBUILD_ROWS = 20_000

COLUMNS = ("product_id", "offered", "stars", "category_paths", "communes", "kinds", "price_bands")
# The product's folded words (``catalogue.search``): the search's index (``word_index``).
TEXTS = ("product__search_text", "product__search_title")


def _values(stored):
    # ``facets.split``, quicker: the stored keys are "|a|b|" or "".
    return stored[1:-1].split("|") if stored else ()


# A product's place in the listing's recommended order (``browse.row_sorted_ids``: stars,
# uncertified last, then purchases, then newest) as one int: thousands of them sort
# several times quicker than tuples do. Ids and purchases fit their bits (an id is a
# 32-bit AutoField; purchases beyond 2**40 count as 2**40).
_ID_BITS, _BOUGHT_BITS = 32, 40
_ID_MAX, _BOUGHT_MAX = (1 << _ID_BITS) - 1, (1 << _BOUGHT_BITS) - 1
# A search's relevance rank goes above the place (``sorted_matches``).
RANK_SHIFT = _ID_BITS + _BOUGHT_BITS + 4


def order_key(stars, purchases, pk):
    """The int that sorts an offered product in the recommended order."""
    stars_place = 7 - stars if stars else 15  # 5 stars first, uncertified last
    bought_place = _BOUGHT_MAX - min(purchases, _BOUGHT_MAX)
    return (stars_place << (_ID_BITS + _BOUGHT_BITS)) | (bought_place << _ID_BITS) | (_ID_MAX - pk)


def _id_of(key):
    return _ID_MAX - (key & _ID_MAX)


def row_keys(offered, stars, category_paths, communes, kinds, price_bands, steplen):
    """The (facet, value) bitmaps a browsing row sets: none unless offered. A group
    counts its own paths and, once, each root they are under ("root", path)."""
    if not offered:
        return ()
    paths = _values(category_paths)
    return (
        ("stars", stars or 0),
        *(("group", path) for path in paths),
        *(("root", root) for root in {path[:steplen] for path in paths}),
        *(("commune", value) for value in _values(communes)),
        *(("kind", value) for value in _values(kinds)),
        *(("price", value) for value in _values(price_bands)),
    )


class FacetIndex:
    """Bitmaps of one process; ``current()`` brings them up to date and returns them."""

    def __init__(self):
        self._lock = threading.Lock()
        self.bits = {}  # (facet, value): int
        self._keys = {}  # product id: its keys
        self.purchases = {}  # offered product id: its purchases, when any
        self.order = {}  # offered product id: its order_key
        self.words = WordIndex()  # the offered products' folded texts
        self._versions = None  # {tag: version} read before the last reading
        self._since = None  # rows stamped from then on may be unread
        self._look_by = 0.0  # when to read again even if no tag moved

    def current(self):
        """The bitmaps as the committed rows are now ({(facet, value): int})."""
        versions = tags.versions([FACETS_TAG, REBUILD_TAG])
        if versions == self._versions and time.monotonic() < self._look_by:
            return self.bits
        with self._lock:
            if versions != self._versions or time.monotonic() >= self._look_by:
                rebuild = (
                    self._versions is None or versions[REBUILD_TAG] != self._versions[REBUILD_TAG]
                )
                if rebuild or not self._apply_changes():
                    self._build()
                self._versions = versions
                self._look_by = time.monotonic() + LOOK_EVERY
        return self.bits

    def _rows(self, since=None):
        ProductFacets = get_model("catalogue", "ProductFacets")
        rows = ProductFacets.objects.all()
        if since is not None:
            rows = rows.filter(changed_at__gte=since)
        return rows.values_list(*COLUMNS, "purchases", *TEXTS)

    def _build(self):
        Category = get_model("catalogue", "Category")
        since = horizon()
        rows = list(self._rows().filter(offered=True))
        size = (max((row[0] for row in rows), default=0) >> 3) + 1
        arrays, keys, made, purchases, order, texts = {}, {}, {}, {}, {}, {}
        for pk, *row, bought, text, title in rows:
            texts[pk] = (text, title)
            if bought:
                purchases[pk] = bought
            order[pk] = order_key(row[1], bought, pk)  # row: offered, stars, …
            # Rows alike share their keys (memory, and time: most rows have a twin).
            row = tuple(row)
            found = made.get(row)
            if found is None:
                found = made[row] = row_keys(*row, Category.steplen)
            keys[pk] = found
            byte, bit = pk >> 3, 1 << (pk & 7)
            for key in found:
                array = arrays.get(key)
                if array is None:
                    array = arrays[key] = bytearray(size)
                array[byte] |= bit
        self.bits = {key: int.from_bytes(array, "little") for key, array in arrays.items()}
        self._keys = keys
        self.purchases = purchases
        self.order = order
        self.words = WordIndex(texts)
        self._since = since

    def _apply_changes(self):
        """Apply the rows stamped since the last reading; False if too many changed."""
        Category = get_model("catalogue", "Category")
        since = horizon()
        rows = list(self._rows(self._since)[: REBUILD_ROWS + 1])
        if len(rows) > REBUILD_ROWS:
            return False
        bits = dict(self.bits)
        for pk, *row, bought, text, title in rows:
            new = row_keys(*row, Category.steplen)
            # A search meanwhile finds the product by its old words or its new.
            self.words.update(pk, *((text, title) if new else ()))
            # One key at a time: a search ordering meanwhile may read either count.
            if new and bought:
                self.purchases[pk] = bought
            else:
                self.purchases.pop(pk, None)
            if new:
                self.order[pk] = order_key(row[1], bought, pk)
            else:
                self.order.pop(pk, None)
            old = self._keys.get(pk, ())
            if new == old:
                continue
            mask = 1 << pk
            for key in set(old) - set(new):
                bits[key] &= ~mask
            for key in set(new) - set(old):
                bits[key] = bits.get(key, 0) | mask
            if new:
                self._keys[pk] = new
            else:
                self._keys.pop(pk, None)
        # One assignment: a thread counting meanwhile reads the old bitmaps or the new.
        self.bits = bits
        self._since = since
        return True


def stamp():
    """The time to stamp the rows a transaction writes: on PostgreSQL the transaction's
    start (so a row is never stamped before the ``horizon`` of a reading that could not
    see it); elsewhere the clock."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT transaction_timestamp()")
            return cursor.fetchone()[0]
    return timezone.now()


def horizon():
    """The stamp from which rows may be written that a reading starting now cannot see:
    the start of the oldest transaction still open (or now). On PostgreSQL the server
    knows it (a session left open in a transaction holds it back: readings then read
    more rows, or build anew past ``REBUILD_ROWS``); on SQLite (one machine) the clock
    less ``OVERLAP``."""
    if connection.vendor != "postgresql":
        return timezone.now() - OVERLAP
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT LEAST(statement_timestamp(), MIN(xact_start)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() "
            # Not autovacuum's: it writes no row.
            "AND backend_type = 'client backend'"
        )
        return cursor.fetchone()[0]


_index = FacetIndex()


def warm_up():
    """Build this process's bitmaps and words now (a gunicorn worker does, before it
    takes a request: ``site/gunicorn.conf.py``), rather than on its first listing: 3 s
    at 100 000 products. Returns the seconds it took, or None if the database could
    not be read (the first listing builds them then)."""
    started = time.perf_counter()
    try:
        _index.current()
    except Exception:  # the database or the cache down: start anyway, build later
        logger.exception("The facet bitmaps could not be built at start-up.")
        return None
    finally:
        connection.close()
    return time.perf_counter() - started


def answers():
    """Whether the index may answer here: not inside a transaction (see above)."""
    return not connection.in_atomic_block


def facet_counts(state, catalogue, ids=None):
    """``browse.row_facet_counts`` from the bitmaps; ``ids``: the search's matches."""
    from .browse import BrowseState, counts_from_values

    bits = _index.current()
    matches = _filters(bits, state, catalogue)

    base = None
    if ids is not None:
        base = bitmap_of(ids)

    def others(facet):
        found = base
        for other, bitmap in matches.items():
            if other != facet:
                found = bitmap if found is None else found & bitmap
        return found

    counted = {facet: others(facet) for facet in BrowseState.FACETS}
    counted["root"] = counted["group"]
    values = {facet: {} for facet in ("stars", "group", "root", "commune", "kind", "price")}
    for (facet, value), bitmap in bits.items():
        within = counted[facet]
        n = (bitmap if within is None else bitmap & within).bit_count()
        if n:
            values[facet][value] = n
    stars = {level or None: n for level, n in values.pop("stars").items()}
    return counts_from_values(stars, values, state, catalogue)


def sorted_matches(state, catalogue, ranks):
    """The ids of a search's matches (``ranks``: {id: relevance rank}) that the state
    lists, in the order of ``browse.row_sorted_ids``: relevance, stars (uncertified
    last), purchases, newest first. Read from memory, where the browsing rows would be
    read for every match (thousands, for a common word)."""
    passing = _passing(_index.current(), state, catalogue)
    order = _index.order  # a product no longer offered is gone from it
    if passing is None:  # no filter: every offered product
        found = [
            rank << RANK_SHIFT | place
            for pk, rank in ranks.items()
            if (place := order.get(pk)) is not None
        ]
    else:
        listed = passing.to_bytes((passing.bit_length() >> 3) + 1, "little")
        size = len(listed)
        found = [
            rank << RANK_SHIFT | place
            for pk, rank in ranks.items()
            if (pk >> 3) < size
            and listed[pk >> 3] >> (pk & 7) & 1
            and (place := order.get(pk)) is not None
        ]
    found.sort()
    return [_id_of(key) for key in found]


def search_ranks(words, limit, keep=False):
    """{id: relevance rank} of the offered products holding every word of a query
    (``search.matching_ranks``), from the words this process keeps (``word_index``):
    None when a word is too short to look up there or more than ``limit`` match. With
    ``keep``, the result is kept until a product's words change (not with a price)."""
    from .search import ranker

    _index.current()
    words_index, key = _index.words, (tuple(words), limit)
    kept = words_index.kept  # before the words: a change meanwhile replaces it
    if keep and key in kept:
        return kept[key]
    bits = words_index.matching(words)
    ranks = None
    if bits is not None and bits.bit_count() <= limit:
        rank, titles = ranker(words), words_index.titles
        # A product no longer offered since its bit was read is left out.
        ranks = {pk: rank(titles[pk]) for pk in ids_of(bits) if pk in titles}
    if keep:
        words_index.keep(kept, key, ranks)
    return ranks


# A listing whose filters let through this many products or fewer is ordered here
# (``sorted_listing``); the browsing rows would be read in the whole catalogue's order
# until a page of them is found (4 ms for a group and a commune at 100 000 products).
# More, and that index is quicker than sorting them in Python.
SORTED_IN_MEMORY = 2_000


def sorted_listing(state, catalogue, limit=None):
    """The ids a filtered listing shows, in the order of ``browse.row_sorted_ids`` for
    its sort (stars first, ``browse.RECOMMENDED``, or "bestselling": the two the rows'
    stars and purchases decide), or None when it filters nothing or lets more than
    ``limit`` products through."""
    from .browse import RECOMMENDED

    passing = _passing(_index.current(), state, catalogue)
    limit = SORTED_IN_MEMORY if limit is None else limit
    if passing is None or passing.bit_count() > limit:
        return None
    if state.effective_sort == RECOMMENDED:
        order = _index.order
        found = [place for pk in ids_of(passing) if (place := order.get(pk)) is not None]
        found.sort()
        return [_id_of(key) for key in found]
    # "bestselling": purchases first, then as recommended.
    keys, purchases = _index._keys, _index.purchases
    found = []
    for pk in ids_of(passing):
        its_keys = keys.get(pk)  # gone if a change is being applied meanwhile
        if its_keys:
            stars = its_keys[0][1]  # row_keys puts ("stars", stars or 0) first
            found.append((-purchases.get(pk, 0), stars == 0, -stars, -pk))
    found.sort()
    return [-key[-1] for key in found]


def _passing(bits, state, catalogue):
    """The bitmap of the offered products every filter of the state lets through, or
    None when it filters nothing."""
    passing = None
    for bitmap in _filters(bits, state, catalogue).values():
        passing = bitmap if passing is None else passing & bitmap
    return passing


def _filters(bits, state, catalogue):
    """{facet: bitmap of the offered products its filter lets through}, for each facet
    the state filters by."""
    from .browse import CERTIFIED

    def any_of(facet, values):
        found = 0
        for value in values:
            found |= bits.get((facet, value), 0)
        return found

    matches = {}
    if state.stars:
        levels = (3, 4, 5) if CERTIFIED in state.stars else {int(s) for s in state.stars}
        matches["stars"] = any_of("stars", levels)
    category = catalogue.group(state) if state.group else None
    if category is not None:
        # Its own path and every path below it (``row_condition``'s "|<path>").
        matches["group"] = any_of(
            "group", [v for f, v in bits if f == "group" and v.startswith(category.path)]
        )
    for facet in ("commune", "kind", "price"):
        if getattr(state, facet):
            matches[facet] = any_of(facet, getattr(state, facet))
    return matches


def touch(rows):
    """Note that ``rows`` browsing rows changed (``catalogue.facets`` calls it as it
    writes them)."""
    tags.touch(REBUILD_TAG if rows > REBUILD_ROWS else FACETS_TAG)


def note_changed(product_ids):
    """Stamp these products' rows, for a change the rows do not hold (their words,
    ``catalogue.search``): each process reads them again on its next reading."""
    ProductFacets = get_model("catalogue", "ProductFacets")
    with transaction.atomic(savepoint=False):
        ProductFacets.objects.filter(product_id__in=product_ids).update(changed_at=stamp())
        touch(len(product_ids))


def touch_rebuild():
    """Have every process build its bitmaps anew (rows removed, or rewritten around
    the signals)."""
    tags.touch(REBUILD_TAG)


def build_seconds():
    """Seconds to build the bitmaps anew (``bench/catalogue.py`` prints it)."""
    index = FacetIndex()
    started = time.perf_counter()
    index._build()
    return time.perf_counter() - started
