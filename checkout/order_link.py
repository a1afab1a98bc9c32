"""A guest's order page opened from an email link (``order.links.order_url``)."""

from django.http import Http404
from django.views import generic
from oscar.core.loading import get_model

from order.links import order_for_token
from order.templatetags.order_groups import order_groups

Order = get_model("order", "Order")


class OrderLinkView(generic.TemplateView):
    template_name = "oscar/customer/order_tracking.html"

    def get_context_data(self, **kwargs):
        number = order_for_token(kwargs["token"])
        order = Order.objects.filter(number=number).first() if number else None
        if order is None:
            raise Http404
        ctx = super().get_context_data(**kwargs)
        ctx.update(order=order, groups=order_groups(order), opened_by_link=True)
        return ctx
