from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UploadsConfig(AppConfig):
    """Uploaded files: what they must be, how they are stored and how they are served."""

    name = "uploads"
    verbose_name = _("Tệp tải lên")

    def ready(self):
        from . import stored

        stored.connect()
