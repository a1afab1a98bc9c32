"""Keeps each product's browsing row (``ProductFacets``) in step with what it is made of.

The listing's filters and facet counts (``catalogue.browse``) read one narrow row per
product instead of joining products, stock records, producers, groups and listings for
every facet of every request. The row is rewritten, in the transaction of the change,
whenever one of those changes:

- the product (saved, or its rating refreshed: ``catalogue.ratings.refresh_ratings``,
  which every certificate change and the midnight task go through);
- one of its stock records (price or producer; a change of stock alone keeps the row),
  its producer (commune, kind), its groups (links, or a group moved in the tree);
- its seller listing (approval, on sale).

A change locks its own products' rows only. ``rebuild_product_facets`` rebuilds every
row (after bulk loads that bypass signals, e.g. ``make_synthetic_catalogue``).
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.core.loading import get_model

from . import facet_index, stock_changes

BATCH_SIZE = 2000


def key(values):
    """The stored form of a set of values: sorted, between bars ("|a|b|"); "" for none."""
    values = sorted({str(v) for v in values if v not in (None, "")})
    return f"|{'|'.join(values)}|" if values else ""


def split(stored):
    """The values of a stored key."""
    return [v for v in (stored or "").split("|") if v]


def _band(price):
    from .browse import PRICE_BANDS

    if price is None:
        return None
    for band in PRICE_BANDS:
        if (band.low is None or price >= band.low) and (band.high is None or price < band.high):
            return band.key
    return None


def refresh_facets(product_ids=None):
    """Rewrite the rows of these products (ids, a flat ``values_list`` of ids, or a
    queryset of products; all when None), a batch at a time."""
    from django.db.models import QuerySet

    Product = get_model("catalogue", "Product")
    if product_ids is None:
        ids = list(Product.objects.order_by("pk").values_list("pk", flat=True))
    elif isinstance(product_ids, QuerySet) and product_ids.model is Product:
        ids = list(product_ids.order_by().values_list("pk", flat=True))
    else:
        ids = sorted({pk for pk in product_ids if pk is not None})
    if not ids:
        return
    # One transaction, so its stamp (its start) is earlier than any row it writes; no
    # savepoint inside another (a failure here fails the change that called it).
    with transaction.atomic(savepoint=False):
        changed_at = facet_index.stamp()
        for start in range(0, len(ids), BATCH_SIZE):
            _refresh_batch(ids[start : start + BATCH_SIZE], changed_at)
        facet_index.touch(len(ids))


def _refresh_batch(ids, changed_at):
    from .browse import offered_products

    Product = get_model("catalogue", "Product")
    ProductCategory = get_model("catalogue", "ProductCategory")
    ProductFacets = get_model("catalogue", "ProductFacets")
    StockRecord = get_model("partner", "StockRecord")

    ProductRecord = get_model("analytics", "ProductRecord")

    products = dict(Product.objects.filter(pk__in=ids).values_list("pk", "rating_stars"))
    purchases = dict(
        ProductRecord.objects.filter(product_id__in=ids).values_list("product_id", "num_purchases")
    )
    offered = set(offered_products().filter(pk__in=ids).values_list("pk", flat=True))
    paths, communes, kinds, bands, prices = {}, {}, {}, {}, {}
    for product_id, path in ProductCategory.objects.filter(product_id__in=ids).values_list(
        "product_id", "category__path"
    ):
        paths.setdefault(product_id, set()).add(path)
    for product_id, price, commune, kind in StockRecord.objects.filter(
        product_id__in=ids
    ).values_list("product_id", "price", "partner__commune_code", "partner__kind"):
        communes.setdefault(product_id, set()).add(commune)
        kinds.setdefault(product_id, set()).add(kind)
        bands.setdefault(product_id, set()).add(_band(price))
        if price is not None and (prices.get(product_id) is None or price < prices[product_id]):
            prices[product_id] = price
    rows = [
        ProductFacets(
            product_id=pk,
            changed_at=changed_at,
            offered=pk in offered,
            stars=stars,
            category_paths=key(paths.get(pk, ())),
            communes=key(communes.get(pk, ())),
            kinds=key(kinds.get(pk, ())),
            price_bands=key(bands.get(pk, ())),
            price=prices.get(pk),
            purchases=purchases.get(pk, 0),
        )
        for pk, stars in products.items()
    ]
    ProductFacets.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["product"],
        update_fields=[
            "offered",
            "stars",
            "category_paths",
            "communes",
            "kinds",
            "price_bands",
            "price",
            "purchases",
            "changed_at",
        ],
    )


# Signals


def _product_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and set(update_fields) <= {"search_title", "search_text"}):
        return
    refresh_facets([instance.pk])


def _stockrecord_saved(sender, instance, raw=False, created=False, update_fields=None, **kwargs):
    # Units reserved, shipped or restocked change nothing a listing filters by.
    if not raw and stock_changes.changed(instance, created, update_fields):
        refresh_facets([instance.product_id])


def _product_of(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_facets([instance.product_id])


def _listing_saved(sender, instance, raw=False, created=False, **kwargs):
    if not raw and instance.sale_changed(created):
        refresh_facets([instance.product_id])


def _categories_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if reverse and action == "pre_clear":
        # A group's links are cleared: post_clear no longer knows which products.
        instance._facets_cleared = list(
            sender.objects.filter(category=instance).values_list("product_id", flat=True)
        )
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        refresh_facets([instance.pk])
    elif action == "post_clear":
        refresh_facets(getattr(instance, "_facets_cleared", []))
    else:
        refresh_facets(pk_set or [])


def _row_removed(sender, **kwargs):
    # With its product: the processes' bitmaps are built again.
    facet_index.touch_rebuild()


def _partner_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        StockRecord = get_model("partner", "StockRecord")
        refresh_facets(
            StockRecord.objects.filter(partner=instance).values_list("product_id", flat=True)
        )


def _category_saved(sender, instance, raw=False, created=False, **kwargs):
    if raw or created:
        return
    Category = get_model("catalogue", "Category")
    ProductCategory = get_model("catalogue", "ProductCategory")
    subtree = Category.objects.filter(path__startswith=instance.path)
    refresh_facets(
        ProductCategory.objects.filter(category__in=subtree)
        .values_list("product_id", flat=True)
        .distinct()
    )


def connect():
    from django.apps import apps

    Product = get_model("catalogue", "Product")
    ProductCategory = get_model("catalogue", "ProductCategory")
    Category = get_model("catalogue", "Category")
    StockRecord = get_model("partner", "StockRecord")
    Partner = get_model("partner", "Partner")
    uid = "catalogue.facets"
    post_save.connect(_product_saved, sender=Product, dispatch_uid=f"{uid}.product")
    post_save.connect(_stockrecord_saved, sender=StockRecord, dispatch_uid=f"{uid}.sr")
    post_delete.connect(_product_of, sender=StockRecord, dispatch_uid=f"{uid}.sr-del")
    post_save.connect(_product_of, sender=ProductCategory, dispatch_uid=f"{uid}.pc")
    post_delete.connect(_product_of, sender=ProductCategory, dispatch_uid=f"{uid}.pc-del")
    m2m_changed.connect(
        _categories_changed, sender=Product.categories.through, dispatch_uid=f"{uid}.m2m"
    )
    post_save.connect(_partner_saved, sender=Partner, dispatch_uid=f"{uid}.partner")
    post_save.connect(_category_saved, sender=Category, dispatch_uid=f"{uid}.category")
    post_delete.connect(
        _row_removed, sender=get_model("catalogue", "ProductFacets"), dispatch_uid=f"{uid}.row"
    )
    if apps.is_installed("seller"):
        Listing = apps.get_model("seller", "Listing")
        post_save.connect(_listing_saved, sender=Listing, dispatch_uid=f"{uid}.listing")
        post_delete.connect(_product_of, sender=Listing, dispatch_uid=f"{uid}.listing-del")
