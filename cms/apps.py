from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Nội dung trang")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import image_renditions
        from .site_domain import sync_site_from_settings

        image_renditions.connect()

        # After the last app's migrations (wagtailcore's site table exists by then).
        post_migrate.connect(sync_site_from_settings, dispatch_uid="cms.sync_site")
