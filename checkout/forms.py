from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout.forms import *  # noqa: F401,F403
from oscar.apps.checkout.forms import ShippingAddressForm as OscarShippingAddressForm
from oscar.core.loading import get_model

import places

from .reference import ensure_vietnam


def ward_choices():
    """Every commune and ward, grouped by province: the list works without JavaScript."""
    return [("", _("Chọn xã/phường"))] + [
        (name, places.wards(code)) for code, name in places.provinces()
    ]


class ShippingAddressForm(OscarShippingAddressForm):
    """A Vietnamese delivery address as written since 1 July 2025: no district level.

    The shopper picks a province and one of its communes or wards from the official
    list; the names go into Oscar's ``state`` and ``line4`` and the codes are kept.
    """

    province_code = forms.TypedChoiceField(label=_("Tỉnh/Thành phố"), coerce=str)
    ward_code = forms.ChoiceField(label=_("Xã/Phường/Đặc khu"))

    phone_number_fields = {
        "phone_number": {
            "required": True,
            "help_text": _("Số di động để người giao hàng gọi, ví dụ 0912 345 678."),
            "max_length": 32,
            "label": _("Số điện thoại"),
        },
    }

    class Meta(OscarShippingAddressForm.Meta):
        model = get_model("order", "ShippingAddress")
        fields = ["first_name", "phone_number", "province_code", "ward_code", "line1", "notes"]
        labels = {
            "first_name": _("Họ tên người nhận"),
            "line1": _("Số nhà, tên đường, ấp/khu phố"),
            "notes": _("Ghi chú cho người giao hàng"),
        }
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, guest=False, **kwargs):
        super().__init__(*args, **kwargs)
        if guest:
            add_email_field(self)
        self.fields["first_name"].required = True
        self.fields["line1"].required = True
        self.fields["province_code"].choices = [("", _("Chọn tỉnh/thành phố"))] + [
            (str(code), name) for code, name in places.provinces()
        ]
        self.fields["ward_code"].choices = ward_choices()
        if not self.initial.get("province_code") and not self.is_bound:
            self.initial["province_code"] = str(places.CAN_THO)
        for name, autocomplete in (
            ("first_name", "name"),
            ("phone_number", "tel"),
            ("line1", "street-address"),
        ):
            self.fields[name].widget.attrs["autocomplete"] = autocomplete
        phone = self.fields["phone_number"]
        phone.required = True
        phone.label = _("Số điện thoại")
        phone.help_text = _("Số di động để người giao hàng gọi, ví dụ 0912 345 678.")
        phone.widget.attrs["inputmode"] = "tel"
        self.fields["ward_code"].widget.attrs["data-ward-select"] = ""
        self.fields["province_code"].widget.attrs["data-province-select"] = ""
        if guest:
            self.order_fields(["first_name", "phone_number", "email"])

    def adjust_country_field(self):
        # Delivery is within Vietnam only: the country is fixed, never asked.
        self.fields.pop("country", None)
        self.instance.country = ensure_vietnam()

    def clean(self):
        data = super().clean()
        province, ward = data.get("province_code"), data.get("ward_code")
        if province and ward and str(places.province_of_ward(ward)) != str(province):
            self.add_error("ward_code", _("Xã/phường này không thuộc tỉnh/thành phố đã chọn."))
        return data

    def _post_clean(self):
        super()._post_clean()
        if not self.errors:
            self.instance.state = places.province_name(self.instance.province_code)
            self.instance.line4 = places.ward_name(self.instance.ward_code)


def add_email_field(form):
    """A guest's email, asked with the address: no separate "who are you?" step."""
    form.fields["email"] = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("Để gửi xác nhận đơn hàng và theo dõi đơn. Không cần tạo tài khoản."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ContactForm(OscarShippingAddressForm):
    """Who books when nothing is shipped (only experiences): a name and a phone number
    for the producer to call, and an email for guests. Kept as the order's address
    without a street, so the order carries the contact like any other."""

    phone_number_fields = ShippingAddressForm.phone_number_fields

    class Meta(OscarShippingAddressForm.Meta):
        model = get_model("order", "ShippingAddress")
        fields = ["first_name", "phone_number"]
        labels = {"first_name": _("Họ tên")}

    def __init__(self, *args, guest=False, **kwargs):
        super().__init__(*args, **kwargs)
        if guest:
            add_email_field(self)
        self.fields["first_name"].required = True
        self.fields["first_name"].widget.attrs["autocomplete"] = "name"
        phone = self.fields["phone_number"]
        phone.required = True
        phone.label = _("Số điện thoại")
        phone.help_text = _("Số di động để cơ sở liên hệ về lịch trải nghiệm.")
        phone.widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})

    def adjust_country_field(self):
        self.fields.pop("country", None)
        self.instance.country = ensure_vietnam()


class PaymentMethodForm(forms.Form):
    method = forms.ChoiceField(widget=forms.RadioSelect, label=_("Cách thanh toán"))

    def __init__(self, *args, providers=(), **kwargs):
        super().__init__(*args, **kwargs)
        # The payment providers available for this total, in the settings' order.
        choices = [(provider.code, provider.label) for provider in providers]
        self.fields["method"].choices = choices
        self.fields["method"].initial = choices[0][0] if choices else None


def card_limits():
    return settings.STRIPE_MIN_VND, settings.STRIPE_MAX_VND
