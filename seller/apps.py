from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SellerConfig(AppConfig):
    name = "seller"
    verbose_name = _("Khu người bán")
    default_auto_field = "django.db.models.BigAutoField"
