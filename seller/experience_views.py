"""The producer's experiences: details, schedules and closed days, upcoming slots with
their bookings, today's view, closing a slot, and checking tickets in.

Everything is reached through the signed-in user's producers (``experiences_of``): another
producer's experience, schedule, slot or ticket is not found (404, or "not found" for a
ticket), never refused in words that would tell it exists.
"""

import datetime as dt
import re

from django.contrib import messages
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

import params
from config.permissions_policy import allow_features
from experiences import checkin, closing
from experiences.choices import BookingStatus
from experiences.models import Booking, ClosedDay, Experience, Schedule, Slot

from . import experience_schedules
from .access import SellerRequiredMixin
from .experience_forms import (
    CheckInForm,
    ClosedDayForm,
    CloseSlotForm,
    ExperienceForm,
    ScheduleForm,
    weekdays_label,
)

UPCOMING_SLOTS = 30


def experiences_of(user):
    return (
        Experience.objects.filter(product__stockrecords__partner__users=user)
        .select_related("product", "village")
        .distinct()
        .order_by("product__title", "pk")
    )


def experience_or_404(user, pk):
    experience = experiences_of(user).filter(pk=pk).first()
    if experience is None:
        raise Http404
    return experience


def slots_of(user):
    return Slot.objects.filter(
        experience__in=Experience.objects.filter(product__stockrecords__partner__users=user)
    ).select_related("experience__product")


def slot_or_404(user, pk):
    slot = slots_of(user).with_places_left().filter(pk=pk).first()
    if slot is None:
        raise Http404
    return slot


def live_bookings(now):
    """Bookings that hold places now: confirmed, or held and not yet run out."""
    return (
        Booking.objects.filter(
            Q(status=BookingStatus.CONFIRMED)
            | Q(status=BookingStatus.HELD, hold_expires_at__gt=now)
        )
        .select_related("order_line__order", "checked_in_by")
        .order_by("created_at", "pk")
    )


def with_bookings(slots, now):
    return slots.prefetch_related(Prefetch("bookings", queryset=live_bookings(now)))


class ExperienceListView(SellerRequiredMixin, View):
    def get(self, request):
        now = timezone.now()
        experiences = list(experiences_of(request.user))
        upcoming = (
            slots_of(request.user)
            .filter(experience__in=experiences)
            .upcoming(now)
            .with_places_left(now)
            .order_by("starts_at")
        )
        next_slots = {}
        # One query for the next open slots of every experience (bounded per page).
        for slot in upcoming.open()[: UPCOMING_SLOTS * max(len(experiences), 1)]:
            next_slots.setdefault(slot.experience_id, [])
            if len(next_slots[slot.experience_id]) < 3:
                next_slots[slot.experience_id].append(slot)
        rows = [(e, next_slots.get(e.pk, [])) for e in experiences]
        return render(request, "seller/experiences/list.html", {"rows": rows})


class ExperienceEditView(SellerRequiredMixin, View):
    def render(self, experience, form, status=200):
        now = timezone.now()
        slots = (
            with_bookings(experience.slots.upcoming(now).with_places_left(now), now)
            .select_related("experience__product")
            .order_by("starts_at")[:UPCOMING_SLOTS]
        )
        schedules = list(experience.schedules.order_by("start_time", "pk"))
        for schedule in schedules:
            schedule.weekdays_label = weekdays_label(schedule.weekdays)
        return render(
            self.request,
            "seller/experiences/edit.html",
            {
                "experience": experience,
                "form": form,
                "schedules": schedules,
                "schedule_form": ScheduleForm(initial={"starts_on": timezone.localdate()}),
                "closed_days": experience.closed_days.filter(
                    date__gte=timezone.localdate()
                ).order_by("date"),
                "closed_day_form": ClosedDayForm(experience=experience),
                "slots": slots,
            },
            status=status,
        )

    def get(self, request, pk):
        experience = experience_or_404(request.user, pk)
        return self.render(experience, ExperienceForm(instance=experience))

    def post(self, request, pk):
        experience = experience_or_404(request.user, pk)
        form = ExperienceForm(request.POST, instance=experience)
        if not form.is_valid():
            return self.render(experience, form, status=400)
        form.save()
        messages.success(request, _("Đã lưu “%(title)s”.") % {"title": experience.product.title})
        return redirect("seller:experience-edit", pk=experience.pk)


def _schedules_url(experience):
    return reverse("seller:experience-edit", args=[experience.pk]) + "#lich"


class ScheduleAddView(SellerRequiredMixin, View):
    def get(self, request, pk):
        experience = experience_or_404(request.user, pk)
        return redirect(_schedules_url(experience))

    def post(self, request, pk):
        experience = experience_or_404(request.user, pk)
        form = ScheduleForm(request.POST, instance=Schedule(experience=experience))
        if not form.is_valid():
            return render(
                request,
                "seller/experiences/schedule.html",
                {"experience": experience, "form": form, "schedule": None},
                status=400,
            )
        experience_schedules.save_schedule(form.save(commit=False))
        messages.success(request, _("Đã thêm lịch."))
        return redirect(_schedules_url(experience))


class ScheduleEditView(SellerRequiredMixin, View):
    def setup_objects(self, pk, schedule_pk):
        self.experience = experience_or_404(self.request.user, pk)
        self.schedule = self.experience.schedules.filter(pk=schedule_pk).first()
        if self.schedule is None:
            raise Http404

    def render(self, form, status=200):
        context = {"experience": self.experience, "form": form, "schedule": self.schedule}
        return render(self.request, "seller/experiences/schedule.html", context, status=status)

    def get(self, request, pk, schedule_pk):
        self.setup_objects(pk, schedule_pk)
        return self.render(ScheduleForm(instance=self.schedule))

    def post(self, request, pk, schedule_pk):
        self.setup_objects(pk, schedule_pk)
        if "stop" in request.POST:
            kept = experience_schedules.stop_schedule(self.schedule)
            messages.success(request, _("Đã dừng lịch từ hôm nay."))
            if kept:
                messages.warning(
                    request,
                    _(
                        "%(n)s lượt đã có người đặt vẫn giữ nguyên; "
                        "hãy đóng từng lượt nếu không chạy."
                    )
                    % {"n": kept},
                )
            return redirect(_schedules_url(self.experience))
        form = ScheduleForm(request.POST, instance=self.schedule)
        if not form.is_valid():
            return self.render(form, status=400)
        experience_schedules.save_schedule(form.save(commit=False))
        messages.success(request, _("Đã lưu lịch."))
        return redirect(_schedules_url(self.experience))


class ClosedDayAddView(SellerRequiredMixin, View):
    def get(self, request, pk):
        return redirect(_schedules_url(experience_or_404(request.user, pk)))

    def post(self, request, pk):
        experience = experience_or_404(request.user, pk)
        form = ClosedDayForm(request.POST, experience=experience)
        if not form.is_valid():
            return render(
                request,
                "seller/experiences/closed_day.html",
                {"experience": experience, "form": form},
                status=400,
            )
        closed = experience_schedules.add_closed_day(form.save(commit=False), by=request.user)
        messages.success(
            request,
            _("Đã thêm ngày nghỉ %(day)s.") % {"day": closed.date.strftime("%d/%m/%Y")},
        )
        return redirect(_schedules_url(experience))


class ClosedDayDeleteView(SellerRequiredMixin, View):
    def post(self, request, pk, day_pk):
        experience = experience_or_404(request.user, pk)
        deleted, _rows = ClosedDay.objects.filter(experience=experience, pk=day_pk).delete()
        if not deleted:
            raise Http404
        messages.success(request, _("Đã bỏ ngày nghỉ."))
        return redirect(_schedules_url(experience))


class SlotView(SellerRequiredMixin, View):
    """One slot: its bookings, and closing it."""

    def render(self, slot, form, status=200):
        now = timezone.now()
        bookings = live_bookings(now).filter(slot=slot)
        cancelled = (
            slot.bookings.filter(status=BookingStatus.CANCELLED)
            .select_related("order_line__order")
            .order_by("-cancelled_at", "pk")
        )
        return render(
            self.request,
            "seller/experiences/slot.html",
            {
                "slot": slot,
                "experience": slot.experience,
                "bookings": bookings,
                "cancelled": cancelled,
                "form": form,
                "can_close": not slot.is_closed and slot.starts_at > now,
            },
            status=status,
        )

    def get(self, request, pk):
        slot = slot_or_404(request.user, pk)
        return self.render(slot, CloseSlotForm())

    def post(self, request, pk):
        slot = slot_or_404(request.user, pk)
        form = CloseSlotForm(request.POST)
        if not form.is_valid():
            return self.render(slot, form, status=400)
        result = closing.close_slot(slot, reason=form.cleaned_data["reason"], by=request.user)
        if result.newly_closed:
            messages.success(
                request,
                _("Đã đóng lượt. %(n)s lượt đặt đã được hủy, hoàn tiền và báo cho du khách.")
                % {"n": len(result.cancelled)},
            )
        elif result.cancelled:
            messages.success(
                request,
                _("Lượt đã đóng từ trước; đã hủy thêm %(n)s lượt đặt còn lại.")
                % {"n": len(result.cancelled)},
            )
        else:
            messages.info(request, _("Lượt này đã đóng từ trước."))
        for booking, reason in result.failed:
            messages.error(
                request,
                _("Chưa hủy được vé %(ref)s: %(reason)s. Bấm đóng lượt lần nữa để thử lại.")
                % {"ref": booking.reference, "reason": reason},
            )
        return redirect("seller:experience-slot", pk=slot.pk)


DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _day_from(request):
    """The day to show: ``?ngay=YYYY-MM-DD`` (ASCII digits) within a year of today, else
    today."""
    today = timezone.localdate()
    value = params.text(request.GET, "ngay", max_length=10)
    if not DAY.fullmatch(value):
        return today
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return today
    return day if abs((day - today).days) <= 366 else today


class DayView(SellerRequiredMixin, View):
    """All slots of one day across the producer's experiences, with their bookings and who
    has checked in: the morning's page at the meeting point."""

    def get(self, request):
        day = _day_from(request)
        now = timezone.now()
        start = timezone.make_aware(dt.datetime.combine(day, dt.time()))
        slots = with_bookings(
            slots_of(request.user)
            .filter(starts_at__gte=start, starts_at__lt=start + dt.timedelta(days=1))
            .with_places_left(now)
            .order_by("starts_at", "pk"),
            now,
        )
        slots = list(slots)
        confirmed = [b for s in slots for b in s.bookings.all() if b.status == "confirmed"]
        context = {
            "day": day,
            "is_today": day == timezone.localdate(),
            "previous": day - dt.timedelta(days=1),
            "next": day + dt.timedelta(days=1),
            "slots": slots,
            "people": sum(b.people for b in confirmed),
            "checked_in": sum(b.people for b in confirmed if b.checked_in_at),
        }
        return render(request, "seller/experiences/day.html", context)


@method_decorator(allow_features(camera=["self"]), name="dispatch")
class CheckInView(SellerRequiredMixin, View):
    """Scan a ticket's QR code with the phone's camera, or type its reference."""

    def render(self, form, result=None, status=200):
        context = {"form": form, "result": result}
        return render(self.request, "seller/experiences/checkin.html", context, status=status)

    def get(self, request):
        return self.render(CheckInForm())

    def post(self, request):
        form = CheckInForm(request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        try:
            done = checkin.check_in(request.user, form.cleaned_data["reference"])
        except checkin.TicketNotFound as refusal:
            result = {"state": "not-found", "message": str(refusal)}
            return self.render(CheckInForm(), result, status=404)
        except checkin.CheckInRefused as refusal:
            result = {"state": "refused", "message": str(refusal), "booking": refusal.booking}
            return self.render(CheckInForm(), result, status=409)
        result = {"state": "ok" if done.first_time else "already", "booking": done.booking}
        return self.render(CheckInForm(), result)
