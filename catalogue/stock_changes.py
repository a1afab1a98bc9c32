"""Telling a stock count change from a change that listings and search can see.

Checkouts reserve units (``StockRecord.allocate``), shipping consumes them and cancelling
returns them; Oscar sends ``post_save`` for each without ``update_fields``. None of those
counts is part of a product's search text or of a cached listing (facet counts and the
order of ids: cards read price and availability live), so such saves must not rebuild
search text or forget the cache. A stock record remembers, when loaded, the fields those
read, and a save without ``update_fields`` is compared against them.
"""

from django.db.models.signals import post_init, post_save
from oscar.apps.customer.alerts.receivers import send_product_alerts
from oscar.core.loading import get_model

StockRecord = get_model("partner", "StockRecord")

# Read by search text (which producer offers which product) and by cached listings
# (facet counts by commune, producer kind and price band; price sorting).
LISTED = ("product_id", "partner_id", "price")
LISTED_NAMES = {"product", "product_id", "partner", "partner_id", "price"}
SEARCHED = ("product_id", "partner_id")
SEARCHED_NAMES = {"product", "product_id", "partner", "partner_id"}


def _snapshot(instance):
    # __dict__, not getattr: a deferred field must not cost a query here.
    return {name: instance.__dict__.get(name) for name in (*LISTED, *COUNTS)}


COUNTS = ("num_in_stock", "num_allocated")


def _net(values):
    return (values["num_in_stock"] or 0) - (values["num_allocated"] or 0)


def changed(instance, created, update_fields, fields=LISTED, names=LISTED_NAMES):
    """Whether this save of a stock record changed any of ``fields``."""
    if created:
        return True
    if update_fields is not None:
        return bool(set(update_fields) & names)
    before = getattr(instance, "_ocop_listed", None)
    if before is None:
        return True
    now = _snapshot(instance)
    return any(before[name] != now[name] for name in fields)


def search_changed(instance, created, update_fields):
    return changed(instance, created, update_fields, SEARCHED, SEARCHED_NAMES)


def stock_rose(instance, created, update_fields):
    """Whether units may have come back on sale: new stock, restocking, a cancelled
    reservation. Reserving and shipping only ever lower what is on sale."""
    if created or update_fields is not None:
        return created or bool(set(update_fields) & {"num_in_stock", "num_allocated"})
    before = getattr(instance, "_ocop_listed", None)
    return before is None or _net(_snapshot(instance)) > _net(before)


def _loaded(sender, instance, **kwargs):
    instance._ocop_listed = _snapshot(instance)


def _back_in_stock_alerts(sender, instance, created=False, raw=False, **kwargs):
    # Oscar's eager alerts look up the product's alerts on every save (three queries a
    # reserved line, inside the checkout's stock lock); only more stock can matter.
    if not raw and stock_rose(instance, created, kwargs.get("update_fields")):
        send_product_alerts(sender, instance, created, raw=raw, **kwargs)


def connect():
    uid = "catalogue.stock_changes"
    post_init.connect(_loaded, sender=StockRecord, dispatch_uid=f"{uid}.init")
    if post_save.disconnect(send_product_alerts, sender=StockRecord):
        post_save.connect(_back_in_stock_alerts, sender=StockRecord, dispatch_uid=f"{uid}.alert")
    # Connected after the search and cache receivers: the next save compares with this one.
    post_save.connect(_loaded, sender=StockRecord, dispatch_uid=f"{uid}.saved")
