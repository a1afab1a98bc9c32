"""Order tracking for guests: order number and email, nothing more, nothing less."""

from django import forms
from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic
from oscar.core.loading import get_model

from order.templatetags.order_groups import order_groups

Order = get_model("order", "Order")

# Failed lookups allowed per address and window: enough for typos, too few to guess.
MAX_FAILURES = 10
WINDOW_SECONDS = 15 * 60


class TrackingForm(forms.Form):
    order_number = forms.CharField(label=gettext_lazy("Mã đơn hàng"), max_length=128)
    email = forms.EmailField(label=gettext_lazy("Email đã dùng khi đặt hàng"))


def find_order(number, email):
    order = (
        Order.objects.filter(number=number.strip().lstrip("#"))
        .select_related("shipping_address", "user")
        .first()
    )
    if order is None:
        return None
    owner_email = order.guest_email or (order.user.email if order.user else "")
    return order if owner_email.strip().lower() == email.strip().lower() else None


class OrderTrackingView(generic.FormView):
    template_name = "oscar/customer/order_tracking.html"
    form_class = TrackingForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.method == "GET" and "order_number" in self.request.GET:
            kwargs["data"] = self.request.GET
        return kwargs

    def get(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_bound:
            return self.form_valid(form) if form.is_valid() else self.form_invalid(form)
        return self.render_to_response(self.get_context_data(form=form))

    def _limit_key(self):
        return "order-tracking-failures:" + self.request.META.get("REMOTE_ADDR", "")

    def form_valid(self, form):
        key = self._limit_key()
        if cache.get(key, 0) >= MAX_FAILURES:
            form.add_error(None, _("Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau 15 phút."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        order = find_order(form.cleaned_data["order_number"], form.cleaned_data["email"])
        if order is None:
            cache.add(key, 0, WINDOW_SECONDS)
            cache.incr(key)
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
