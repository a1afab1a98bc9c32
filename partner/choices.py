from django.db import models
from django.utils.translation import gettext_lazy as _


class ProducerKind(models.TextChoices):
    """The legal forms an OCOP producer ("chủ thể OCOP") takes."""

    COOPERATIVE = "htx", _("Hợp tác xã (HTX)")
    COOPERATIVE_GROUP = "tht", _("Tổ hợp tác (THT)")
    ENTERPRISE = "dn", _("Doanh nghiệp")
    HOUSEHOLD = "hkd", _("Hộ kinh doanh")
