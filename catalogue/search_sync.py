"""Keeps each product's folded search text (``catalogue.search``) in step with the
things it is made of: the product, its stock records, its producer and its groups."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.core.loading import get_model

from . import stock_changes
from .search import refresh_search_text

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")
Partner = get_model("partner", "Partner")


def _refresh(product_ids):
    # At once rather than on commit: each later change in the same transaction (its
    # stock record, its groups) refreshes again, and tests see the result.
    ids = [pk for pk in product_ids if pk]
    if ids:
        refresh_search_text(ids)


def _product_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and set(update_fields) <= {"search_title", "search_text"}):
        return
    _refresh([instance.pk])


def _stockrecord_saved(sender, instance, raw=False, created=False, update_fields=None, **kwargs):
    # Reserving, shipping or restocking units changes no word of the product.
    if not raw and stock_changes.search_changed(instance, created, update_fields):
        _refresh([instance.product_id])


def _stockrecord_deleted(sender, instance, **kwargs):
    _refresh([instance.product_id])


def _productcategory_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _refresh([instance.product_id])


def _categories_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:
        _refresh(pk_set or [])
    else:
        _refresh([instance.pk])


def _partner_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _refresh(StockRecord.objects.filter(partner=instance).values_list("product_id", flat=True))


def _category_saved(sender, instance, raw=False, created=False, **kwargs):
    if raw or created:
        return
    subtree = Category.objects.filter(path__startswith=instance.path)
    _refresh(
        ProductCategory.objects.filter(category__in=subtree)
        .values_list("product_id", flat=True)
        .distinct()
    )


def connect():
    uid = "catalogue.search_sync"
    post_save.connect(_product_saved, sender=Product, dispatch_uid=f"{uid}.product")
    post_save.connect(_stockrecord_saved, sender=StockRecord, dispatch_uid=f"{uid}.sr")
    post_delete.connect(_stockrecord_deleted, sender=StockRecord, dispatch_uid=f"{uid}.sr-del")
    post_save.connect(_productcategory_changed, sender=ProductCategory, dispatch_uid=f"{uid}.pc")
    post_delete.connect(
        _productcategory_changed, sender=ProductCategory, dispatch_uid=f"{uid}.pc-del"
    )
    m2m_changed.connect(
        _categories_changed, sender=Product.categories.through, dispatch_uid=f"{uid}.m2m"
    )
    post_save.connect(_partner_saved, sender=Partner, dispatch_uid=f"{uid}.partner")
    post_save.connect(_category_saved, sender=Category, dispatch_uid=f"{uid}.category")
