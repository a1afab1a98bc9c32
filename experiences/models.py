"""Experiences a tourist books: what they are, when they run, and who booked them.

An experience is a catalogue product of the "trai-nghiem" class (see
``catalogue.reference``): its title, description, stars, stock record (the producer who
runs it and the adult price per person) stay in Oscar. ``Experience`` adds what a booking
needs; ``Slot`` is one dated start with a capacity; ``Booking`` takes places on a slot,
first held while the tourist pays, then confirmed with the order.

Places left on a slot = capacity − people of its confirmed bookings and unexpired holds
(``Slot.objects.with_places_left``); the rule that never lets it go below zero lives in
the booking service, under a row lock on the slot.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import LANGUAGES, ActivityKind, BookingStatus

LANGUAGE_CODES = {code for code, _name in LANGUAGES}


def validate_languages(value):
    from django.core.exceptions import ValidationError

    codes = [c for c in value.split(",") if c]
    unknown = [c for c in codes if c not in LANGUAGE_CODES]
    if not codes or unknown:
        raise ValidationError(_("Chọn ít nhất một ngôn ngữ trong danh sách."))


class ExperienceQuerySet(models.QuerySet):
    def offering_language(self, code):
        """Experiences guided in a language (``languages`` holds ",vi,en,")."""
        return self.filter(languages__contains=f",{code},")


class Experience(models.Model):
    """What a tourist needs to know and book about an experience product."""

    product = models.OneToOneField(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="experience",
        verbose_name=_("sản phẩm"),
    )
    village = models.ForeignKey(
        "villages.VillagePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="experience_details",
        verbose_name=_("làng"),
    )
    kind = models.CharField(_("loại hoạt động"), max_length=20, choices=ActivityKind.choices)
    duration_minutes = models.PositiveIntegerField(
        _("thời lượng (phút)"), validators=[MinValueValidator(15), MaxValueValidator(60 * 24 * 3)]
    )
    meeting_point = models.CharField(_("điểm hẹn"), max_length=255)
    meeting_point_en = models.CharField(_("điểm hẹn (tiếng Anh)"), max_length=255, blank=True)
    meeting_latitude = models.DecimalField(
        _("vĩ độ điểm hẹn"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    meeting_longitude = models.DecimalField(
        _("kinh độ điểm hẹn"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    # Stored as ",vi,en," so one LIKE finds a language on every database.
    languages = models.CharField(
        _("ngôn ngữ hướng dẫn"),
        max_length=64,
        default=",vi,",
        validators=[validate_languages],
    )
    included = models.TextField(_("giá đã bao gồm"), blank=True)
    included_en = models.TextField(_("giá đã bao gồm (tiếng Anh)"), blank=True)
    bring = models.TextField(_("cần mang theo"), blank=True)
    bring_en = models.TextField(_("cần mang theo (tiếng Anh)"), blank=True)
    # The adult price per person is the stock record's price (what listings show).
    child_price = models.DecimalField(
        _("giá trẻ em mỗi người"),
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Để trống nếu trẻ em trả giá người lớn; 0 nếu miễn phí."),
    )
    private_group_price = models.DecimalField(
        _("giá nhóm riêng"),
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Giá trọn gói cho một nhóm riêng (đến số người tối đa), nếu có."),
    )
    min_group = models.PositiveSmallIntegerField(
        _("số người tối thiểu mỗi lượt đặt"), default=1, validators=[MinValueValidator(1)]
    )
    max_group = models.PositiveSmallIntegerField(
        _("số người tối đa mỗi lượt đặt"), default=10, validators=[MinValueValidator(1)]
    )
    free_cancellation_hours = models.PositiveSmallIntegerField(
        _("hủy miễn phí trước (giờ)"), default=24
    )
    cutoff_hours = models.PositiveSmallIntegerField(_("ngừng nhận đặt trước (giờ)"), default=12)
    pay_at_village = models.BooleanField(
        _("cho phép trả tiền tại làng"),
        default=False,
        help_text=_("Du khách có thể đặt trước và trả tiền mặt khi đến."),
    )

    objects = ExperienceQuerySet.as_manager()

    class Meta:
        verbose_name = _("trải nghiệm")
        verbose_name_plural = _("trải nghiệm")
        constraints = [
            models.CheckConstraint(
                condition=Q(min_group__lte=F("max_group")), name="experience_group_limits"
            )
        ]

    def __str__(self):
        return self.product.title

    @property
    def language_codes(self):
        return [c for c in self.languages.split(",") if c]


class Schedule(models.Model):
    """A rule that generates slots: a start time on some weekdays between two dates."""

    experience = models.ForeignKey(Experience, on_delete=models.CASCADE, related_name="schedules")
    start_time = models.TimeField(_("giờ bắt đầu"))
    # Monday = 0 … Sunday = 6, as Python's date.weekday().
    weekdays = models.CharField(_("các ngày trong tuần"), max_length=7, default="0123456")
    capacity = models.PositiveSmallIntegerField(_("số chỗ"), validators=[MinValueValidator(1)])
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("lịch")
        verbose_name_plural = _("lịch")

    def __str__(self):
        return f"{self.experience} {self.start_time:%H:%M}"


class ClosedDay(models.Model):
    """A day an experience does not run (the first day of Tết, a flood): no slot is made."""

    experience = models.ForeignKey(Experience, on_delete=models.CASCADE, related_name="closed_days")
    date = models.DateField(_("ngày"))
    reason = models.CharField(_("lý do"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("ngày nghỉ")
        verbose_name_plural = _("ngày nghỉ")
        constraints = [
            models.UniqueConstraint(fields=["experience", "date"], name="one_closed_day")
        ]

    def __str__(self):
        return f"{self.experience} {self.date:%d/%m/%Y}"


def _taking_places(now):
    return Q(bookings__status=BookingStatus.CONFIRMED) | Q(
        bookings__status=BookingStatus.HELD, bookings__hold_expires_at__gt=now
    )


class SlotQuerySet(models.QuerySet):
    def with_places_left(self, now=None):
        """Annotate ``places_taken`` and ``places_left`` (one query for any number of slots)."""
        now = now or timezone.now()
        people = F("bookings__adults") + F("bookings__children")
        return self.annotate(
            places_taken=Coalesce(Sum(people, filter=_taking_places(now)), Value(0))
        ).annotate(places_left=F("capacity") - F("places_taken"))

    def open(self):
        return self.filter(closed_at__isnull=True)

    def upcoming(self, now=None):
        return self.filter(starts_at__gt=now or timezone.now())


class Slot(models.Model):
    """One dated start of an experience with a number of places."""

    experience = models.ForeignKey(Experience, on_delete=models.CASCADE, related_name="slots")
    schedule = models.ForeignKey(
        Schedule, null=True, blank=True, on_delete=models.SET_NULL, related_name="slots"
    )
    starts_at = models.DateTimeField(_("bắt đầu"))
    capacity = models.PositiveSmallIntegerField(_("số chỗ"), validators=[MinValueValidator(1)])
    closed_at = models.DateTimeField(_("đóng lúc"), null=True, blank=True)
    closed_reason = models.CharField(_("lý do đóng"), max_length=200, blank=True)

    objects = SlotQuerySet.as_manager()

    class Meta:
        verbose_name = _("lượt")
        verbose_name_plural = _("lượt")
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["experience", "starts_at"], name="one_slot_per_start")
        ]

    def __str__(self):
        return f"{self.experience} {timezone.localtime(self.starts_at):%d/%m/%Y %H:%M}"

    @property
    def is_closed(self):
        return self.closed_at is not None


class Booking(models.Model):
    """Places on a slot: held for a basket while the tourist pays, then confirmed with the
    order (or expired, or cancelled). The reference is the ticket's code."""

    reference = models.CharField(_("mã vé"), max_length=16, unique=True)
    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="bookings")
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=BookingStatus.choices, default=BookingStatus.HELD
    )
    adults = models.PositiveSmallIntegerField(_("người lớn"), default=1)
    children = models.PositiveSmallIntegerField(_("trẻ em"), default=0)
    private_group = models.BooleanField(_("nhóm riêng"), default=False)
    language = models.CharField(_("ngôn ngữ"), max_length=8, choices=LANGUAGES, default="vi")
    hold_expires_at = models.DateTimeField(_("giữ chỗ đến"), null=True, blank=True)
    basket_line = models.ForeignKey(
        "basket.Line", null=True, blank=True, on_delete=models.SET_NULL, related_name="bookings"
    )
    order_line = models.ForeignKey(
        "order.Line", null=True, blank=True, on_delete=models.SET_NULL, related_name="bookings"
    )
    email = models.EmailField(_("email"), blank=True)
    checked_in_at = models.DateTimeField(_("đã check-in lúc"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cancelled_at = models.DateTimeField(_("hủy lúc"), null=True, blank=True)
    cancel_reason = models.CharField(_("lý do hủy"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lượt đặt")
        verbose_name_plural = _("lượt đặt")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(adults__gte=1) | Q(private_group=True), name="booking_has_an_adult"
            ),
            models.CheckConstraint(
                condition=~Q(status="held") | Q(hold_expires_at__isnull=False),
                name="hold_has_expiry",
            ),
        ]
        indexes = [models.Index(fields=["status", "hold_expires_at"])]

    def __str__(self):
        return self.reference

    @property
    def people(self):
        return self.adults + self.children
