"""OCOP certification: a certificate per evaluation, and the rules that read them.

The rules below read a product's rating from its certificates for any day. Browsing
reads today's from columns on the product instead (``catalogue.ratings``), which every
change of a certificate refreshes in its transaction, and a nightly task at midnight
when a certificate starts, expires or is revoked on the new day.
"""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pagecache import tags as page_tags

from .choices import CertificateStatus, IssuingLevel

VALIDITY_MONTHS = 36
# Only 3★ and above are certified "OCOP products" that may carry the mark.
CERTIFIED_MIN_STARS = 3
SCAN_MAX_BYTES = 10 * 1024 * 1024


def stars_for_score(score):
    """The star class of a score on the 100-point scale (bands published for 1048/148)."""
    if score >= 90:
        return 5
    if score >= 70:
        return 4
    if score >= 50:
        return 3
    if score >= 30:
        return 2
    return 1


def star_label(stars):
    """How a newcomer reads a rating: "OCOP 4 sao", "Sản phẩm OCOP quốc gia 5 sao"."""
    if stars == 5:
        return _("Sản phẩm OCOP quốc gia 5 sao")
    return _("OCOP %(stars)s sao") % {"stars": stars}


def validate_scan_size(upload):
    if upload.size > SCAN_MAX_BYTES:
        raise ValidationError(_("Tệp quét quyết định không được lớn hơn 10 MB."))


class CertificateQuerySet(models.QuerySet):
    """Bulk changes refresh the stored rating of the products they touch, as saves do."""

    def update(self, **kwargs):
        from .ratings import refresh_ratings

        with transaction.atomic(using=self.db):
            products = set(self.values_list("product_id", flat=True))
            updated = super().update(**kwargs)
            if "product" in kwargs or "product_id" in kwargs:
                products |= set(self.values_list("product_id", flat=True))
            refresh_ratings(products)
            # An UPDATE sends no signal (pagecache.invalidation): the cards and cached
            # pages that show these products' stars are drawn again from here.
            page_tags.touch(page_tags.CATALOGUE, *(page_tags.product(pk) for pk in products))
        return updated

    update.alters_data = True

    def delete(self):
        from .ratings import refresh_ratings

        with transaction.atomic(using=self.db):
            products = set(self.values_list("product_id", flat=True))
            deleted = super().delete()
            refresh_ratings(products)
        return deleted

    delete.alters_data = True
    delete.queryset_only = True

    def in_force(self, on: date | None = None):
        """Certificates that count on a day: issued, not yet expired, not revoked."""
        on = on or timezone.localdate()
        return self.filter(decision_date__lte=on, expires_on__gt=on).filter(
            Q(revoked_on__isnull=True) | Q(revoked_on__gt=on)
        )

    def certified(self, on: date | None = None):
        return self.in_force(on).filter(stars__gte=CERTIFIED_MIN_STARS)

    def expiring_within(self, days, on: date | None = None):
        on = on or timezone.localdate()
        return self.certified(on).filter(expires_on__lte=on + relativedelta(days=days))


def current_certificate_subquery(on: date | None = None):
    """The certificate that gives a product (OuterRef "pk") its rating today: the
    highest in force, the newest among equals."""
    return (
        OcopCertificate.objects.certified(on)
        .filter(product=OuterRef("pk"))
        .order_by("-stars", "-decision_date", "-pk")
    )


def annotate_rating(queryset, on: date | None = None):
    """Add ``ocop_stars`` and ``ocop_certified_on`` (None when not certified): today's
    from the product's stored rating (``catalogue.ratings``), another day's from its
    certificates."""
    from .ratings import is_stored_day

    if is_stored_day(on):
        return queryset.annotate(
            ocop_stars=F("rating_stars"), ocop_certified_on=F("rating_certified_on")
        )
    current = current_certificate_subquery(on)
    return queryset.annotate(
        ocop_stars=Subquery(current.values("stars")[:1]),
        ocop_certified_on=Subquery(current.values("decision_date")[:1]),
    )


class OcopCertificate(models.Model):
    """One evaluation of a product by an OCOP council, as recorded in its decision.

    History is kept: a renewal is a new certificate, nothing is overwritten. Only
    programme officers create, renew or revoke certificates.
    """

    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("sản phẩm"),
    )
    score = models.DecimalField(
        _("điểm"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Tổng điểm trên thang 100."),
    )
    stars = models.PositiveSmallIntegerField(
        _("hạng sao"),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1–5 sao; chỉ 3 sao trở lên là sản phẩm OCOP được công nhận."),
    )
    level = models.CharField(_("cấp công nhận"), max_length=10, choices=IssuingLevel.choices)
    issuing_body = models.CharField(
        _("cơ quan ban hành"), max_length=200, help_text=_("Ví dụ: UBND thành phố Cần Thơ.")
    )
    decision_number = models.CharField(
        _("số quyết định"), max_length=60, help_text=_("Ví dụ: 3787/QĐ-UBND.")
    )
    decision_date = models.DateField(_("ngày quyết định"))
    expires_on = models.DateField(
        _("hết hiệu lực từ ngày"),
        blank=True,
        help_text=_("Ngày chứng nhận thôi có hiệu lực. Để trống: 36 tháng sau ngày quyết định."),
    )
    scan = models.FileField(
        _("bản quét quyết định"),
        upload_to="ocop/certificates/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["pdf", "jpg", "jpeg", "png"]), validate_scan_size],
    )
    revoked_on = models.DateField(_("ngày thu hồi"), null=True, blank=True)
    revocation_reason = models.CharField(_("lý do thu hồi"), max_length=255, blank=True)
    sale_during_renewal = models.BooleanField(
        _("cho bán khi chờ đánh giá lại"),
        default=False,
        help_text=_(
            "Khi chứng nhận này hết hiệu lực mà sản phẩm chưa được đánh giá lại: đánh dấu để "
            "sản phẩm vẫn được bán (không sao, không quảng bá OCOP). Để trống thì sản phẩm "
            "ngừng bán từ ngày hết hiệu lực."
        ),
    )
    renews = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="renewals",
        verbose_name=_("gia hạn từ chứng nhận"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("chứng nhận OCOP")
        verbose_name_plural = _("chứng nhận OCOP")
        ordering = ["-decision_date", "-pk"]
        indexes = [models.Index(fields=["product", "expires_on", "decision_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(stars__gte=1, stars__lte=5), name="ocop_certificate_stars_1_5"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0, score__lte=100), name="ocop_certificate_score_0_100"
            ),
        ]

    def __str__(self):
        return f"{self.decision_number} – {self.product} ({self.stars}★)"

    def save(self, *args, **kwargs):
        from .ratings import refresh_ratings

        if not self.expires_on and self.decision_date:
            self.expires_on = self.decision_date + relativedelta(months=VALIDITY_MONTHS)
        with transaction.atomic(using=kwargs.get("using")):
            super().save(*args, **kwargs)
            refresh_ratings({self.product_id, getattr(self, "_loaded_product_id", None)})
        self._loaded_product_id = self.product_id

    def delete(self, *args, **kwargs):
        from .ratings import refresh_ratings

        with transaction.atomic(using=kwargs.get("using")):
            deleted = super().delete(*args, **kwargs)
            refresh_ratings({self.product_id, getattr(self, "_loaded_product_id", None)})
        return deleted

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # A certificate moved to another product changes the rating of both.
        instance._loaded_product_id = instance.__dict__.get("product_id")
        return instance

    def clean(self):
        if self.score is not None and self.stars and stars_for_score(self.score) != self.stars:
            raise ValidationError(
                {
                    "stars": _("%(score)s điểm tương ứng %(stars)s sao theo thang điểm OCOP.")
                    % {"score": self.score, "stars": stars_for_score(self.score)}
                }
            )
        if self.expires_on and self.decision_date and self.expires_on <= self.decision_date:
            raise ValidationError({"expires_on": _("Ngày hết hiệu lực phải sau ngày quyết định.")})
        if self.revoked_on and not self.revocation_reason:
            raise ValidationError({"revocation_reason": _("Hãy ghi lý do thu hồi.")})

    def status(self, on: date | None = None):
        on = on or timezone.localdate()
        if self.revoked_on and self.revoked_on <= on:
            return CertificateStatus.REVOKED
        if on < self.decision_date:
            return CertificateStatus.PENDING
        if on >= self.expires_on:
            return CertificateStatus.EXPIRED
        return CertificateStatus.VALID

    @property
    def is_certified_ocop(self):
        return self.stars >= CERTIFIED_MIN_STARS

    @property
    def label(self):
        return star_label(self.stars)
