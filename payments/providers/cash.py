"""Cash on delivery: the order is placed at once; each producer's courier collects."""

from decimal import Decimal as D

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from order.placement import CannotPlace, place_order

from .. import state
from ..orders import announce
from .base import Outcome, PaymentError, Provider

Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
PaymentEvent = get_model("order", "PaymentEvent")


def group_amount(group):
    """What the courier collects for ``group``: its lines and its delivery fee."""
    lines = sum((line.line_price_incl_tax for line in group.lines), D("0"))
    return lines + (group.shipping_charge or D("0"))


class CashOnDeliveryProvider(Provider):
    code = "cod"
    label = gettext_lazy("Thanh toán khi nhận hàng (tiền mặt)")

    def accepts(self, basket):
        # A courier collects cash on delivery: only when something is delivered.
        return basket is None or basket.is_shipping_required()

    def start(self, pending, request=None, data=None):
        try:
            order, _created = place_order(pending, request=request, notify=False)
        except CannotPlace as refusal:
            return Outcome(error=str(refusal))
        self.record(order)
        announce(order, request)
        return Outcome(order=order)

    def record(self, order):
        """The order's payment source (nothing taken yet, the total to collect) and its
        state: paid to each producer's courier on delivery."""
        source_type, _created = SourceType.objects.get_or_create(
            code=self.code, defaults={"name": "Thanh toán khi nhận hàng"}
        )
        Source.objects.get_or_create(
            order=order,
            source_type=source_type,
            defaults={"currency": order.currency, "amount_allocated": order.total_incl_tax},
        )
        state.opened(order, self.code, state.Status.ON_DELIVERY)

    def refund(self, order, amount, key, user=None):
        """Money handed back by the producer or an officer: recorded, once per ``key``."""
        reference = f"cash-refund:{key}"
        amount = D(amount).quantize(D("1"))
        paid = state.summary(order)
        if PaymentEvent.objects.filter(order=order, reference=reference).exists():
            return reference
        if amount <= 0 or amount > paid.captured - paid.refunded:
            raise PaymentError(
                _("Số tiền hoàn phải từ 1 ₫ đến %(max)s.")
                % {"max": currency(max(paid.captured - paid.refunded, D("0")))}
            )
        note = _("Hoàn tiền mặt %(amount)s cho người mua.") % {"amount": currency(amount)}
        state.record_refund(order, amount, reference, note, user=user)
        return reference

    def shopper_summary(self, order):
        return _("Thanh toán khi nhận hàng")

    def producer_summary(self, group):
        return _("Thu hộ khi giao: %(amount)s") % {"amount": currency(group_amount(group))}
