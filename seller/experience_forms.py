"""Forms of the producer's experiences: each names only what the producer runs (the
meeting point, languages, prices for children and private groups, limits, policy,
schedules, closed days); the village, the kind and the stars are the officers'."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from experiences.choices import LANGUAGES
from experiences.models import ClosedDay, Experience, Schedule

MAX_PRICE = 1_000_000_000
MAX_CAPACITY = 500
MAX_HOURS = 24 * 30
# How far ahead a schedule may start or a closed day be set: slots exist for months, not
# decades, and a year typed wrong ("2062") is caught here.
MAX_AHEAD = dt.timedelta(days=2 * 366)

WEEKDAYS = [
    ("0", _("Thứ hai")),
    ("1", _("Thứ ba")),
    ("2", _("Thứ tư")),
    ("3", _("Thứ năm")),
    ("4", _("Thứ sáu")),
    ("5", _("Thứ bảy")),
    ("6", _("Chủ nhật")),
]


def weekdays_label(code):
    """ "Thứ hai, Thứ tư" for "02"; "Hằng ngày" for every day."""
    if set(code) >= {value for value, _label in WEEKDAYS}:
        return str(_("Hằng ngày"))
    return ", ".join(str(label) for value, label in WEEKDAYS if value in code)


class ExperienceForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Ngôn ngữ hướng dẫn"),
        choices=LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Chọn ít nhất một ngôn ngữ.")},
    )

    class Meta:
        model = Experience
        fields = [
            "meeting_point",
            "meeting_point_en",
            "languages",
            "included",
            "included_en",
            "bring",
            "bring_en",
            "child_price",
            "private_group_price",
            "min_group",
            "max_group",
            "free_cancellation_hours",
            "cutoff_hours",
            "pay_at_village",
        ]
        widgets = {
            "included": forms.Textarea(attrs={"rows": 3}),
            "included_en": forms.Textarea(attrs={"rows": 3}),
            "bring": forms.Textarea(attrs={"rows": 3}),
            "bring_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["languages"] = self.instance.language_codes
        for name in ("child_price", "private_group_price"):
            self.fields[name].widget.attrs.update({"inputmode": "numeric", "step": 1000})
        for name in ("free_cancellation_hours", "cutoff_hours"):
            self.fields[name].widget.attrs.update({"inputmode": "numeric", "max": MAX_HOURS})
        for name in ("min_group", "max_group"):
            self.fields[name].widget.attrs.update({"inputmode": "numeric", "max": MAX_CAPACITY})

    def clean_languages(self):
        return "," + ",".join(self.cleaned_data["languages"]) + ","

    def clean(self):
        data = super().clean()
        for name in ("child_price", "private_group_price"):
            value = data.get(name)
            if value is not None and value > MAX_PRICE:
                self.add_error(name, _("Giá quá lớn."))
        for name in ("free_cancellation_hours", "cutoff_hours"):
            value = data.get(name)
            if value is not None and value > MAX_HOURS:
                self.add_error(name, _("Tối đa %(n)s giờ.") % {"n": MAX_HOURS})
        low, high = data.get("min_group"), data.get("max_group")
        if high is not None and high > MAX_CAPACITY:
            self.add_error("max_group", _("Tối đa %(n)s người.") % {"n": MAX_CAPACITY})
        elif low is not None and high is not None and low > high:
            self.add_error("min_group", _("Số người tối thiểu không thể lớn hơn số tối đa."))
        return data


class ScheduleForm(forms.ModelForm):
    """A start time on chosen weekdays between two dates."""

    weekdays = forms.MultipleChoiceField(
        label=_("Các ngày trong tuần"),
        choices=WEEKDAYS,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Chọn ít nhất một ngày trong tuần.")},
    )

    class Meta:
        model = Schedule
        fields = ["start_time", "weekdays", "capacity", "starts_on", "ends_on"]
        widgets = {
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "capacity": forms.NumberInput(attrs={"inputmode": "numeric", "max": MAX_CAPACITY}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["weekdays"] = list(self.instance.weekdays)
        self.fields["ends_on"].help_text = _("Để trống nếu lịch chạy mãi.")

    def clean_weekdays(self):
        return "".join(sorted(set(self.cleaned_data["weekdays"])))

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if capacity > MAX_CAPACITY:
            raise forms.ValidationError(_("Tối đa %(n)s chỗ.") % {"n": MAX_CAPACITY})
        return capacity

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        changed_start = "starts_on" in self.changed_data or not self.instance.pk
        if starts_on and changed_start and starts_on < today:
            self.add_error("starts_on", _("Ngày bắt đầu không thể ở quá khứ."))
        if starts_on and starts_on > today + MAX_AHEAD:
            self.add_error("starts_on", _("Ngày bắt đầu quá xa."))
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("Ngày kết thúc phải sau ngày bắt đầu."))
        if ends_on and ends_on > today + MAX_AHEAD:
            self.add_error("ends_on", _("Ngày kết thúc quá xa; để trống nếu lịch chạy mãi."))
        return data


class ClosedDayForm(forms.ModelForm):
    class Meta:
        model = ClosedDay
        fields = ["date", "reason"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, experience, **kwargs):
        super().__init__(*args, **kwargs)
        self.experience = experience
        self.fields["reason"].widget.attrs["placeholder"] = _("Ví dụ: mùng 1 Tết")

    def clean_date(self):
        day = self.cleaned_data["date"]
        today = timezone.localdate()
        if day < today:
            raise forms.ValidationError(_("Không thể đặt ngày nghỉ trong quá khứ."))
        if day > today + MAX_AHEAD:
            raise forms.ValidationError(_("Ngày quá xa."))
        if ClosedDay.objects.filter(experience=self.experience, date=day).exists():
            raise forms.ValidationError(_("Ngày này đã là ngày nghỉ."))
        return day

    def save(self, commit=True):
        self.instance.experience = self.experience
        return super().save(commit)


class CloseSlotForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do đóng lượt (gửi cho du khách)"),
        max_length=200,
        error_messages={"required": _("Hãy ghi lý do để báo cho du khách.")},
        widget=forms.TextInput(attrs={"placeholder": _("Ví dụ: nước lên cao, thuyền không chạy")}),
    )


class CheckInForm(forms.Form):
    reference = forms.CharField(
        label=_("Mã vé"),
        max_length=500,
        error_messages={"required": _("Nhập mã vé hoặc quét mã QR.")},
        widget=forms.TextInput(
            attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}
        ),
    )
