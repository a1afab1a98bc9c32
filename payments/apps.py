from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "payments"
    verbose_name = _("Thanh toán thẻ (Stripe)")
    default_auto_field = "django.db.models.BigAutoField"
