"""Card payments through Stripe PaymentIntents (see ``payments.intents``)."""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import intents, refunds, state, stripe_api
from .base import Outcome, PaymentError, Provider

# Stripe ids as Stripe.js (pm_) and localstripe's tokens (card_) give them.
PAYMENT_METHOD_ID = re.compile(r"^(pm|card)_[A-Za-z0-9]{6,64}$")


class CardProvider(Provider):
    code = "card"
    # Orders paid before providers existed carry the source type "stripe".
    aliases = ("stripe",)
    label = gettext_lazy("Thẻ ngân hàng / thẻ quốc tế (Visa, Mastercard)")
    # The card details are typed into Stripe.js, which posts to checkout:card-payment.
    uses_stripe_js = True
    payment_method_id = PAYMENT_METHOD_ID

    def is_available(self, total_vnd):
        return stripe_api.configured() and stripe_api.card_amount_allowed(total_vnd)

    def start(self, pending, request=None, data=None):
        payment_method = str((data or {}).get("payment_method", ""))
        if not self.payment_method_id.match(payment_method):
            return Outcome(error=_("Thông tin thẻ không hợp lệ."))
        return intents.authorise(pending, payment_method, request=request)

    def confirm(self, pending, request=None, data=None):
        return intents.finalise(pending, request=request)

    def capture(self, order):
        return intents.capture_order(order)

    def refund(self, order, amount, key, user=None):
        try:
            return refunds.refund(order, amount, key, user=user)
        except refunds.RefundRefused as error:
            raise PaymentError(str(error)) from error

    def cancel(self, order, user=None):
        intents.void(order)

    def shopper_summary(self, order):
        status = state.payment_of(order).status
        if status == state.Status.PAID:
            return _("Đã thanh toán bằng thẻ")
        if status == state.Status.CANCELLED:
            return _("Thẻ – đơn đã hủy, cửa hàng không thu tiền")
        return _("Thẻ – đang xác nhận thanh toán")

    def producer_summary(self, group):
        status = state.payment_of(group.order).status
        if status == state.Status.PAID:
            return _("Đã thanh toán bằng thẻ")
        if status == state.Status.CANCELLED:
            return _("Đơn đã hủy – không giao")
        return _("Chờ thanh toán – chưa giao hàng")
