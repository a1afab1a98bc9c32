"""What a cached page shows, and when each of those things last changed.

A page is stored with the tags it depends on and the time its rendering started. Each tag
holds the time it last changed (a cache key without expiry); a page is fresh while none of
its tags changed after it started rendering. So invalidation is precise and costs one
write per change: a stock count that moves touches its product, and only the pages that
showed that product are rendered again.

Times are whole microseconds (``now``): django-redis stores an int as its digits and
reads it back with ``int()``, where a float is pickled and unpickled — on a page cache
hit, once for each of the page's dozens of tags.

Tags:
- ``site``: Wagtail pages, site settings, snippets, images (menus, footer, stories);
- ``catalogue``: what is listed and how (products, prices, groups, producers,
  certificates, experiences) — also the version of the listings' own cache
  (``catalogue.browse.cached``);
- ``product:<id>``: everything a product's card shows (title, photo, producer, price,
  stock, rating, places left) and what its page reads live, noted by the pricing
  strategy for every product a page shows;
- ``cards``: what every card reads (product classes and options);
- ``search``: the products' folded words (``catalogue.search``), all a query's matches
  depend on: a price or stock change leaves a search's matches as they were;
- ``producers``: the producers' names and wards, which the site search reads beside
  their pages (``cms.search``): a price change leaves the pages it finds as they were.

Every change also draws a new token (``last_change``), written after the tags' times: a
process that found a page fresh under one token knows it still is while the token has
not moved, and reads one key for it instead of the page's dozens of tags.
"""

import secrets
import time
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.core.cache import cache
from django.db import transaction

SITE = "site"
CATALOGUE = "catalogue"
CARDS = "cards"
SEARCH = "search"
PRODUCERS = "producers"
# "2": times in microseconds (a tag written in seconds before is forgotten, so changed).
KEY_PREFIX = "pagecache:changed:2:"
# Not a tag (no tag name starts with "*"): the token of the last change of any tag.
CHANGES = "*changes"

_shown: ContextVar[set | None] = ContextVar("pagecache_shown", default=None)
# {tag: last change} read so far by the request under way (``reading``).
_read: ContextVar[dict | None] = ContextVar("pagecache_read", default=None)


def product(pk):
    return f"product:{pk}"


def depends_on(*tags):
    """Note that the page being rendered shows these tags (nothing outside a recording)."""
    shown = _shown.get()
    if shown is not None:
        shown.update(tags)


@contextmanager
def recording():
    """Collect the tags noted while the block runs (one request's rendering)."""
    shown = set()
    token = _shown.set(shown)
    try:
        yield shown
    finally:
        _shown.reset(token)


@contextmanager
def reading():
    """Read each tag from the cache at most once while the block runs (a request, from
    ``PageCacheMiddleware``): a page asks again for ``site``, ``catalogue`` and its
    products' tags from each part it keeps, a round trip each. A tag this process
    touches is read again. A tag another process touches meanwhile is seen as it was
    when first read, as if every read had been made then: what is computed after that
    change is kept under the older version, which no later request reads. What is
    stored as rendered at a time (``rendering_starts``) reads its tags after it."""
    token = _read.set({})
    try:
        yield
    finally:
        _read.reset(token)


def rendering_starts():
    """The time something to be stored with its tags (a page, a part) starts to render.
    What the request read of the tags before is forgotten: a tag another process changed
    since would otherwise be taken as unchanged by a render that started after the
    change, and its copy judged fresh."""
    current = _read.get()
    if current is not None:
        current.clear()
    return now()


def noted(tag, value):
    """A tag's last change read together with something else (one round trip for both,
    ``cms.site_lookup``), kept for the rest of the request as if ``changed_at`` had
    read it."""
    read = _read.get()
    if read is not None and value is not None:
        read.setdefault(tag, value)


def _forget(tags):
    read = _read.get()
    if read is not None:
        for tag in tags:
            read.pop(tag, None)


def now():
    """The time, for tags and the pages that check them: whole microseconds."""
    return time.time_ns() // 1000


def _key(tag):
    return KEY_PREFIX + tag


def _mark(tags):
    changed = now()
    written = {_key(tag): changed for tag in tags}
    # Last, after the times (set_many writes in order, in one round trip), so that
    # whoever reads the new token reads them too.
    written[_key(CHANGES)] = _new_token()
    cache.set_many(written, timeout=None)
    _forget([*tags, CHANGES])


def _new_token():
    # Random, not counted: a count the cache forgot would start again at values that
    # processes may have seen before. An int, stored as digits like the times.
    return secrets.randbits(62)


def last_change():
    """A token that every change of any tag replaces (``_mark``). Whatever was fresh
    when it was read is still fresh while it has not moved; so it must be read before
    the tags it vouches for. When the cache has none, a new one is made: no page can
    have been found fresh under it."""
    found = changed_at([CHANGES])
    if CHANGES not in found:
        cache.add(_key(CHANGES), _new_token(), timeout=None)
        _forget([CHANGES])
        found = changed_at([CHANGES])
    return found.get(CHANGES)


def touch(*tags):
    """Mark tags changed now, and again when the transaction commits: a page rendered
    from the rows as they were before the commit is then stale too."""
    if not tags:
        return
    _mark(tags)
    transaction.on_commit(partial(_mark, tags))


def changed_at(tags):
    """{tag: time of its last change} for the tags the cache remembers."""
    read = _read.get()
    if read is None:
        return _fetch(tags)
    unread = [tag for tag in tags if tag not in read]
    if unread:
        read.update(_fetch(unread))
    return {tag: read[tag] for tag in tags if tag in read}


def _fetch(tags):
    found = cache.get_many([_key(tag) for tag in tags])
    return {key.removeprefix(KEY_PREFIX): value for key, value in found.items()}


def remember(tags, since):
    """Start tracking tags never changed (or forgotten by the cache) as of ``since``."""
    for tag in tags:
        cache.add(_key(tag), since, timeout=None)
    _forget(tags)


def fresh(tags, rendered_at):
    """Whether nothing a page shows changed after its rendering started. A tag the
    cache forgot counts as changed: it may have been touched since."""
    known = changed_at(tags)
    return len(known) == len(tags) and all(value <= rendered_at for value in known.values())


def versions(tags):
    """{tag: last change} in one round trip; a tag never changed starts now."""
    known = changed_at(tags)
    missing = [tag for tag in tags if tag not in known]
    if missing:
        since = now()
        remember(missing, since)
        known.update(changed_at(missing))
        known.update({tag: since for tag in missing if tag not in known})
    return known


def version(tag):
    """The tag's last change as a key part, for caches keyed by version."""
    return repr(versions([tag])[tag])
