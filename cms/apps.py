from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Nội dung trang")
    default_auto_field = "django.db.models.BigAutoField"
