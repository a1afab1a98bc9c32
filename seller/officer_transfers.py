"""Officers' page for VietQR bank transfers: the orders waiting for their money, a
button to mark one received after checking the bank, and the bank statement import
that settles the orders it pays (``payments.providers.vietqr_statement``)."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from oscar.core.loading import get_model

from payments.providers import PaymentError, vietqr
from payments.providers.vietqr_statement import StatementError, settle_statement

from .access import OfficerRequiredMixin

Order = get_model("order", "Order")


class StatementForm(forms.Form):
    statement = forms.FileField(
        label=gettext_lazy("Sao kê ngân hàng (CSV)"),
        help_text=gettext_lazy(
            "Tệp CSV tải từ ngân hàng, có cột ngày, số tiền và nội dung chuyển khoản."
        ),
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
        error_messages={"required": gettext_lazy("Hãy chọn tệp sao kê.")},
    )


class TransfersView(OfficerRequiredMixin, View):
    def render(self, form=None, result=None, status=200):
        orders = list(vietqr.awaiting().select_related("user"))
        for order in orders:
            order.vietqr_reference = vietqr.reference_for(order.number)
            order.vietqr_deadline = vietqr.deadline(order)
        return render(
            self.request,
            "seller/officer/transfers.html",
            {"orders": orders, "form": form or StatementForm(), "result": result},
            status=status,
        )

    def get(self, request):
        return self.render()

    def post(self, request):
        if "order" in request.POST:
            return self.mark(request)
        form = StatementForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form, status=400)
        try:
            result = settle_statement(form.cleaned_data["statement"].read(), user=request.user)
        except StatementError as error:
            form.add_error("statement", str(error))
            return self.render(form, status=400)
        return self.render(StatementForm(), result)

    def mark(self, request):
        number = str(request.POST.get("order", ""))[:128]
        order = get_object_or_404(Order, number=number)
        try:
            settled = vietqr.mark_received(
                order, user=request.user, reference=f"can-bo:{request.user.pk}"
            )
        except PaymentError as error:
            messages.error(request, str(error))
            return redirect("seller:officer-transfers")
        if settled:
            messages.success(request, _("Đã ghi nhận chuyển khoản cho đơn %(n)s.") % {"n": number})
        else:
            messages.info(request, _("Đơn %(n)s đã được ghi nhận trước đó.") % {"n": number})
        return redirect("seller:officer-transfers")
