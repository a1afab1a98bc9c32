"""A producer's part of each order (``order.FulfilmentGroup``): only its own lines, the
delivery address it needs, the steps new → packed → shipped → delivered, how the group
is paid, what was refunded, and cancelling before shipping."""

from django import forms
from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from oscar.core.loading import get_model

from order.cancelling import CannotCancel, cancel_group
from order.fulfilment import ON_SHELF, AwaitingPayment, StepNotAllowed, update_fulfilment
from order.templatetags.order_groups import group_refunds
from payments import state as payment_state
from payments.providers import provider_for
from payments.providers.base import PaymentError

from .access import SellerRequiredMixin

FulfilmentGroup = get_model("order", "FulfilmentGroup")
Line = get_model("order", "Line")
Status = FulfilmentGroup.Status

# The producer's own steps forward: a subset of FulfilmentGroup.can_move_to. Cancelling
# has its own button and path (order.cancelling), which also settles the money.
NEXT_STEPS = {
    Status.NEW: [Status.PACKED, Status.SHIPPED],
    Status.PACKED: [Status.SHIPPED],
    Status.SHIPPED: [Status.DELIVERED],
}


def groups_of(user):
    return (
        FulfilmentGroup.objects.filter(partner__users=user)
        .select_related("order", "order__shipping_address", "partner")
        .order_by("-order__date_placed")
    )


def group_or_404(user, pk):
    group = groups_of(user).filter(pk=pk).first()
    if group is None:
        raise Http404
    return group


def payment_summary(group):
    """How the group is paid, in the provider's words ("Thu hộ khi giao: 150.000 ₫" …)."""
    try:
        return provider_for(group.order).producer_summary(group)
    except LookupError:  # an order from before payment providers, or none recorded
        return ""


class StepForm(forms.Form):
    status = forms.ChoiceField(choices=Status.choices)
    carrier = forms.CharField(
        label=gettext_lazy("Đơn vị vận chuyển"), max_length=100, required=False
    )
    tracking_number = forms.CharField(
        label=gettext_lazy("Mã vận đơn"), max_length=100, required=False
    )

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.group = group

    def clean(self):
        data = super().clean()
        status = data.get("status")
        if status and status not in NEXT_STEPS.get(self.group.status, []):
            raise forms.ValidationError(_("Không thể chuyển sang bước này."))
        if status == Status.SHIPPED and not data.get("carrier", "").strip():
            self.add_error("carrier", _("Hãy ghi đơn vị vận chuyển."))
        return data


class OrderListView(SellerRequiredMixin, View):
    def get(self, request):
        groups = (
            groups_of(request.user)
            .annotate(payment_pending=payment_state.pending_filter())
            .prefetch_related(
                Prefetch("order__lines", queryset=Line.objects.filter(partner__users=request.user))
            )
        )
        to_ship = [g for g in groups if g.status in ON_SHELF and not g.is_closed]
        others = [g for g in groups if g not in to_ship][:50]
        return render(request, "seller/orders.html", {"to_ship": to_ship, "others": others})


class OrderDetailView(SellerRequiredMixin, View):
    def render(self, group, form, status=200):
        return render(
            self.request,
            "seller/order_detail.html",
            {
                "group": group,
                "order": group.order,
                "lines": group.order.lines.filter(partner=group.partner),
                "next_steps": [(s, Status(s).label) for s in NEXT_STEPS.get(group.status, [])],
                "form": form,
                "payment": payment_summary(group),
                "refunded": group_refunds(group),
                "can_cancel": group.status in ON_SHELF and not group.is_closed,
            },
            status=status,
        )

    def get(self, request, pk):
        group = group_or_404(request.user, pk)
        return self.render(group, StepForm(group=group))

    def post(self, request, pk):
        if "cancel" in request.POST:
            return self.cancel(request, group_or_404(request.user, pk))
        return self.step(request, pk)

    def cancel(self, request, group):
        """The producer cannot supply its part: cancel it before it ships."""
        try:
            group = cancel_group(group, provider=provider_for(group.order), user=request.user)
        except (CannotCancel, PaymentError, LookupError) as refusal:
            messages.error(request, str(refusal) or _("Không hủy được phần đơn này."))
        else:
            messages.success(
                request,
                _("Đã hủy phần đơn %(n)s và báo cho người mua.") % {"n": group.order.number},
            )
        return redirect("seller:order-detail", pk=group.pk)

    def step(self, request, pk):
        group = group_or_404(request.user, pk)
        form = StepForm(request.POST, group=group)
        if not form.is_valid():
            return self.render(group, form, status=400)
        status = form.cleaned_data["status"]
        shipped = status == Status.SHIPPED
        try:
            group, _changed = update_fulfilment(
                group,
                status,
                carrier=form.cleaned_data["carrier"] if shipped else None,
                tracking_number=form.cleaned_data["tracking_number"] if shipped else None,
                request=request,
            )
        except StepNotAllowed:  # another tab moved it on since the form was shown
            return redirect("seller:order-detail", pk=group.pk)
        except AwaitingPayment as refusal:
            messages.error(request, str(refusal))
            return redirect("seller:order-detail", pk=group.pk)
        messages.success(
            request,
            _("Đơn %(n)s: %(s)s.") % {"n": group.order.number, "s": group.get_status_display()},
        )
        return redirect("seller:order-detail", pk=group.pk)
