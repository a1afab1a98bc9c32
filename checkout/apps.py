import oscar.apps.checkout.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class CheckoutConfig(apps.CheckoutConfig):
    name = "checkout"

    def ready(self):
        super().ready()
        self.card_payment_view = get_class("checkout.views", "CardPaymentView")
        self.tracking_view = get_class("checkout.tracking", "OrderTrackingView")
        self.order_link_view = get_class("checkout.order_link", "OrderLinkView")

    def get_urls(self):
        urls = super().get_urls()
        extra = [
            path("card/", self.card_payment_view.as_view(), name="card-payment"),
            path("tra-cuu-don-hang/", self.tracking_view.as_view(), name="track"),
            path("don-hang/<str:token>/", self.order_link_view.as_view(), name="order-link"),
        ]
        return urls + self.post_process_urls(extra)
