"""What is for sale: the one rule, read by every road to a product.

A product is for sale on a day when

- it is public (``Product.is_public``) and, if it came through the seller area, its
  listing is approved by an officer and put on sale by its producer; and
- its latest evaluation does not stand against it: a certificate in force (3–5★) always
  sells, with its stars. Otherwise the latest certificate decided by that day decides:
  revoked → not sold; expired → not sold, unless the officers let that certificate's
  product sell while its re-evaluation is pending (``sale_during_renewal``, off by
  default). A product never evaluated sells without stars: officers approved it as local
  goods, and it carries no OCOP mark that could mislead a buyer, whereas goods of a lapsed
  certificate still carry the mark printed on their packaging.

The rule is written once, as a queryset condition (:func:`for_sale_condition`). The
listing, search, suggestions and promotions filter with it, the shop's strategy
(``partner.strategy``) makes every other product unavailable to buy (basket add by any
route, basket lines, checkout), the basket drops lines that stopped being for sale
(:func:`drop_unsellable`), and order placement checks it again under the stock lock
(:func:`ensure_for_sale`). Dates are the shop's local day (Asia/Ho_Chi_Minh). Today's
answer reads the product's stored rating (``catalogue.ratings``, refreshed by every
certificate change and at midnight); another day's reads the certificates.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.apps.partner.availability import Unavailable

from .certification import OcopCertificate
from .choices import CertificateStatus
from .ratings import is_stored_day

# The listing's approval lives in the seller app; a product without a listing (recorded
# by officers or loaded as data) is governed by is_public alone.
APPROVED = "approved"


def _latest_decided(on, product_ref):
    """The latest certificate decided by ``on`` of the product ``product_ref`` points at."""
    return (
        OcopCertificate.objects.filter(product=product_ref, decision_date__lte=on)
        .order_by("-decision_date", "-pk")
        .values("pk")[:1]
    )


def _lapse_condition(on):
    """A latest certificate that stands against sale on ``on``."""
    return Q(revoked_on__lte=on) | Q(expires_on__lte=on, sale_during_renewal=False)


def _listed_condition():
    """No listing, or an approved one on sale. Written as "not among the withheld
    listings" (an anti-join on the few listings) rather than an outer join with an OR,
    which PostgreSQL cannot estimate and answers with a loop over the whole catalogue."""
    from django.apps import apps

    Listing = apps.get_model("seller", "Listing")
    withheld = Listing.objects.exclude(status=APPROVED, on_sale=True).values("product_id")
    return ~Q(pk__in=withheld)


def for_sale_condition(on: date | None = None):
    """The rule, as a condition on products (see the module docstring)."""
    listed = _listed_condition()
    if is_stored_day(on):
        return Q(is_public=True) & listed & Q(rating_blocks_sale=False)
    on = on or timezone.localdate()
    certified = Exists(OcopCertificate.objects.certified(on).filter(product=OuterRef("pk")))
    blocked = Exists(
        OcopCertificate.objects.filter(
            pk=Subquery(_latest_decided(on, OuterRef(OuterRef("pk"))))
        ).filter(_lapse_condition(on))
    )
    return Q(is_public=True) & listed & (certified | ~blocked)


def lapsed_condition(on: date | None = None):
    """Products with no certificate in force whose latest certificate expired or was
    revoked: they carry no OCOP promotion, even when officers let them sell."""
    if is_stored_day(on):
        return Q(rating_lapsed=True)
    on = on or timezone.localdate()
    certified = Exists(OcopCertificate.objects.certified(on).filter(product=OuterRef("pk")))
    lapsed = Exists(
        OcopCertificate.objects.filter(
            pk=Subquery(_latest_decided(on, OuterRef(OuterRef("pk"))))
        ).filter(Q(revoked_on__lte=on) | Q(expires_on__lte=on))
    )
    return ~certified & lapsed


def annotate_for_sale(queryset, on: date | None = None):
    """Add ``ocop_for_sale`` so that cards and pages ask the strategy at no extra query."""
    return queryset.annotate(
        ocop_for_sale=ExpressionWrapper(for_sale_condition(on), output_field=BooleanField())
    )


def is_for_sale(product, on: date | None = None):
    """Whether one product is for sale; reads ``ocop_for_sale`` when the product was
    loaded with it (today's rule only), else asks the database once and remembers."""
    if on is None and getattr(product, "ocop_for_sale", None) is not None:
        return product.ocop_for_sale
    result = type(product)._default_manager.filter(pk=product.pk).for_sale(on).exists()
    if on is None:
        product.ocop_for_sale = result
    return result


class NotForSale(Unavailable):
    """Availability of a product the rule withholds: nothing may be bought."""

    code = "not-for-sale"

    @property
    def message(self):
        return _("Sản phẩm này hiện không được bán.")

    def is_purchase_permitted(self, quantity):
        return False, self.message


@dataclass(frozen=True)
class Lapse:
    """Why a product lost its OCOP certificate, for the product page."""

    status: str  # CertificateStatus.EXPIRED or REVOKED
    since: date
    certificate: OcopCertificate

    @property
    def is_revoked(self):
        return self.status == CertificateStatus.REVOKED

    @property
    def message(self):
        since = self.since.strftime("%d/%m/%Y")
        if self.is_revoked:
            return _("Chứng nhận OCOP bị thu hồi từ ngày %(date)s.") % {"date": since}
        return _("Chứng nhận OCOP hết hiệu lực từ ngày %(date)s.") % {"date": since}


def annotate_last_certificate(queryset, on: date | None = None):
    """Add ``ocop_last_certificate_id`` (the latest decided by ``on``), which spares
    :func:`lapse_for` a query for products never certified."""
    on = on or timezone.localdate()
    return queryset.annotate(ocop_last_certificate_id=Subquery(_latest_decided(on, OuterRef("pk"))))


def lapse_for(product, on: date | None = None):
    """The lapse of a product with no certificate in force, or None (never certified,
    or certified today)."""
    on = on or timezone.localdate()
    if product.ocop_rating:
        return None
    if hasattr(product, "ocop_last_certificate_id") and product.ocop_last_certificate_id is None:
        return None
    latest = product.certificates.filter(decision_date__lte=on).order_by("-decision_date", "-pk")
    certificate = latest.first()
    if certificate is None:
        return None
    status = certificate.status(on)
    if status == CertificateStatus.REVOKED:
        return Lapse(status, certificate.revoked_on, certificate)
    if status == CertificateStatus.EXPIRED:
        return Lapse(status, certificate.expires_on, certificate)
    return None


class CannotSell(Exception):
    """Lines of a basket are no longer for sale; ``titles`` names their products."""

    def __init__(self, titles):
        self.titles = titles
        super().__init__(
            _("Rất tiếc, %(titles)s không còn được bán.")
            % {"titles": ", ".join(f"“{t}”" for t in titles)}
        )


def unsellable_lines(lines, on: date | None = None):
    """The lines whose product is not for sale on ``on``, in one query."""
    lines = list(lines)
    if not lines:
        return []
    Product = type(lines[0].product)
    ids = {line.product_id for line in lines}
    sellable = set(
        Product._default_manager.filter(pk__in=ids).for_sale(on).values_list("pk", flat=True)
    )
    if on is None:
        # The basket page draws these same lines next; its strategy need not ask again.
        for line in lines:
            line.product.ocop_for_sale = line.product_id in sellable
    return [line for line in lines if line.product_id not in sellable]


def ensure_for_sale(lines, error=CannotSell, on: date | None = None):
    """Raise ``error`` (the placement's CannotPlace) when a line stopped being for sale.

    Called by order placement while it holds the stock lock, so an order never holds a
    product that was withdrawn between the basket and the payment."""
    refused = unsellable_lines(lines, on)
    if refused:
        raise error(str(CannotSell([line.product.get_title() for line in refused])))


def drop_unsellable(basket):
    """Remove the basket's lines that stopped being for sale; returns their titles."""
    if basket.id is None or basket.is_empty:
        return []
    refused = unsellable_lines(basket.all_lines())
    titles = [line.product.get_title() for line in refused]
    for line in refused:
        line.delete()
    if refused:
        basket.reset_offer_applications()
        # Oscar caches the basket's lines on the instance.
        basket._lines = None
    return titles
