"""The basket page drops lines whose product stopped being for sale, and says so.

Adding is refused by the shop's strategy (``partner.strategy``); this covers what was
already in a basket when a product was withdrawn, a certificate expired overnight or was
revoked: the shopper sees the basket without it before any payment is asked for."""

from django.contrib import messages
from django.utils.translation import gettext as _
from oscar.apps.basket import views as oscar_views

from catalogue.availability import drop_unsellable

from .groups import producer_groups


def tell_dropped(request, titles):
    for title in titles:
        messages.warning(
            request,
            _("“%(title)s” không còn được bán nên đã được bỏ khỏi giỏ hàng.") % {"title": title},
        )


class BasketView(oscar_views.BasketView):
    def get(self, request, *args, **kwargs):
        tell_dropped(request, drop_unsellable(request.basket))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["producer_groups"] = groups = producer_groups(None, forms=ctx["formset"].forms)
        ctx["delivery_count"] = sum(1 for group in groups if group.ships)
        return ctx
