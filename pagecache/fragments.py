"""Rendered product cards kept in the shared cache, for every page that lists products.

A card reads its product, stock record, producer, image and OCOP rating: everything the
product's own tag follows, and the ``cards`` tag what every card reads (``pagecache.tags``).
So a card is kept under a key holding both of their versions, the language, the day
(stars end at midnight) and the template: a change to what it shows makes a new key, and
the old card is never read again; a change to another product keeps it (a catalogue of
100 000 products changes all day, and its cards would otherwise all be drawn anew). Cards
are the same for every visitor (the pricing strategy does not depend on who asks, and the
basket form's CSRF field is filled in the browser), so signed-in visitors share them too.

One page's cards cost two cache round trips (versions, then cards), whatever their number
and however many lists hold them.
A page that gives its products by id (``CardList``) reads from the database only the
products whose cards the cache lacks: none, once the cards are warm.

Larger parts of a page that are the same for every visitor (a product's story and
certificate, a village's producers and experiences) are kept like the page cache keeps
pages (``render_part``, ``{% cached_part %}``): with the tags noted while they rendered,
fresh while none of them changed since.
"""

import hashlib
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.template import Context
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from . import tags


class Products:
    """The products of one page, by id: their cards are looked up in the cache together,
    and the products fetched (``load(ids) -> {pk: product}``, in one go) only when a
    card is missing. The lists of a page (``cards``) share both."""

    def __init__(self, ids, load):
        self.ids = list(dict.fromkeys(ids))
        self._load = load
        self._found = None
        self._stored = {}  # {template name: {pk: (cache key, card or None)}}

    @classmethod
    def loaded(cls, products):
        products = list(products)
        made = cls([p.pk for p in products], None)
        made._found = {p.pk: p for p in products}
        return made

    def get(self, pk):
        if self._found is None:
            self._found = self._load(self.ids)
        return self._found.get(pk)

    def cards(self, ids):
        return CardList(ids, self)

    def stored(self, template_name):
        """{pk: (key, card or None)} of all the page's products, in two round trips."""
        if template_name not in self._stored:
            names = [tags.product(pk) for pk in self.ids]
            versions = tags.versions([tags.CARDS, *names])
            prefix = (
                f"pagecache:card:2:{template_name}:{get_language()}:"
                f"{timezone.localdate().isoformat()}:{versions[tags.CARDS]!r}"
            )
            keys = [f"{prefix}:{versions[n]!r}:{pk}" for pk, n in zip(self.ids, names, strict=True)]
            found = cache.get_many(keys)
            self._stored[template_name] = {
                pk: (key, found.get(key)) for pk, key in zip(self.ids, keys, strict=True)
            }
        return self._stored[template_name]


class CardList:
    """Products to draw as cards, given by id (``Products.cards``). Iterating it yields
    the products, in order; ``render_cards`` asks for only those it must render."""

    def __init__(self, ids, products):
        self.ids = list(ids)
        self.products = products

    def __iter__(self):
        return (p for p in (self.products.get(pk) for pk in self.ids) if p is not None)

    def __getitem__(self, index):
        return list(self)[index]

    def __len__(self):
        return len(self.ids)

    def __bool__(self):
        return bool(self.ids)


class Fragment:
    """The key of a fragment that shows ``tag_names`` (see ``{% fragment_key %}``)."""

    def __init__(self, tag_names):
        tags.depends_on(*tag_names)
        self.seconds = settings.OCOP_FRAGMENT_CACHE_SECONDS
        self.key = ""
        if self.seconds:
            versions = tags.versions(list(tag_names))
            self.key = ":".join(
                [get_language(), timezone.localdate().isoformat()]
                + [repr(versions[name]) for name in tag_names]
            )


def cached_value(name, tag_names, compute):
    """``compute()``'s result (picklable, the same for every visitor), kept like a
    fragment: for the language, the day and the versions of ``tag_names``."""
    fragment = Fragment(tag_names)
    if not fragment.seconds:
        return compute()
    key = f"pagecache:value:{name}:{fragment.key}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, fragment.seconds)
    return value


# {(name, language): ((language, day, *versions), value)}: the last copy of each.
_indexes = {}


def kept_index(name, tag_names, compute):
    """``compute()``'s result kept in this process's memory for the language, the day and
    the versions of ``tag_names``, whether caches are on or off: for what requests read
    whole, again and again (the site search's pages, ``cms.search.documents``; the
    browsable groups, ``catalogue.browse.Catalogue``), kept as the facet bitmaps are
    (``catalogue.facet_index``) rather than read or unpickled each time. Once a tag
    moves, each process computes it again on its next use (or takes it from the shared
    cache, ``cached_value``, when another process already did)."""
    tags.depends_on(*tag_names)
    language, day = get_language(), timezone.localdate().isoformat()
    # Read before computing: a change made meanwhile moves a tag past this stamp, so the
    # copy made now is replaced on the next use.
    versions = tags.versions(list(tag_names))
    stamp = (language, day, *(versions[tag] for tag in tag_names))
    found = _indexes.get((name, language))
    if found is not None and found[0] == stamp:
        return found[1]
    value = cached_value(name, tag_names, compute)
    _indexes[(name, language)] = (stamp, value)
    return value


def render_cards(context, products, template_name, eager_first=False):
    """The product cards of ``products`` (a ``CardList`` or products; rendered by
    ``template_name`` in ``context``, with ``product`` set), from the cache when it
    holds them."""
    if not isinstance(products, CardList):
        products = list(products)
        products = Products.loaded(products).cards(p.pk for p in products)
    pks, source = products.ids, products.products
    # The page (and the page cache) depends on each card's product, as if it had been
    # rendered here: the strategy notes it only when it runs.
    tags.depends_on(tags.CARDS, *(tags.product(pk) for pk in pks))
    seconds = settings.OCOP_FRAGMENT_CACHE_SECONDS
    if not seconds:
        return [
            _render(context, template_name, p, eager=eager_first and i == 0)
            for i, p in enumerate(products)
        ]

    stored = source.stored(template_name) if pks else {}
    cards, new = [], {}
    for pk in pks:
        key, card = stored[pk]
        eager = eager_first and not cards
        if eager:  # its own copy: the same card elsewhere is lazy
            key, card = f"{key}:eager", cache.get(f"{key}:eager")
        if card is None:
            product = source.get(pk)
            if product is None:  # gone since its id was picked
                continue
            card = new[key] = _render(context, template_name, product, eager)
            if not eager:
                stored[pk] = (key, card)
        cards.append(SafeString(card))
    if new:
        cache.set_many({key: str(card) for key, card in new.items()}, seconds)
    return cards


def _render(context, template_name, product, eager=False):
    # A card is the same for every page that shows it (it is kept and shared), so it
    # reads nothing of the page's context but the request: in a context of its own,
    # which is also quicker to look names up in than the page's dozen dicts.
    template = context.template.engine.get_template(template_name)
    own = Context(
        {"request": context.get("request"), "product": product, "eager_image": eager},
        autoescape=context.autoescape,
        use_l10n=context.use_l10n,
        use_tz=context.use_tz,
    )
    return template.render(own)


class Lazy:
    """A value computed when first used. Templates call it (as they call any callable),
    so tags and filters such as ``json_script`` get the value itself; Python code (a
    test reading a response's context) may read its attributes, iterate, index, test or
    compare it."""

    def __init__(self, compute):
        self._compute = compute
        self._done = False
        self._value = None

    def __call__(self):
        if not self._done:
            self._value, self._done = self._compute(), True
        return self._value

    def __getattr__(self, name):
        if name.startswith("_"):  # never the value's private parts (copy, pickle)
            raise AttributeError(name)
        return getattr(self(), name)

    def __iter__(self):
        return iter(self())

    def __len__(self):
        return len(self())

    def __getitem__(self, index):
        return self()[index]

    def __bool__(self):
        return bool(self())

    def __eq__(self, other):
        return self() == other

    __hash__ = None


def lazy_items(compute, names):
    """{name: Lazy} for a view's context: ``compute()`` (a dict holding ``names``) runs
    once, when a template first reads one of them, and not at all when the parts that
    read them come from the cache."""
    shared = Lazy(compute)
    return {name: Lazy(partial(_item, shared, name)) for name in names}


def _item(mapping, name):
    return mapping()[name]


def render_part(context, name, vary, render, seconds=None):
    """``render()``, a part of a page the same for every visitor, from the shared cache
    while nothing it showed has changed (``{% cached_part name vary… %}``).

    Kept for the language, the day and ``vary``, with the tags noted while it rendered
    (as the page cache keeps pages, ``pagecache.middleware``); a hit notes them again for
    the page around it. A part that used the visitor's CSRF token is not kept (its HTML
    is someone's own), nor is a part of a Wagtail preview. Its Content-Security-Policy
    nonce is replaced by the request's own. ``seconds`` shortens its life below
    ``OCOP_FRAGMENT_CACHE_SECONDS``, for a part that also changes with the hour (the
    next dates of experiences)."""
    request = context.get("request")
    limit = settings.OCOP_FRAGMENT_CACHE_SECONDS
    seconds = min(limit, seconds) if seconds and limit else limit
    if not seconds or request is None or getattr(request, "is_preview", False):
        return render()
    digest = hashlib.sha1("|".join(map(str, vary)).encode()).hexdigest()
    key = f"pagecache:part:{name}:{get_language()}:{timezone.localdate().isoformat()}:{digest}"
    nonce = str(getattr(request, "csp_nonce", ""))
    entry = cache.get(key)
    if entry is not None and tags.fresh(entry["tags"], entry["rendered_at"]):
        tags.depends_on(*entry["tags"])
        content = entry["content"]
        if entry["nonce"] and nonce:
            content = content.replace(entry["nonce"], nonce)
        return SafeString(content)

    rendered_at = tags.rendering_starts()
    # Django's get_token() sets this: whether the part drew the visitor's CSRF token.
    csrf_used_before = request.META.pop("CSRF_COOKIE_NEEDS_UPDATE", False)
    with tags.recording() as shown:
        content = render()
    tags.depends_on(*shown)
    personal = request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False)
    if csrf_used_before:
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    if not personal:
        part_tags = sorted(shown | {tags.SITE, tags.CATALOGUE})
        tags.remember(part_tags, rendered_at)
        entry = {"tags": part_tags, "rendered_at": rendered_at, "content": str(content)}
        entry["nonce"] = nonce
        cache.set(key, entry, seconds)
    return content
