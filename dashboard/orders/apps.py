import oscar.apps.dashboard.orders.apps as apps
from django.urls import path


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    name = "dashboard.orders"

    def ready(self):
        super().ready()
        # Oscar resolves "dashboard.orders.views" through the unforked dashboard app, so
        # the forked views are wired here directly.
        from . import views

        self.order_list_view = views.OrderListView
        self.order_detail_view = views.OrderDetailView
        self.refund_view = views.OrderRefundView
        self.cancel_view = views.OrderCancelView
        self.fulfilment_view = views.FulfilmentUpdateView
        # Staff only, every view: Oscar opens its order list and detail to partner users
        # (partner.dashboard_access) and shows them whole orders; producers use the
        # seller area instead.
        for name in (*self.permissions_map, "order-refund", "order-cancel", "order-fulfilment"):
            self.permissions_map[name] = (["is_staff"],)

    def get_urls(self):
        extra = [
            path("<str:number>/hoan-tien/", self.refund_view.as_view(), name="order-refund"),
            path("<str:number>/huy/", self.cancel_view.as_view(), name="order-cancel"),
            path(
                "<str:number>/giao-hang/<int:group_id>/",
                self.fulfilment_view.as_view(),
                name="order-fulfilment",
            ),
        ]
        # Before Oscar's own patterns, whose "<number>/…" routes would shadow these.
        return self.post_process_urls(extra) + super().get_urls()
