"""Order tracking for guests: order number and email, nothing more, nothing less.

The pair is sent in a POST body only: in a query string the shopper's email would land in
access logs, browser history and Referer headers. Failed lookups are limited per client
address (one guesser) and per order number (many addresses guessing one order's email);
once either limit is reached, lookups stop for the rest of the window, right or wrong.
"""

import hashlib
import time

from django import forms
from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic
from oscar.core.loading import get_model

from order.templatetags.order_groups import order_groups
from seller.security import client_address

Order = get_model("order", "Order")

# Failed lookups allowed per window, per client address and per order number: enough for
# typos, too few to guess. The window runs from the first failure and does not grow.
MAX_FAILURES = 10
WINDOW_SECONDS = 15 * 60


class TrackingForm(forms.Form):
    order_number = forms.CharField(label=gettext_lazy("Mã đơn hàng"), max_length=128)
    email = forms.EmailField(label=gettext_lazy("Email đã dùng khi đặt hàng"))


def normalise_number(number):
    return number.strip().lstrip("#").strip()


def find_order(number, email):
    order = (
        Order.objects.filter(number=normalise_number(number))
        .select_related("shipping_address", "user")
        .first()
    )
    if order is None:
        return None
    owner_email = order.guest_email or (order.user.email if order.user else "")
    return order if owner_email.strip().lower() == email.strip().lower() else None


def failure_keys(request, number):
    """The counters a failed lookup adds to: this client's and this order number's.
    Hashed, since both are typed or sent by the visitor and cache keys must stay short
    and plain."""
    parts = (("address", client_address(request)), ("number", normalise_number(number).upper()))
    return [
        f"order-tracking-failures:{kind}:" + hashlib.sha256(value.encode()).hexdigest()
        for kind, value in parts
    ]


def is_limited(keys):
    now = time.time()
    values = cache.get_many(keys + [key + ":since" for key in keys])
    return any(
        values.get(key, 0) >= MAX_FAILURES and now < values.get(key + ":since", 0) + WINDOW_SECONDS
        for key in keys
    )


def count_failure(keys):
    # The window's start is kept beside the count and compared with the site's clock,
    # not left to the cache's expiry alone: the window then ends at the same moment on
    # every cache backend (and under a test's clock). The expiry only clears old keys.
    now = time.time()
    for key in keys:
        since = cache.get(key + ":since")
        if since is None or now >= since + WINDOW_SECONDS:
            cache.set_many({key + ":since": now, key: 0}, WINDOW_SECONDS)
        try:
            cache.incr(key)  # atomic, so parallel guesses are all counted
        except ValueError:  # the count expired between the two calls
            cache.set(key, 1, WINDOW_SECONDS)


class OrderTrackingView(generic.FormView):
    template_name = "oscar/customer/order_tracking.html"
    form_class = TrackingForm
    # GET shows the empty form whatever its query string holds.
    http_method_names = ["get", "post", "head", "options"]

    def form_valid(self, form):
        keys = failure_keys(self.request, form.cleaned_data["order_number"])
        if is_limited(keys):
            form.add_error(
                None,
                _(
                    "Đã có quá nhiều lần tra cứu không đúng. Để bảo vệ đơn hàng, việc tra cứu "
                    "tạm dừng 15 phút; vui lòng thử lại sau."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        order = find_order(form.cleaned_data["order_number"], form.cleaned_data["email"])
        if order is None:
            count_failure(keys)
            # One message whether the number or the email is wrong: nothing to enumerate.
            form.add_error(None, _("Không tìm thấy đơn hàng với mã và email này."))
            return self.render_to_response(self.get_context_data(form=form), status=404)
        return self.render_to_response(self.get_context_data(form=form, order=order))

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        order = ctx.get("order")
        if order is not None:
            ctx["groups"] = order_groups(order)
        return ctx
