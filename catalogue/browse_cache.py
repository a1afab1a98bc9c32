"""Forgets cached listings (``catalogue.browse.cached``) when the catalogue changes.

A stock record's stock counts are not part of what is cached (product cards read them
live), so reserving or restocking units keeps the cache; a new price does not.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.core.loading import get_model

from . import facets, stock_changes
from .browse import bump_version

SENDERS = [
    ("catalogue", "Product"),
    ("catalogue", "ProductCategory"),
    ("catalogue", "Category"),
    ("catalogue", "OcopCertificate"),
    ("partner", "StockRecord"),
    ("partner", "Partner"),
]


def _changed(sender, raw=False, **kwargs):
    if not raw:
        bump_version()


def _stockrecord_saved(sender, instance, raw=False, created=False, update_fields=None, **kwargs):
    if not raw and stock_changes.changed(instance, created, update_fields):
        bump_version()


def connect():
    # The browsing rows are rewritten first, so a listing computed after the version
    # moves reads them changed.
    facets.connect()
    for app_label, model_name in SENDERS:
        model = get_model(app_label, model_name)
        uid = f"catalogue.browse_cache.{model_name}"
        saved = _stockrecord_saved if model_name == "StockRecord" else _changed
        post_save.connect(saved, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}.delete")
    m2m_changed.connect(
        _changed,
        sender=get_model("catalogue", "Product").categories.through,
        dispatch_uid="catalogue.browse_cache.categories",
    )
