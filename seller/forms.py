"""The seller area's forms. Each names exactly the fields a producer may change: stars,
certificates, approval and the producer a product belongs to are never among them, so a
crafted POST carrying them has nothing to bind to."""

import html
import re

from django import forms
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from uploads import images

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")

MIN_PRICE = 1_000
MAX_PRICE = 1_000_000_000
MAX_STOCK = 1_000_000
MAX_PHOTOS = 8


def description_to_html(text):
    """Plain text typed on a phone → safe paragraphs (Oscar prints descriptions as HTML)."""
    return linebreaks(escape(text.strip())) if text.strip() else ""


def description_to_text(value):
    text = re.sub(r"<br\s*/?>", "\n", value or "")
    text = re.sub(r"</p>\s*", "\n\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text).strip()


class PriceField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Giá bán (đồng)"),
            min_value=MIN_PRICE,
            max_value=MAX_PRICE,
            error_messages={
                "min_value": _("Giá tối thiểu là 1.000 đồng."),
                "max_value": _("Giá quá lớn."),
                "invalid": _("Nhập giá bằng số, ví dụ 45000."),
                "required": _("Hãy nhập giá bán."),
            },
            widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 1000}),
            **kwargs,
        )


class StockField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Tồn kho"),
            min_value=0,
            max_value=MAX_STOCK,
            error_messages={
                "min_value": _("Số lượng không thể âm."),
                "invalid": _("Nhập số lượng bằng số, ví dụ 20."),
                "required": _("Hãy nhập số lượng."),
            },
            widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            **kwargs,
        )


class ListingForm(forms.Form):
    """Edit one of the producer's products and its offer."""

    title = forms.CharField(
        label=_("Tên sản phẩm"),
        max_length=255,
        error_messages={"required": _("Hãy nhập tên sản phẩm.")},
    )
    description = forms.CharField(
        label=_("Mô tả"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Nguyên liệu, cách làm, cách dùng, quy cách đóng gói…"),
    )
    # English for tourists (catalogue.translation): optional; left blank, English pages
    # show the Vietnamese marked as not yet translated.
    title_en = forms.CharField(
        label=_("Tên tiếng Anh"),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs={"lang": "en"}),
        help_text=_("Để trống nếu chưa dịch: trang tiếng Anh sẽ hiện tên tiếng Việt."),
    )
    description_en = forms.CharField(
        label=_("Mô tả tiếng Anh"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6, "lang": "en"}),
    )
    price = PriceField()
    num_in_stock = StockField()
    # The stock the producer was shown: only a number they changed is written, so units
    # shipped meanwhile are not put back (seller.listings.save_listing).
    stock_seen = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    on_sale = forms.BooleanField(
        label=_("Đang bán"),
        required=False,
        help_text=_("Bỏ chọn để tạm ngừng bán mà không xóa sản phẩm."),
    )

    def __init__(self, *args, allocated=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.allocated = allocated or 0

    def clean_title(self):
        return self.cleaned_data["title"].strip()

    def clean_title_en(self):
        return self.cleaned_data["title_en"].strip()

    def clean_num_in_stock(self):
        value = self.cleaned_data["num_in_stock"]
        if value < self.allocated:
            raise forms.ValidationError(
                _("Đang có %(n)s sản phẩm nằm trong các đơn chưa giao; số lượng không thể ít hơn.")
                % {"n": self.allocated}
            )
        return value


class TranslationForm(forms.Form):
    """An officer writes a product's English (seller.officer_translations)."""

    title_en = ListingForm.base_fields["title_en"]
    description_en = ListingForm.base_fields["description_en"]

    def clean_title_en(self):
        return self.cleaned_data["title_en"].strip()


class GroupChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name


class NewProductForm(forms.Form):
    title = forms.CharField(
        label=_("Tên sản phẩm"),
        max_length=255,
        error_messages={"required": _("Hãy nhập tên sản phẩm.")},
    )
    category = GroupChoiceField(
        label=_("Nhóm sản phẩm"),
        queryset=Category.objects.none(),
        empty_label=_("— Chọn nhóm —"),
        error_messages={"required": _("Hãy chọn nhóm sản phẩm.")},
    )
    description = ListingForm.base_fields["description"]
    title_en = ListingForm.base_fields["title_en"]
    description_en = ListingForm.base_fields["description_en"]
    price = PriceField()
    num_in_stock = StockField()
    photo = forms.FileField(
        label=_("Ảnh sản phẩm"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("Ảnh JPG, PNG hoặc WEBP, dưới 5 MB."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.order_by("path")

    def clean_title(self):
        return self.cleaned_data["title"].strip()

    def clean_title_en(self):
        return self.cleaned_data["title_en"].strip()

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        return images.product_photo(photo) if photo else photo


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label=_("Thêm ảnh"),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        error_messages={"required": _("Hãy chọn một ảnh.")},
    )

    def __init__(self, *args, existing=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.existing = existing

    def clean_photo(self):
        if self.existing >= MAX_PHOTOS:
            raise forms.ValidationError(
                _("Mỗi sản phẩm có tối đa %(n)s ảnh. Hãy xóa bớt ảnh cũ trước.") % {"n": MAX_PHOTOS}
            )
        return images.product_photo(self.cleaned_data["photo"])


class ProfileForm(forms.ModelForm):
    """The producer's contact details. Its name, kind and commune are the programme's
    record of who it is and where it makes things, kept by officers."""

    class Meta:
        model = Partner
        fields = ["phone", "street_address"]
        widgets = {"phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"})}

    def clean_phone(self):
        phone = re.sub(r"[\s.\-]", "", self.cleaned_data["phone"])
        if phone and not re.fullmatch(r"\+?\d{8,15}", phone):
            raise forms.ValidationError(_("Số điện thoại chỉ gồm chữ số, ví dụ 0292 3812 345."))
        return self.cleaned_data["phone"].strip()


class InvitationForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=_("Chủ thể OCOP"), queryset=Partner.objects.order_by("name")
    )
    email = forms.EmailField(label=_("Email người được mời"))
    name = forms.CharField(label=_("Họ tên"), max_length=150, required=False)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Duyệt")), ("reject", _("Chưa duyệt"))])
    note = forms.CharField(label=_("Ghi chú cho chủ thể"), max_length=500, required=False)

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not data.get("note", "").strip():
            self.add_error("note", _("Hãy ghi lý do để chủ thể sửa lại."))
        return data
