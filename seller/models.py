"""What the seller area adds to Oscar: a product's approval and on-sale switch, and the
record of certificate reminders already sent.

``Product.is_public`` stays the one gate the public catalogue reads; a listing decides
it: public = approved by an officer *and* put on sale by its producer. Products with no
listing (recorded by officers, or loaded as data) keep whatever ``is_public`` says.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ListingStatus(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Chưa được duyệt")


class Listing(models.Model):
    """A producer's product as the programme sees it: approved or not, on sale or not."""

    product = models.OneToOneField(
        "catalogue.Product", on_delete=models.CASCADE, related_name="listing"
    )
    status = models.CharField(
        _("trạng thái duyệt"),
        max_length=10,
        choices=ListingStatus.choices,
        default=ListingStatus.PENDING,
        db_index=True,
    )
    on_sale = models.BooleanField(_("đang bán"), default=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(
        _("ghi chú của cán bộ"),
        max_length=500,
        blank=True,
        help_text=_("Lý do khi chưa duyệt; chủ thể thấy ghi chú này."),
    )

    class Meta:
        verbose_name = _("đăng bán sản phẩm")
        verbose_name_plural = _("đăng bán sản phẩm")
        permissions = [
            ("approve_listing", _("Duyệt sản phẩm của chủ thể")),
            ("invite_seller", _("Mời tài khoản cho chủ thể")),
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._sale_saved = (self.__dict__.get("status"), self.__dict__.get("on_sale"))

    def __str__(self):
        return f"{self.product} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # After the post_save receivers, which ask ``sale_changed``.
        self._sale_saved = (self.status, self.on_sale)

    def sale_changed(self, created):
        """Whether the save being made changed what is listed: the approval or the "on
        sale" switch (the seller area saves the listing with every edit, stock included).
        A listing first recorded for a product sold before the seller area existed
        (approved, on sale if public) changes nothing."""
        if created:
            before = (ListingStatus.APPROVED, self.product.is_public)
        else:
            before = self._sale_saved
        return before != (self.status, self.on_sale)

    @property
    def is_approved(self):
        return self.status == ListingStatus.APPROVED

    def public_state(self):
        return self.is_approved and self.on_sale


class ReminderKind(models.TextChoices):
    EXPIRY_30_DAYS = "expiry-30d", _("Sắp hết hiệu lực (30 ngày)")


class CertificateReminder(models.Model):
    """A reminder already sent for a certificate; the unique pair makes sending idempotent."""

    certificate = models.ForeignKey(
        "catalogue.OcopCertificate", on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.TextField(blank=True)

    class Meta:
        verbose_name = _("nhắc hạn chứng nhận")
        verbose_name_plural = _("nhắc hạn chứng nhận")
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "kind"], name="one_reminder_per_certificate_and_kind"
            )
        ]

    def __str__(self):
        return f"{self.certificate} – {self.get_kind_display()}"
