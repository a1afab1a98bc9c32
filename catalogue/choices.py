from django.db import models
from django.utils.translation import gettext_lazy as _


class IssuingLevel(models.TextChoices):
    """Who issued an OCOP certificate. Districts issued 3★ until July 2025; their
    decisions stay on record as historical facts."""

    CENTRAL = "central", _("Trung ương")
    CITY = "city", _("Tỉnh/thành phố")
    DISTRICT = "district", _("Quận/huyện (trước 7/2025)")


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Còn hiệu lực")
    PENDING = "pending", _("Chưa có hiệu lực")
    EXPIRED = "expired", _("Hết hiệu lực")
    REVOKED = "revoked", _("Bị thu hồi")
