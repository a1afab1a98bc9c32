import oscar.apps.checkout.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class CheckoutConfig(apps.CheckoutConfig):
    name = "checkout"

    def ready(self):
        super().ready()
        self.card_payment_view = get_class("checkout.views", "CardPaymentView")
        self.tracking_view = get_class("checkout.tracking", "OrderTrackingView")

    def get_urls(self):
        urls = super().get_urls()
        extra = [
            path("card/", self.card_payment_view.as_view(), name="card-payment"),
            path("tra-cuu-don-hang/", self.tracking_view.as_view(), name="track"),
        ]
        return urls + self.post_process_urls(extra)
