"""Oscar's order dashboard, scoped for producers, with refunds and per-producer delivery.

Oscar lets a partner user open any order holding one of its lines and then shows the
whole order; here a producer sees only its own lines, its own delivery group and the
address it ships to. Staff keep the full view and can refund card payments.
"""

import uuid

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic
from oscar.apps.dashboard.orders import views
from oscar.apps.dashboard.orders.views import *  # noqa: F401,F403
from oscar.core.loading import get_model

import params
from order.fulfilment import StepNotAllowed, update_fulfilment
from order.templatetags.order_groups import order_groups
from payments.refunds import RefundRefused, refund, refundable

Partner = get_model("partner", "Partner")
Order = get_model("order", "Order")
ORDER_NUMBER_LENGTH = Order._meta.get_field("number").max_length
# More fields than Django takes in one request (DATA_UPLOAD_MAX_NUMBER_FIELDS) never arrive.
MAX_LINES = 1000
FulfilmentGroup = get_model("order", "FulfilmentGroup")


def is_producer_view(user):
    return not user.is_staff


class RefundForm(forms.Form):
    amount = forms.IntegerField(label=gettext_lazy("Số tiền hoàn (₫)"), min_value=1)
    # Rendered once per page: submitting the same form twice refunds once.
    key = forms.UUIDField(widget=forms.HiddenInput)


class FulfilmentForm(forms.ModelForm):
    class Meta:
        model = FulfilmentGroup
        fields = ["status", "carrier", "tracking_number"]


class OrderListView(views.OrderListView):
    def get(self, request, *args, **kwargs):
        # Oscar looks the raw ``order_number`` up before its search form has checked it,
        # so a NUL byte (refused by PostgreSQL) was a server error. The same shortcut to
        # the order's page, on the strictly read number; the list itself filters through
        # Oscar's form, which refuses what it cannot use.
        if params.choice(request.GET, "response_format", {"html", "csv"}, "html") == "html":
            number = params.text(request.GET, "order_number", max_length=ORDER_NUMBER_LENGTH)
            order = self.base_queryset.filter(number=number).first() if number else None
            if order is not None:
                return redirect("dashboard:order-detail", number=order.number)
        return super(views.OrderListView, self).get(request, *args, **kwargs)

    def get_selected_ids(self, request):
        # Oscar filters on the ticked ids as posted: one that is not a number was a 500.
        if params.text(request.POST, self.select_across_param) == "1":
            return super().get_selected_ids(request)
        ticked = params.integers(
            request.POST, f"selected_{self.get_checkbox_object_name()}", limit=self.paginate_by
        )
        return list(self.get_queryset().filter(pk__in=ticked).values_list("pk", flat=True))


class OrderDetailView(views.OrderDetailView):
    def handle_line_action(self, request, order, action):
        # Oscar filters on the ticked line ids and reads each one's quantity with int()
        # as posted: an id that is not a number, or a missing quantity, was a 500.
        ticked = params.integers(request.POST, "selected_line", limit=MAX_LINES)
        if len(ticked) != params.count(request.POST, "selected_line") or any(
            params.integer(request.POST, f"selected_line_qty_{pk}") is None for pk in ticked
        ):
            return self.reload_page(error=_("Dòng hàng hoặc số lượng đã chọn không hợp lệ."))
        return super().handle_line_action(request, order, action)

    def get_order_lines(self):
        lines = super().get_order_lines()
        if is_producer_view(self.request.user):
            return lines.filter(partner__users=self.request.user)
        return lines

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        producer = is_producer_view(user)
        ctx["producer_view"] = producer
        groups = order_groups(self.object)
        if producer:
            mine = set(Partner.objects.filter(users=user).values_list("pk", flat=True))
            groups = [(g, lines) for g, lines in groups if g.partner_id in mine]
        ctx["fulfilment_groups"] = [
            (g, lines, FulfilmentForm(instance=g, prefix=f"g{g.pk}")) for g, lines in groups
        ]
        source, available = refundable(self.object)
        if not producer and source is not None:
            ctx["refund_form"] = RefundForm(initial={"amount": int(available), "key": uuid.uuid4()})
            ctx["refundable"] = available
        return ctx


def _order_for(request, number):
    order = views.queryset_orders_for_user(request.user).filter(number=number).first()
    if order is None:
        raise Http404
    return order


class OrderRefundView(generic.View):
    """Staff only: a full or partial refund of the order's card payment."""

    def post(self, request, number):
        if not request.user.is_staff:
            raise Http404
        order = _order_for(request, number)
        form = RefundForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Số tiền hoàn không hợp lệ."))
        else:
            try:
                refund(
                    order, form.cleaned_data["amount"], form.cleaned_data["key"], user=request.user
                )
            except RefundRefused as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(request, _("Đã hoàn tiền."))
        return redirect("dashboard:order-detail", number=order.number)


class FulfilmentUpdateView(generic.View):
    """A producer (or staff) moves its delivery group along: packed, shipped, delivered."""

    def post(self, request, number, group_id):
        order = _order_for(request, number)
        groups = FulfilmentGroup.objects.filter(order=order)
        if is_producer_view(request.user):
            groups = groups.filter(partner__users=request.user)
        group = get_object_or_404(groups, pk=group_id)
        form = FulfilmentForm(request.POST, instance=group, prefix=f"g{group.pk}")
        if not form.is_valid():
            messages.error(request, _("Thông tin giao hàng không hợp lệ."))
            return redirect("dashboard:order-detail", number=order.number)
        data = form.cleaned_data
        try:
            update_fulfilment(
                group, data["status"], data["carrier"], data["tracking_number"], request=request
            )
        except StepNotAllowed:
            messages.error(request, _("Không thể chuyển phần đơn này về bước trước."))
        else:
            messages.success(
                request, _("Đã cập nhật giao hàng của %(name)s.") % {"name": group.partner.name}
            )
        return redirect("dashboard:order-detail", number=order.number)
