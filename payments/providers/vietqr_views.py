"""The shopper's VietQR page: the code to scan, the same details written out to copy,
and whether the transfer has arrived. Reached by the order's signed link (as Oscar's
guest order page), so guests and signed-in shoppers alike can come back to it."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils import translation
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from order.links import order_path
from order.placement import whole_dong

from . import vietqr

Order = get_model("order", "Order")


def pay(request, number, hash):
    order = get_object_or_404(Order, number=number)
    if not order.check_verification_hash(hash) or vietqr.source_of(order) is None:
        raise Http404
    bank = vietqr.account()
    paid, cancelled = vietqr.is_paid(order), vietqr.is_cancelled(order)
    waiting = not (paid or cancelled) and bank is not None
    return render(
        request,
        "payments/vietqr/pay.html",
        {
            "order": order,
            "bank": bank,
            "paid": paid,
            "cancelled": cancelled,
            "waiting": waiting,
            "qr_svg": vietqr.qr_svg(vietqr.payload(order, bank)) if waiting else "",
            "amount": whole_dong(order.total_incl_tax),
            "amount_text": currency(order.total_incl_tax),
            "reference": vietqr.reference_for(order.number),
            "deadline": vietqr.deadline(order),
            "status_path": order_path(order, translation.get_language()),
        },
    )


app_name = "vietqr"
urlpatterns = [path("<str:number>/<str:hash>/", pay, name="pay")]
