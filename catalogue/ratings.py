"""The current OCOP rating, kept on the product so that browsing reads columns.

Reading the rating from certificates for every product of every request costs a scan of
the certificates per filter and per facet; at 100 000 products that is most of a
listing's time. So each product stores what today's certificates say about it
(``Product.rating_*``):

- ``rating_stars`` / ``rating_certified_on``: the certificate in force that gives the
  rating (as ``certification.annotate_rating`` computes it), or None;
- ``rating_blocks_sale``: no certificate in force and the latest decided one stands
  against sale (``availability.for_sale_condition``);
- ``rating_lapsed``: no certificate in force and the latest decided one expired or was
  revoked (``availability.lapsed_condition``);
- ``rating_changes_on``: the next day on which any of these may change (a certificate
  decided, expiring or revoked after the day they were computed for), or None.

Until every product whose ``rating_changes_on`` has come is refreshed, the stored
columns are not read at all (:func:`is_stored_day`): the rules fall back to the
certificates, slower but exact, so nothing depends on the task running on time.

:func:`refresh_ratings` recomputes them from the certificates with the very rules that
read certificates directly. It runs in the transaction of every certificate change
(``OcopCertificate.save``/``delete`` and the certificate queryset's ``update``/``delete``,
so officers' pages, Wagtail views, forms, loaders and factories all pass through it), and
each night just after midnight (``catalogue.tasks.refresh_ratings``) for the products
whose ``rating_changes_on`` has come. The rules answer for any other day (``on``) from
the certificates, as before.
"""

from datetime import date

from django.db import transaction
from django.db.models import (
    BooleanField,
    Case,
    DateField,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Least, NullIf
from django.utils import timezone
from oscar.core.loading import get_model

# Stands for "no change ahead": SQLite's MIN() of several values is NULL when one is.
_NEVER = date(9999, 12, 31)


# Days known to hold no stale rating in this process. A refresh for today never makes a
# rating stale today, so a day once checked stays good; only a refresh for an earlier day
# could (tests that travel in time clear it, see conftest).
_fresh_days = set()


def is_stored_day(on: date | None) -> bool:
    """Whether the stored rating answers for ``on``: today, once no product's rating is
    due for a refresh (the midnight task has run, or nothing changes today). Until then
    the rules read the certificates, so the rating still turns at midnight exactly."""
    today = timezone.localdate()
    if on is not None and on != today:
        return False
    if today in _fresh_days:
        return True
    Product = get_model("catalogue", "Product")
    if Product.objects.filter(rating_changes_on__lte=today).exists():
        return False
    _fresh_days.add(today)
    return True


def _next(field, on, certificates):
    return Coalesce(
        Subquery(
            certificates.filter(product=OuterRef("pk"), **{f"{field}__gt": on})
            .order_by(field)
            .values(field)[:1]
        ),
        Value(_NEVER),
        output_field=DateField(),
    )


def _flag(condition):
    return Case(
        When(condition, then=Value(True)), default=Value(False), output_field=BooleanField()
    )


def refresh_ratings(product_ids=None, on: date | None = None, facets=True):
    """Recompute the stored rating of the given products (ids, or a queryset of
    products; all when None) for ``on`` (today by default), in one UPDATE, and their
    browsing rows (``catalogue.facets``) unless ``facets`` is False; returns how many
    products were updated."""
    from .availability import _lapse_condition, _latest_decided
    from .certification import current_certificate_subquery

    Product = get_model("catalogue", "Product")
    OcopCertificate = get_model("catalogue", "OcopCertificate")
    on = on or timezone.localdate()
    if on < timezone.localdate():
        _fresh_days.clear()
    products = Product.objects.all()
    if isinstance(product_ids, QuerySet):
        products = products.filter(pk__in=product_ids.values("pk"))
    elif product_ids is not None:
        product_ids = {pk for pk in product_ids if pk is not None}
        if not product_ids:
            return 0
        products = products.filter(pk__in=product_ids)

    current = current_certificate_subquery(on)
    certified = Exists(OcopCertificate.objects.certified(on).filter(product=OuterRef("pk")))
    latest = OcopCertificate.objects.filter(
        pk=Subquery(_latest_decided(on, OuterRef(OuterRef("pk"))))
    )
    blocks = Exists(latest.filter(_lapse_condition(on)))
    lapsed = Exists(latest.filter(Q(revoked_on__lte=on) | Q(expires_on__lte=on)))
    certificates = OcopCertificate.objects.all()
    changes_on = NullIf(
        Least(
            _next("decision_date", on, certificates),
            _next("expires_on", on, certificates),
            _next("revoked_on", on, certificates),
        ),
        Value(_NEVER),
    )
    updated = products.update(
        rating_stars=Subquery(current.values("stars")[:1]),
        rating_certified_on=Subquery(current.values("decision_date")[:1]),
        rating_blocks_sale=_flag(~certified & blocks),
        rating_lapsed=_flag(~certified & lapsed),
        rating_changes_on=changes_on,
    )
    if facets and on == timezone.localdate():
        from .facets import refresh_facets

        refresh_facets(None if product_ids is None else products)
    return updated


def refresh_due(on: date | None = None):
    """The nightly refresh: products whose rating may have changed by ``on`` (today).

    Idempotent: a refreshed product's ``rating_changes_on`` moves past ``on``."""
    Product = get_model("catalogue", "Product")
    on = on or timezone.localdate()
    with transaction.atomic():
        due = list(Product.objects.filter(rating_changes_on__lte=on).values_list("pk", flat=True))
        return refresh_ratings(due, on) if due else 0
