"""The products the home page promotes, picked live from the catalogue on every view.

Nothing is copied into the page: stars come from certificates in force today, so a
product drops out of every list on the day its certificate expires or is revoked.

Each product is shown once: lists are picked in the order the page shows them (pinned,
national 5★, newly certified, best of each group) and each leaves out what an earlier
list took, so every section adds products the reader has not seen yet.

The cost is a fixed number of queries whatever the catalogue's size: each list is
picked as a short list of ids, then every product shown is loaded once with what the
product card needs (stock records, producers, images, options) prefetched.
"""

import hashlib
from dataclasses import dataclass, field

from django.db.models import F, Max, OuterRef, Subquery, Window
from django.db.models.functions import RowNumber, Substr
from django.utils import timezone
from oscar.core.loading import get_model

from .image_renditions import CARD_SPECS

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
OcopCertificate = get_model("catalogue", "OcopCertificate")

PINNED_LIMIT = 8
NATIONAL_LIMIT = 4
PER_GROUP_LIMIT = 4
NEW_LIMIT = 4
VILLAGE_LIMIT = 6
NEWS_LIMIT = 3
NATIONAL_STARS = 5
# The rendition village cards ask for: prefetching the same spec costs no query per card.


@dataclass
class GroupShelf:
    """One OCOP product group and its best-rated products."""

    group: object
    products: list = field(default_factory=list)


@dataclass
class HomePromotions:
    pinned: list
    national: list
    groups: list
    newly_certified: list

    @property
    def has_group_products(self):
        return any(shelf.products for shelf in self.groups)

    @property
    def is_empty(self):
        return not (
            self.pinned
            or self.national
            or self.newly_certified
            or any(shelf.products for shelf in self.groups)
        )


def promotable(on=None):
    """Public, browsable products with their live rating (``ocop_stars``)."""
    return Product.objects.browsable().with_rating(on)


def best_rated(queryset):
    """Stars first, then best-selling (Oscar's analytics), then the newest."""
    return queryset.order_by(
        F("ocop_stars").desc(nulls_last=True),
        F("stats__num_purchases").desc(nulls_last=True),
        "-date_created",
        "-pk",
    )


def _ids(queryset, limit, shown=()):
    """The first ``limit`` ids of ``queryset`` leaving out those already ``shown``."""
    if shown:
        queryset = queryset.exclude(pk__in=list(shown))
    return list(queryset.values_list("pk", flat=True)[:limit])


def pinned_ids(page, on=None):
    """Products pinned by an officer, in their order, skipping ones no longer for sale or
    whose certificate lapsed (they carry no OCOP promotion)."""
    return list(
        page.pinned_products.filter(
            product__in=Product.objects.promotable(on), product__parent__isnull=True
        )
        .order_by("sort_order", "pk")
        .values_list("product_id", flat=True)[:PINNED_LIMIT]
    )


def national_ids(on=None, shown=()):
    return _ids(best_rated(promotable(on).filter(ocop_stars=NATIONAL_STARS)), NATIONAL_LIMIT, shown)


def product_groups():
    """The top-level OCOP groups (Decision 148), in their official order."""
    return list(Category.objects.browsable().filter(depth=1).order_by("path"))


def ids_per_group(groups, on=None, shown=()):
    """The best certified products of each group, in one query: each ranked within its group
    (a window), enough of the best of each kept to fill every shelf after leaving out
    what an earlier list or shelf took."""
    if not groups:
        return []
    steplen = Category.steplen
    paths = [group.path for group in groups]
    enough = PER_GROUP_LIMIT * (len(groups) + 1) + len(shown)
    ordering = best_rated(Product.objects.none()).query.order_by
    ranked = (
        promotable(on)
        .filter(ocop_stars__isnull=False)
        .annotate(group_path=Substr("categories__path", 1, steplen))
        .filter(group_path__in=paths)
        .annotate(rank=Window(RowNumber(), partition_by=[F("group_path")], order_by=list(ordering)))
        .filter(rank__lte=enough)
        .order_by("group_path", "rank")
        .values_list("group_path", "pk")
    )
    candidates = {}
    for path, pk in ranked:
        if pk not in candidates.setdefault(path, []):
            candidates[path].append(pk)
    taken = set(shown)
    picked = []
    for group in groups:
        ids = [pk for pk in candidates.get(group.path, []) if pk not in taken][:PER_GROUP_LIMIT]
        taken.update(ids)
        picked.append(ids)
    return picked


def newly_certified_ids(on=None, shown=()):
    """Products whose newest certificate in force is the most recent decision."""
    on = on or timezone.localdate()
    newest = (
        OcopCertificate.objects.certified(on)
        .filter(product=OuterRef("pk"))
        .values("product")
        .annotate(latest=Max("decision_date"))
        .values("latest")
    )
    queryset = (
        promotable(on)
        .filter(ocop_stars__isnull=False)
        .annotate(newest_decision=Subquery(newest))
        .order_by("-newest_decision", "-pk")
    )
    return _ids(queryset, NEW_LIMIT, shown)


def products_for_cards(ids, on=None, promotable_only=False):
    """{pk: product} with everything the product card reads, in three queries (products,
    their images, their stock records with producers) whatever their number.

    ``promotable_only`` leaves out products a page may not promote, for ids an editor
    chose rather than ones picked here."""
    if not ids:
        return {}
    from catalogue import browse

    products = Product.objects.all()
    if promotable_only:
        products = products.promotable(on)
    products = browse.for_cards(products.filter(pk__in=set(ids)), on)
    return {product.pk: product for product in products}


def catalogue_cached(name, compute):
    """``compute()``, kept by the listings' cache (``catalogue.browse.cached_for_day``)
    for today and the catalogue's version, which any change it shows touches."""
    from catalogue import browse

    return browse.cached_for_day(f"cms:{name}", browse.today(), compute)


def picked_ids(page, on=None):
    """(groups, pinned, national, newly certified, [ids per group]), each product once;
    cached with the catalogue (``catalogue_cached``) and the page's last publication
    (pins are published with the page)."""

    def pick():
        groups = product_groups()
        shown = list(pinned_ids(page, on))
        pinned = list(shown)
        national = national_ids(on, shown)
        shown += national
        new = newly_certified_ids(on, shown)
        shown += new
        return groups, pinned, national, new, ids_per_group(groups, on, shown)

    if on is not None:
        return pick()
    published = page.last_published_at.isoformat() if page.last_published_at else ""
    return catalogue_cached(f"home:{page.pk}:{published}", pick)


def home_promotions(page, on=None):
    """Everything the home page promotes, each product once: pinned, national 5★, newly
    certified, the best of each group. One query per list, whatever the catalogue."""
    from pagecache.fragments import Products

    groups, pinned, national, new, grouped = picked_ids(page, on)
    per_group = list(zip(groups, grouped, strict=True))
    # Fetched only if a card is not in the cache (pagecache.fragments), all in one go.
    products = Products(
        [*pinned, *national, *new, *sum(grouped, [])], lambda ids: products_for_cards(ids, on)
    )
    pick = products.cards

    return HomePromotions(
        pinned=pick(pinned),
        national=pick(national),
        groups=[GroupShelf(group, pick(ids)) for group, ids in per_group],
        newly_certified=pick(new),
    )


def prefetch_thumbnails(pages, specs):
    """Attach the ``specs`` renditions of the pages' images (fetched with
    ``select_related("image")``) in one query for all of them, as Wagtail's
    ``prefetch_renditions`` does for one image queryset."""
    images = [page.image for page in pages if page.image is not None]
    if not images:
        return
    Rendition = images[0].renditions.model
    found = {}
    for rendition in Rendition.objects.filter(
        image__in={image.pk for image in images}, filter_spec__in=specs
    ):
        found.setdefault(rendition.image_id, []).append(rendition)
    for image in images:
        image.prefetched_renditions = found.get(image.pk, [])
        for rendition in image.prefetched_renditions:
            rendition.image = image


def featured_villages(limit=VILLAGE_LIMIT, thumbnails=True):
    """Live village pages for the home page strip, their images' thumbnails prefetched,
    each with ``home_experiences``: its experiences for sale (one query for all villages;
    ``cms/partials/village_experiences.html`` lists them)."""
    from experiences.models import Experience
    from villages.models import VillagePage

    from .locales import in_active_locale
    from .visibility import public

    villages = list(
        in_active_locale(public(VillagePage.objects.live()))
        .select_related("image")
        .order_by("path")[:limit]
    )
    if thumbnails:
        prefetch_thumbnails(villages, CARD_SPECS)
    # An experience points at the Vietnamese village page; its translations share the key.
    by_key = {}
    keys = sorted({str(village.translation_key) for village in villages})

    def for_sale():
        return list(
            Experience.objects.filter(
                village__translation_key__in=keys, product__in=Product.objects.for_sale()
            )
            .select_related("product", "village")
            .order_by("product__title")
        )

    digest = hashlib.sha1(",".join(keys).encode()).hexdigest()
    experiences = catalogue_cached(f"village-experiences:{digest}", for_sale) if keys else []
    for experience in experiences:
        by_key.setdefault(experience.village.translation_key, []).append(experience)
    for village in villages:
        village.home_experiences = by_key.get(village.translation_key, [])
    return villages


def latest_news(limit=NEWS_LIMIT, thumbnails=True):
    """The newest live articles for the home page, their card thumbnails prefetched."""
    from .locales import in_active_locale
    from .news import NewsPage
    from .visibility import public

    articles = list(
        in_active_locale(public(NewsPage.objects.live()))
        .select_related("image")
        .order_by("-date", "-pk")[:limit]
    )
    if thumbnails:
        prefetch_thumbnails(articles, CARD_SPECS)
    return articles


def home_lists():
    """The villages and news of the home page, with the list pages they link to; every
    thumbnail (village and article cards share one size) read in one query."""
    from wagtail.models import Page

    villages = featured_villages(thumbnails=False)
    articles = latest_news(thumbnails=False)
    prefetch_thumbnails(villages + articles, CARD_SPECS)

    def parent_path(page):
        return page.path[: -Page.steplen]

    parents = {parent_path(page) for page in villages + articles}
    indexes = {p.path: p for p in Page.objects.live().filter(path__in=parents)} if parents else {}
    return {
        "villages": villages,
        "villages_index": indexes.get(parent_path(villages[0])) if villages else None,
        "articles": articles,
        "news_index": indexes.get(parent_path(articles[0])) if articles else None,
    }
