"""What the checkout knows about the shopper, and the steps it will show them.

Oscar's session mixin, with two changes: a basket of experiences only (nothing to ship)
keeps the booker's name and phone as its contact, and every step knows the whole list
of steps this basket goes through, so the step bar and the flow agree.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.apps.checkout import exceptions, session
from oscar.core.loading import get_model

ShippingAddress = get_model("order", "ShippingAddress")


class CheckoutSessionMixin(session.CheckoutSessionMixin):
    # The step this view is, one of the codes of checkout_steps(); None: no step bar.
    checkout_step = None

    def checkout_steps(self):
        """[(code, label, url)] of the steps for this basket, in order."""
        if self.request.basket.is_shipping_required():
            return [
                ("address", _("Địa chỉ"), reverse("checkout:shipping-address")),
                ("payment", _("Giao hàng & thanh toán"), reverse("checkout:payment-method")),
                ("review", _("Xem lại & đặt"), reverse("checkout:preview")),
            ]
        return [
            ("contact", _("Liên hệ"), reverse("checkout:index")),
            ("payment", _("Thanh toán"), reverse("checkout:payment-method")),
            ("review", _("Xem lại & đặt"), reverse("checkout:preview")),
        ]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        steps = self.checkout_steps()
        codes = [code for code, _label, _url in steps]
        current = codes.index(self.checkout_step) if self.checkout_step in codes else None
        ctx["checkout_steps"] = [
            {
                "number": number,
                "label": label,
                "url": url,
                "state": (
                    "current"
                    if number - 1 == current
                    else "done"
                    if current is not None and number - 1 < current
                    else "todo"
                ),
            }
            for number, (_code, label, url) in enumerate(steps, start=1)
        ]
        return ctx

    # --- the contact of a booking without delivery -------------------------------------

    def save_contact(self, first_name, phone_number):
        self.checkout_session._set(
            "contact", "fields", {"first_name": first_name, "phone_number": str(phone_number)}
        )

    def contact_fields(self):
        return self.checkout_session._get("contact", "fields") or {}

    def get_shipping_address(self, basket):
        if basket.is_shipping_required():
            return super().get_shipping_address(basket)
        fields = self.contact_fields()
        if not fields:
            return None
        # The order keeps the booker's name and phone where a delivery address would be.
        return ShippingAddress(country_id="VN", **fields)

    def check_shipping_data_is_captured(self, request):
        if not request.basket.is_shipping_required() and not self.contact_fields():
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:index"),
                message=_("Vui lòng cho biết tên và số điện thoại người đặt."),
            )
        return super().check_shipping_data_is_captured(request)

    def check_user_email_is_captured(self, request):
        if not request.user.is_authenticated and not self.checkout_session.get_guest_email():
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:index"),
                message=_("Vui lòng nhập email để nhận xác nhận đơn hàng."),
            )
