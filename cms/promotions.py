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

from dataclasses import dataclass, field

from django.db.models import Exists, F, Max, OuterRef, Prefetch, Subquery
from django.utils import timezone
from oscar.core.loading import get_model

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
VILLAGE_THUMBNAIL = "fill-640x400"


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


def group_ids(group, on=None, shown=()):
    in_group = ProductCategory.objects.filter(
        product=OuterRef("pk"), category__path__startswith=group.path
    )
    certified = promotable(on).filter(ocop_stars__isnull=False).filter(Exists(in_group))
    return _ids(best_rated(certified), PER_GROUP_LIMIT, shown)


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
    """{pk: product} with everything the product card reads, in a fixed number of queries.

    ``promotable_only`` leaves out products a page may not promote, for ids an editor
    chose rather than ones picked here."""
    if not ids:
        return {}
    products = Product.objects.base_queryset()
    if promotable_only:
        products = products.promotable(on)
    products = (
        products.with_rating(on).filter(pk__in=set(ids)).prefetch_related("stockrecords__partner")
    )
    return {product.pk: product for product in products}


def home_promotions(page, on=None):
    """Everything the home page promotes, each product once: pinned, national 5★, newly
    certified, the best of each group. One query per list, whatever the catalogue."""
    shown = []

    def take(ids):
        shown.extend(ids)
        return ids

    pinned = take(pinned_ids(page, on))
    national = take(national_ids(on, shown))
    new = take(newly_certified_ids(on, shown))
    per_group = [(group, take(group_ids(group, on, shown))) for group in product_groups()]
    products = products_for_cards(shown, on)

    def pick(ids):
        return [products[pk] for pk in ids if pk in products]

    return HomePromotions(
        pinned=pick(pinned),
        national=pick(national),
        groups=[GroupShelf(group, pick(ids)) for group, ids in per_group],
        newly_certified=pick(new),
    )


def featured_villages(limit=VILLAGE_LIMIT):
    """Live village pages for the home page strip, their images' thumbnails prefetched,
    each with ``home_experiences``: its experiences for sale (one query for all villages;
    ``cms/partials/village_experiences.html`` lists them)."""
    from wagtail.images import get_image_model

    from experiences.models import Experience
    from villages.models import VillagePage

    from .locales import in_active_locale

    images = get_image_model().objects.prefetch_renditions(VILLAGE_THUMBNAIL)
    villages = list(
        in_active_locale(VillagePage.objects.live().public())
        .prefetch_related(Prefetch("image", queryset=images))
        .order_by("path")[:limit]
    )
    # An experience points at the Vietnamese village page; its translations share the key.
    by_key = {}
    experiences = (
        Experience.objects.filter(
            village__translation_key__in=[v.translation_key for v in villages],
            product__in=Product.objects.for_sale(),
        )
        .select_related("product", "village")
        .order_by("product__title")
    )
    for experience in experiences:
        by_key.setdefault(experience.village.translation_key, []).append(experience)
    for village in villages:
        village.home_experiences = by_key.get(village.translation_key, [])
    return villages


def latest_news(limit=NEWS_LIMIT):
    """The newest live articles for the home page, their card thumbnails prefetched."""
    from wagtail.images import get_image_model

    from .locales import in_active_locale
    from .news import CARD_THUMBNAIL, NewsPage

    images = get_image_model().objects.prefetch_renditions(CARD_THUMBNAIL)
    return list(
        in_active_locale(NewsPage.objects.live().public())
        .prefetch_related(Prefetch("image", queryset=images))
        .order_by("-date", "-pk")[:limit]
    )
