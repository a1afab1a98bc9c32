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

    def __str__(self):
        return f"{self.product} ({self.get_status_display()})"

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
