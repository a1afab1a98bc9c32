from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VillagesConfig(AppConfig):
    name = "villages"
    verbose_name = _("Làng du lịch")
    default_auto_field = "django.db.models.BigAutoField"
