"""The audit trail: who changed a price, stock, certificate or approval, when, and from
what to what.

Entries are written where the change happens (the seller area, the certificate views
in the Wagtail admin, the officers' approvals), never derived afterwards, because only
there is the person who made the change known. Values are kept as display text so an
entry still reads correctly after the product or certificate is gone.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditKind(models.TextChoices):
    PRICE = "price", _("Giá")
    STOCK = "stock", _("Tồn kho")
    AVAILABILITY = "availability", _("Đang bán")
    CERTIFICATE = "certificate", _("Chứng nhận OCOP")
    APPROVAL = "approval", _("Duyệt sản phẩm")
    PRODUCT = "product", _("Sản phẩm mới")


class AuditEntryQuerySet(models.QuerySet):
    def for_display(self):
        return self.select_related("actor", "product", "partner")


class AuditEntry(models.Model):
    at = models.DateTimeField(_("lúc"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thay đổi"),
    )
    kind = models.CharField(_("loại"), max_length=20, choices=AuditKind.choices, db_index=True)
    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sản phẩm"),
    )
    partner = models.ForeignKey(
        "partner.Partner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chủ thể"),
    )
    subject = models.CharField(_("đối tượng"), max_length=255)
    old_value = models.CharField(_("giá trị cũ"), max_length=255, blank=True)
    new_value = models.CharField(_("giá trị mới"), max_length=255, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("thay đổi")
        verbose_name_plural = _("nhật ký thay đổi")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.subject} ({self.old_value} → {self.new_value})"
