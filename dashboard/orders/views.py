"""Oscar's order dashboard, for staff, with refunds and per-producer delivery.

Producers work in the seller area (``seller.orders``), never here: Oscar would show a
partner user the whole of any order holding one of its lines, so every view of this app
is staff-only (``apps.py``). Staff see the whole order, refund chosen lines and delivery fees
(``order.refunds``) and cancel groups before they ship (``order.cancelling``). The
order's status follows its groups (``order.status``): it is not changed by hand here.
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
from oscar.templatetags.currency_filters import currency

import params
from order.cancelling import CannotCancel, cancel_group, cancel_order
from order.fulfilment import AwaitingPayment, StepNotAllowed, update_fulfilment
from order.refunds import AlreadyRefunded, RefundRefused, refund, refundable, refunds_of
from order.templatetags.order_groups import order_groups
from payments.providers import provider_for
from payments.providers.base import PaymentError

Order = get_model("order", "Order")
ORDER_NUMBER_LENGTH = Order._meta.get_field("number").max_length
# More fields than Django takes in one request (DATA_UPLOAD_MAX_NUMBER_FIELDS) never arrive.
MAX_LINES = 1000
FulfilmentGroup = get_model("order", "FulfilmentGroup")


class RefundForm(forms.Form):
    """Units per line and delivery fees to give back; starts empty, never prefilled.

    ``key`` is drawn once per rendered page: submitting, reloading or re-opening that
    page refunds at most once (``order.refunds.refund`` keeps the key unique).
    """

    key = forms.UUIDField(widget=forms.HiddenInput)
    restock = forms.BooleanField(
        label=gettext_lazy("Trả sản phẩm về kho để bán lại"), required=False
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = groups
        for left in groups:
            for x in left.lines:
                # No max_value: what is left is checked under the lock by the service,
                # which also recognises a resubmitted form before judging its numbers.
                self.fields[f"line_{x.line.pk}"] = forms.IntegerField(
                    label=x.line.title, min_value=0, required=False
                )
            if left.fee > 0:
                self.fields[f"fee_{left.group.pk}"] = forms.BooleanField(
                    label=gettext_lazy("Phí giao hàng"), required=False
                )

    def rows(self):
        """[(group left, [(line left, its field)], fee field or None)] for the template."""
        return [
            (
                left,
                [(x, self[f"line_{x.line.pk}"]) for x in left.lines],
                self[f"fee_{left.group.pk}"] if f"fee_{left.group.pk}" in self.fields else None,
            )
            for left in self.groups
        ]

    def quantities(self):
        return {
            int(name[5:]): value
            for name, value in self.cleaned_data.items()
            if name.startswith("line_") and value
        }

    def fees(self):
        return [
            int(name[4:])
            for name, value in self.cleaned_data.items()
            if name.startswith("fee_") and value
        ]


class FulfilmentForm(forms.ModelForm):
    class Meta:
        model = FulfilmentGroup
        fields = ["status", "carrier", "tracking_number"]


STATUS_BY_GROUPS = gettext_lazy(
    "Trạng thái đơn đi theo các phần đơn của cơ sở; hãy cập nhật từng phần đơn."
)


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

    def change_order_statuses(self, request, orders):
        messages.error(request, STATUS_BY_GROUPS)
        return redirect("dashboard:order-list")


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

    def change_order_status(self, request, order):
        messages.error(request, STATUS_BY_GROUPS)
        return self.reload_page()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["fulfilment_groups"] = [
            (g, lines, FulfilmentForm(instance=g, prefix=f"g{g.pk}"))
            for g, lines in order_groups(self.object)
        ]
        ctx["order_status_form"] = None  # the status follows the groups
        ctx["refund_form"] = RefundForm(
            groups=refundable(self.object), initial={"key": uuid.uuid4()}
        )
        ctx["refunds"] = refunds_of(self.object)
        ctx["payment_summary"] = provider_summary(self.object)
        return ctx


def provider_summary(order):
    try:
        return provider_for(order).shopper_summary(order)
    except LookupError:
        return ""


def _order_for(request, number):
    order = views.queryset_orders_for_user(request.user).filter(number=number).first()
    if order is None:
        raise Http404
    return order


class OrderRefundView(generic.View):
    """Staff only: give back chosen lines and delivery fees, once per rendered form."""

    def post(self, request, number):
        if not request.user.is_staff:
            raise Http404
        order = _order_for(request, number)
        form = RefundForm(request.POST, groups=refundable(order))
        if not form.is_valid():
            messages.error(request, _("Số lượng hoàn không hợp lệ; chưa hoàn gì."))
            return redirect("dashboard:order-detail", number=order.number)
        try:
            record = refund(
                order,
                form.cleaned_data["key"],
                form.quantities(),
                form.fees(),
                provider=provider_for(order),
                restock=form.cleaned_data["restock"],
                user=request.user,
            )
        except AlreadyRefunded as done:
            messages.info(request, str(done))
        except (RefundRefused, PaymentError, LookupError) as refusal:
            messages.error(request, str(refusal) or _("Không hoàn được tiền."))
        else:
            messages.success(
                request,
                _("Đã hoàn %(amount)s.") % {"amount": currency(record.amount)},
            )
        return redirect("dashboard:order-detail", number=order.number)


class OrderCancelView(generic.View):
    """Staff only: cancel one producer's group, or the whole order, before shipping."""

    def post(self, request, number):
        if not request.user.is_staff:
            raise Http404
        order = _order_for(request, number)
        whole_order = params.text(request.POST, "group") == "all"
        group_id = params.integer(request.POST, "group")
        try:
            provider = provider_for(order)
            if whole_order:
                cancel_order(order, provider=provider, user=request.user)
            else:
                groups = FulfilmentGroup.objects.filter(order=order)
                group = groups.filter(pk=group_id).first() if group_id is not None else None
                if group is None:
                    raise Http404
                cancel_group(group, provider=provider, user=request.user)
        except (CannotCancel, RefundRefused, PaymentError, LookupError) as refusal:
            messages.error(request, str(refusal) or _("Không hủy được."))
        else:
            messages.success(request, _("Đã hủy và báo cho người mua."))
        return redirect("dashboard:order-detail", number=order.number)


class FulfilmentUpdateView(generic.View):
    """Staff move a producer's delivery group along: packed, shipped, delivered."""

    def post(self, request, number, group_id):
        order = _order_for(request, number)
        group = get_object_or_404(FulfilmentGroup.objects.filter(order=order), pk=group_id)
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
        except AwaitingPayment as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request, _("Đã cập nhật giao hàng của %(name)s.") % {"name": group.partner.name}
            )
        return redirect("dashboard:order-detail", number=order.number)
