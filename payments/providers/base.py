"""What every way of paying offers the checkout, the order pages and the officers.

A provider is one payment method ("card", "cod", "vietqr"): the checkout lists the
available ones, starts and confirms payments through them, and the rest of the shop
captures, refunds and cancels through the provider of the order (``provider_for``),
never by testing the method's name.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass
class Outcome:
    """What the checkout tells the browser."""

    order: "object | None" = None  # placed order → thank-you page
    client_secret: str = ""  # card: the 3-D Secure step in Stripe.js
    redirect_url: str = ""  # provider-specific next page (VietQR: the QR / waiting page)
    error: str = ""  # message for the shopper, true to what happened


class PaymentError(Exception):
    """``str()`` is a message for the person who acted."""


class Provider:
    code = ""  # also PendingCheckout.method and the order's payment Source type code
    label = ""  # lazy, translatable: shown in the payment-method step

    def is_available(self, total_vnd: int) -> bool:
        return True

    def accepts(self, basket) -> bool:
        """Whether this way of paying fits what ``basket`` holds (goods, experiences);
        ``basket`` is None where it is not known."""
        return True

    def start(self, pending, request=None, data: dict | None = None) -> Outcome:
        """The shopper pressed "pay": card authorises; cash and vietqr place the order."""
        raise NotImplementedError

    def confirm(self, pending, request=None, data: dict | None = None) -> Outcome:
        """The shopper came back (card: after 3-D Secure)."""
        return self.start(pending, request=request, data=data)

    def capture(self, order) -> bool:
        """Take the money that is authorised; True when the order is now paid."""
        return False

    def refund(self, order, amount: int, key: str, user=None) -> str:
        """Give ``amount`` whole đồng back once per ``key``; the provider's reference."""
        raise PaymentError(_("Cách thanh toán này không hoàn tiền được."))

    def cancel(self, order, user=None) -> None:
        """Nothing more will be taken for ``order``."""

    def shopper_summary(self, order) -> str:
        return str(self.label)

    def producer_summary(self, group) -> str:
        return str(self.label)

    def __repr__(self):
        return f"<{type(self).__name__} {self.code}>"
