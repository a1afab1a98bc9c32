"""The tourist's pages: the experience (the catalogue's product page of an experience
product, see :func:`page_context`), booking it into the basket, and the booking's ticket
page, calendar file and cancellation.

Every parameter is read with ``params`` (a bad value falls back to its default, never a
500); every rule is the booking service's (``experiences.booking``), so a slot id posted
directly or a number typed by hand meets the same checks as the form.
"""

import datetime as dt
import hashlib
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View, generic

import params
from catalogue.availability import is_for_sale
from checkout.tracking import count_failure, is_limited
from seller.security import client_address

from . import booking as bookings
from . import calendar, pricing, tickets
from .choices import LANGUAGES, BookingStatus
from .models import Booking, Experience

LANGUAGE_NAMES = dict(LANGUAGES)


def localized(experience, name, language=None):
    """An experience's text field in the visitor's language (English when written)."""
    language = language or translation.get_language()
    if language == "en":
        return getattr(experience, f"{name}_en", "") or getattr(experience, name)
    return getattr(experience, name)


def _date(value):
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _month(value):
    try:
        return dt.datetime.strptime(value, "%Y-%m").date() if value else None
    except ValueError:
        return None


def party_from(query, experience):
    """(adults, children, private_group, language) as sent, bounded; None when unreadable."""
    adults = params.integer(query, "adults", None, minimum=0, maximum=bookings.MAX_PEOPLE)
    children = params.integer(query, "children", 0, minimum=0, maximum=bookings.MAX_PEOPLE)
    private_group = params.choice(query, "private_group", {"1"}) == "1"
    codes = experience.language_codes
    current = translation.get_language()
    language = params.choice(query, "language", set(codes), current if current in codes else "")
    return adults, children, private_group, language or (codes[0] if codes else "vi")


def page_context(request, product, now=None):
    """What the experience template needs beside the product page's own context."""
    now = now or timezone.now()
    experience = Experience.objects.select_related("village").filter(product=product).first()
    if experience is None:
        return {}
    experience.product = product
    chosen = _date(params.text(request.GET, "ngay", max_length=10))
    month = _month(params.text(request.GET, "thang", max_length=7))
    if month is None:
        first = chosen or calendar.first_date_with_room(experience, now)
        month = calendar.month_start(first or timezone.localdate(now))
    month_view = calendar.build(experience, month, now)
    day = month_view.days.get(chosen) if chosen else None
    adults, children, private_group, language = party_from(request.GET, experience)
    adults = 2 if adults is None else adults
    records = product.stockrecords.all()
    record = records[0] if records else None
    adult = pricing.adult_price(experience, record) if record else None
    slot_id = params.integer(request.GET, "slot", None, minimum=1)
    return {
        "experience": experience,
        "month": month_view,
        "weekdays": calendar.WEEKDAYS,
        "chosen_day": day,
        "chosen_date": chosen,
        "chosen_slot": slot_id,
        "adults": adults,
        "children": children,
        "private_group": private_group,
        "booking_language": language,
        "guide_languages": [(c, LANGUAGE_NAMES.get(c, c)) for c in experience.language_codes],
        "adult_price": adult,
        "child_price": pricing.child_price(experience, record) if record else None,
        "total": pricing.total(experience, adults, children, private_group, record)
        if record
        else None,
        "meeting_point": localized(experience, "meeting_point"),
        "included": localized(experience, "included"),
        "bring": localized(experience, "bring"),
        "map_url": tickets.map_url(experience),
        "hold_minutes": bookings.hold_minutes(),
        "max_people": bookings.MAX_PEOPLE,
    }


def page_url(product, **query):
    query = {k: v for k, v in query.items() if v not in (None, "", False)}
    return product.get_absolute_url() + (("?" + urlencode(query)) if query else "") + "#dat-cho"


class BookView(View):
    """Posted from the experience page: hold the places and add the booking to the basket."""

    http_method_names = ["post"]

    def post(self, request, pk):
        experience = get_object_or_404(Experience.objects.select_related("product"), product_id=pk)
        product = experience.product
        slot_id = params.integer(request.POST, "slot", None, minimum=1)
        adults, children, private_group, language = party_from(request.POST, experience)
        back = {"adults": adults, "children": children, "private_group": private_group and "1"}
        try:
            if not is_for_sale(product):
                raise bookings.BookingRefused(_("Trải nghiệm này hiện không nhận đặt chỗ."))
            if slot_id is None:
                raise bookings.BookingRefused(_("Hãy chọn ngày và giờ."))
            if adults is None:
                raise bookings.BookingRefused(_("Số người không hợp lệ."))
            booking = bookings.hold(
                experience,
                slot_id,
                bookings.Party(adults, children, private_group, language),
                basket=request.basket,
            )
        except bookings.BookingRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(page_url(product, **back))
        messages.success(
            request,
            _(
                "Đã giữ %(people)s chỗ cho “%(title)s” đến %(until)s. Hãy thanh toán trước "
                "thời điểm này để giữ chỗ."
            )
            % {
                "people": booking.people,
                "title": product.get_title(),
                "until": timezone.localtime(booking.hold_expires_at).strftime("%H:%M"),
            },
        )
        return redirect("basket:summary")


class LookupForm(forms.Form):
    reference = forms.CharField(label=gettext_lazy("Mã vé"), max_length=16)
    email = forms.EmailField(label=gettext_lazy("Email đã dùng khi đặt"))


def _lookup_keys(request, reference):
    parts = (("address", client_address(request)), ("reference", reference.strip().upper()))
    return [
        f"booking-lookup-failures:{kind}:" + hashlib.sha256(value.encode()).hexdigest()
        for kind, value in parts
    ]


class LookupView(generic.FormView):
    """The booking page by reference and email (in a POST body, never in the address);
    failed lookups are limited as order tracking's are."""

    template_name = "experiences/lookup.html"
    form_class = LookupForm
    http_method_names = ["get", "post", "head", "options"]

    def form_valid(self, form):
        reference = form.cleaned_data["reference"].strip().upper()
        keys = _lookup_keys(self.request, reference)
        if is_limited(keys):
            form.add_error(
                None,
                _("Đã có quá nhiều lần tra cứu không đúng. Vui lòng thử lại sau 15 phút."),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        booking = Booking.objects.filter(
            reference=reference,
            email__iexact=form.cleaned_data["email"].strip(),
            status__in=(BookingStatus.CONFIRMED, BookingStatus.CANCELLED),
        ).first()
        if booking is None:
            count_failure(keys)
            form.add_error(None, _("Không tìm thấy vé với mã và email này."))
            return self.render_to_response(self.get_context_data(form=form), status=404)
        return redirect("experiences:booking", token=tickets.token(booking))


def booking_for(token):
    reference = tickets.reference_for(token)
    if not reference:
        raise Http404
    return get_object_or_404(
        Booking.objects.select_related("slot__experience__product", "slot__experience__village"),
        reference=reference,
        status__in=(BookingStatus.CONFIRMED, BookingStatus.CANCELLED),
    )


class BookingView(generic.TemplateView):
    """The tourist's ticket: QR code, details, calendar file and cancellation."""

    template_name = "experiences/booking.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        booking = booking_for(self.kwargs["token"])
        experience = booking.slot.experience
        line = booking.order_line
        ctx.update(
            booking=booking,
            experience=experience,
            token=self.kwargs["token"],
            qr_svg=tickets.qr_svg(booking),
            map_url=tickets.map_url(experience),
            meeting_point=localized(experience, "meeting_point"),
            included=localized(experience, "included"),
            bring=localized(experience, "bring"),
            ends_at=booking.slot.starts_at + dt.timedelta(minutes=experience.duration_minutes),
            free_until=bookings.free_cancellation_until(booking),
            can_cancel_free=bookings.can_cancel_free(booking),
            has_started=booking.slot.starts_at <= timezone.now(),
            paid_amount=line.line_price_incl_tax if line else None,
        )
        return ctx


class CalendarFileView(View):
    def get(self, request, token):
        booking = booking_for(token)
        response = HttpResponse(
            tickets.ics(booking, translation.get_language()),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{booking.reference}.ics"'
        return response


class CancelView(View):
    """The tourist cancels: refunded inside the free window, by the policy outside it."""

    http_method_names = ["post"]

    def post(self, request, token):
        booking = booking_for(token)
        if booking.slot.starts_at <= timezone.now():
            messages.error(request, _("Lượt này đã bắt đầu, không thể hủy."))
            return redirect("experiences:booking", token=token)
        free = bookings.can_cancel_free(booking)
        try:
            refunded = bookings.cancel_booking(
                booking,
                reason=_("Du khách tự hủy"),
                by=request.user if request.user.is_authenticated else None,
                refund=free,
            )
        except bookings.BookingRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("experiences:booking", token=token)
        if refunded:
            from oscar.templatetags.currency_filters import currency

            messages.success(
                request,
                _("Đã hủy vé. %(amount)s sẽ được hoàn về thẻ của bạn.")
                % {"amount": currency(refunded)},
            )
        elif free:
            messages.success(request, _("Đã hủy vé."))
        else:
            messages.success(
                request, _("Đã hủy vé. Theo chính sách hủy, khoản đã thanh toán không được hoàn.")
            )
        return redirect("experiences:booking", token=token)
