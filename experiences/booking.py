"""Taking, keeping and giving back places on a slot: the one place the capacity rule lives.

A tourist's choice (slot, adults, children, private group) becomes a HELD booking and a
basket line in one transaction (:func:`hold`), under a row lock on the slot, so two
tourists never take the same last place. The hold lasts
``settings.OCOP_BOOKING_HOLD_MINUTES``; :func:`expire_holds` (scheduled) marks the ones
that ran out, and places left never count them anyway (``Slot.objects.with_places_left``).

Order placement (``order.placement``) calls :func:`ensure_places` under the same lock
before the order exists, re-taking a hold that ran out while places remain and refusing
the order otherwise (so before any money is taken), then :func:`confirm_for_order`.
:func:`cancel_booking` gives places back, with the refund of a paid booking; the tourist's
booking page, and the producer closing a slot, both go through it.
"""

import datetime as dt
import logging
import secrets
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from oscar.core.loading import get_model

from catalogue.reference import EXPERIENCE
from pagecache import invalidation
from pagecache import tags as page_tags

from . import pricing
from .choices import BOOKING_OPTION_CODE, BookingStatus
from .models import Booking, Slot

logger = logging.getLogger(__name__)

Option = get_model("catalogue", "Option")
LineAttribute = get_model("order", "LineAttribute")

# The basket line option carrying the booking's reference: each booking gets its own
# line (Oscar keys lines by their options), and the order line keeps the reference.
OPTION_CODE = BOOKING_OPTION_CODE
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at the gate
# People a single booking may ask for, whatever an experience says: a bound for bad input.
MAX_PEOPLE = 200


class BookingRefused(Exception):
    """Nothing was held, changed or charged; ``str()`` is the message for the tourist."""


def hold_minutes():
    return int(getattr(settings, "OCOP_BOOKING_HOLD_MINUTES", 20))


def booking_option():
    option, _created = Option.objects.get_or_create(
        code=OPTION_CODE,
        defaults={"name": "Mã đặt chỗ", "type": Option.TEXT, "required": False},
    )
    return option


def new_reference():
    while True:
        reference = "".join(secrets.choice(REFERENCE_ALPHABET) for _i in range(8))
        if not Booking.objects.filter(reference=reference).exists():
            return reference


def cutoff_of(slot):
    return slot.starts_at - dt.timedelta(hours=slot.experience.cutoff_hours)


def free_cancellation_until(booking):
    return booking.slot.starts_at - dt.timedelta(
        hours=booking.slot.experience.free_cancellation_hours
    )


def can_cancel_free(booking, now=None):
    return (now or timezone.now()) < free_cancellation_until(booking)


def slot_problem(slot, now=None):
    """Why ``slot`` cannot be booked now (a message), or "" when it can."""
    now = now or timezone.now()
    if slot.is_closed:
        return _("Lượt này đã đóng, không nhận đặt chỗ.")
    if slot.starts_at <= now:
        return _("Lượt này đã bắt đầu hoặc đã qua.")
    if now >= cutoff_of(slot):
        return ngettext(
            "Lượt này đã ngừng nhận đặt chỗ (đặt trước ít nhất %(hours)s giờ).",
            "Lượt này đã ngừng nhận đặt chỗ (đặt trước ít nhất %(hours)s giờ).",
            slot.experience.cutoff_hours,
        ) % {"hours": slot.experience.cutoff_hours}
    return ""


def people_problem(experience, adults, children, private_group=False):
    """Why this party cannot book ``experience`` (a message), or "" when it can."""
    if adults < 0 or children < 0 or adults + children > MAX_PEOPLE:
        return _("Số người không hợp lệ.")
    if private_group and experience.private_group_price is None:
        return _("Trải nghiệm này không nhận đặt nhóm riêng.")
    if adults < 1:
        return _("Trẻ em cần có ít nhất một người lớn đi cùng.")
    people = adults + children
    if people < experience.min_group or people > experience.max_group:
        return _("Mỗi lượt đặt từ %(min)s đến %(max)s người.") % {
            "min": experience.min_group,
            "max": experience.max_group,
        }
    return ""


def places_left(slot, now=None, excluding=None):
    """Places left on ``slot`` now, not counting booking ``excluding`` (its own hold)."""
    qs = Slot.objects.filter(pk=slot.pk)
    if excluding is not None:
        # Count as if this one booking did not exist: its own places are being re-taken.
        left = qs.with_places_left(now).get().places_left
        mine = Booking.objects.filter(pk=excluding.pk)
        counted = (
            mine.filter(status=BookingStatus.CONFIRMED).exists()
            or mine.filter(
                status=BookingStatus.HELD, hold_expires_at__gt=now or timezone.now()
            ).exists()
        )
        return left + (excluding.people if counted else 0)
    return qs.with_places_left(now).get().places_left


@dataclass
class Party:
    """Who is coming: read from the tourist's form by the view, checked here."""

    adults: int
    children: int = 0
    private_group: bool = False
    language: str = "vi"


def hold(experience, slot_id, party, basket=None, now=None):
    """Hold places for ``party`` on slot ``slot_id`` of ``experience``; the HELD booking.

    With ``basket`` the booking is also a basket line (quantity 1, priced by the shop's
    strategy from the booking). Raises :class:`BookingRefused` with nothing written.
    """
    now = now or timezone.now()
    problem = people_problem(experience, party.adults, party.children, party.private_group)
    if problem:
        raise BookingRefused(problem)
    if party.language not in experience.language_codes:
        raise BookingRefused(_("Trải nghiệm này không có hướng dẫn bằng ngôn ngữ đã chọn."))
    with transaction.atomic():
        # The row lock: whoever gets the slot first counts and takes; the others wait,
        # then count again (PostgreSQL). SQLite serialises writers as a whole.
        slot = (
            Slot.objects.select_for_update()
            .filter(pk=slot_id, experience=experience)
            .select_related("experience")
            .first()
        )
        if slot is None:
            raise BookingRefused(_("Không tìm thấy lượt này của trải nghiệm."))
        problem = slot_problem(slot, now)
        if problem:
            raise BookingRefused(problem)
        left = places_left(slot, now)
        people = party.adults + party.children
        if people > left:
            raise BookingRefused(
                _("Lượt này chỉ còn %(left)s chỗ.") % {"left": max(left, 0)}
                if left > 0
                else _("Lượt này đã hết chỗ.")
            )
        booking = Booking.objects.create(
            reference=new_reference(),
            slot=slot,
            status=BookingStatus.HELD,
            adults=party.adults,
            children=party.children,
            private_group=party.private_group,
            language=party.language,
            hold_expires_at=now + dt.timedelta(minutes=hold_minutes()),
        )
        if basket is not None:
            booking.basket_line = add_to_basket(basket, booking)
            booking.save(update_fields=["basket_line"])
    return booking


def add_to_basket(basket, booking):
    """The basket line of ``booking``: its own line, its price stored as the booking's."""
    product = booking.slot.experience.product
    line, _created = basket.add_product(
        product, 1, options=[{"option": booking_option(), "value": booking.reference}]
    )
    price = pricing.booking_total(booking, stockrecord=line.stockrecord)
    type(line).objects.filter(pk=line.pk).update(price_excl_tax=price, price_incl_tax=price)
    return line


def expire_holds(now=None):
    """Mark holds that ran out as expired; their places are free again. The count."""
    now = now or timezone.now()
    ran_out = Booking.objects.filter(status=BookingStatus.HELD, hold_expires_at__lte=now)
    slots = list(ran_out.values_list("slot_id", flat=True).distinct())
    count = ran_out.update(status=BookingStatus.EXPIRED)
    if slots:
        invalidation.experience_products(slot_ids=slots)  # their places show again
    return count


def release_line(line):
    """A basket line removed by the tourist gives its held places back at once."""
    if Booking.objects.filter(basket_line=line, status=BookingStatus.HELD).update(
        status=BookingStatus.EXPIRED
    ):
        page_tags.touch(page_tags.product(line.product_id))


def line_bookings(lines):
    """{basket line id: booking} of the experience lines among ``lines`` (one query)."""
    ids = [line.pk for line in lines]
    if not ids:
        return {}
    return {
        b.basket_line_id: b
        for b in Booking.objects.filter(basket_line_id__in=ids).select_related(
            "slot__experience__product"
        )
    }


def line_problem(booking, now=None):
    """Why the basket line of ``booking`` cannot be paid for now, or ""."""
    now = now or timezone.now()
    if booking.status in (BookingStatus.CONFIRMED, BookingStatus.CANCELLED):
        return _("Lượt đặt này không còn giữ chỗ. Hãy chọn lại ngày trên trang trải nghiệm.")
    problem = slot_problem(booking.slot, now)
    if problem:
        return problem
    live = booking.status == BookingStatus.HELD and booking.hold_expires_at > now
    if not live and booking.people > places_left(booking.slot, now, excluding=booking):
        return _("Hết thời gian giữ chỗ và lượt này không còn đủ chỗ.")
    return ""


def ensure_places(lines, refusal, now=None):
    """Inside order placement: every experience line's places are held, or ``refusal``.

    Locks the slots (in id order, so two checkouts never wait on each other in a cycle),
    keeps live holds, re-takes holds that ran out while places remain, and raises
    ``refusal(message)`` for the first line that cannot have its places: the order is then
    not placed and no money is taken.
    """
    now = now or timezone.now()
    lines = list(lines)
    bookings = line_bookings(lines)
    for line in lines:
        if line.pk not in bookings and line.product.get_product_class().slug == EXPERIENCE["slug"]:
            raise refusal(_("Hãy chọn ngày và số người cho “%(title)s”.") % {"title": line.title})
    if not bookings:
        return []
    slot_ids = sorted({b.slot_id for b in bookings.values()})
    slots = {
        s.pk: s
        for s in Slot.objects.select_for_update()
        .filter(pk__in=slot_ids)
        .select_related("experience")
        .order_by("pk")
    }
    held = []
    for booking in bookings.values():
        booking.slot = slots[booking.slot_id]
        booking.refresh_from_db(fields=["status", "hold_expires_at"])
        problem = line_problem(booking, now)
        if problem:
            title = booking.slot.experience.product.title
            raise refusal(
                _("“%(title)s”: %(problem)s Bạn chưa bị trừ tiền.")
                % {"title": title, "problem": problem}
            )
        if not (booking.status == BookingStatus.HELD and booking.hold_expires_at > now):
            booking.status = BookingStatus.HELD
            booking.hold_expires_at = now + dt.timedelta(minutes=hold_minutes())
            booking.save(update_fields=["status", "hold_expires_at"])
        held.append(booking)
    return held


def confirm_for_order(order, email="", language="vi"):
    """The held bookings of ``order``'s lines become confirmed, tied to their order lines
    (the order line keeps the booking reference as a line attribute); the tickets are
    emailed in ``language``, the one the tourist paid in."""
    rows = LineAttribute.objects.filter(line__order=order, option__code=OPTION_CODE).values_list(
        "value", "line_id"
    )
    confirmed = []
    for reference, line_id in rows:
        updated = Booking.objects.filter(reference=reference, status=BookingStatus.HELD).update(
            status=BookingStatus.CONFIRMED,
            order_line_id=line_id,
            hold_expires_at=None,
            email=email,
        )
        if updated:
            confirmed.append(reference)
    if confirmed:
        from .emails import send_confirmations

        transaction.on_commit(lambda: send_confirmations(confirmed, language))
    return confirmed


def refund_key(booking):
    return uuid.uuid5(uuid.NAMESPACE_URL, f"ocop-booking-cancel:{booking.reference}")


def cancel_booking(booking, *, reason, by=None, refund=True):
    """Cancel ``booking``: its places return; with ``refund`` a paid booking's money goes
    back through its order's payment provider (its order line, refunded by line).

    Returns the refunded amount (a Decimal, 0 when nothing was paid or refunded). Raises
    :class:`BookingRefused` (nothing changed) when the booking is not held or confirmed,
    or when the payment provider refuses the refund.
    """
    from order.refunds import RefundRefused
    from order.refunds import refund as refund_lines
    from payments.providers import PaymentError, provider_for

    from .emails import send_cancellation

    refunded = 0
    with transaction.atomic():
        booking = (
            # Lock the booking row only: PostgreSQL refuses FOR UPDATE on the nullable
            # side of the outer join to the order line.
            Booking.objects.select_for_update(of=("self",))
            .select_related("slot__experience__product", "order_line__order")
            .get(pk=booking.pk)
        )
        if booking.status not in (BookingStatus.HELD, BookingStatus.CONFIRMED):
            raise BookingRefused(_("Lượt đặt này đã được hủy trước đó."))
        was_confirmed = booking.status == BookingStatus.CONFIRMED
        booking.status = BookingStatus.CANCELLED
        booking.cancelled_at = timezone.now()
        booking.cancel_reason = str(reason)[:200]
        booking.hold_expires_at = None
        booking.save(update_fields=["status", "cancelled_at", "cancel_reason", "hold_expires_at"])
        line = booking.order_line
        if refund and was_confirmed and line is not None and _payment_pending(line):
            # The card is authorised but not yet captured: cancelling now would leave
            # the capture to take the whole order. The sweep settles it within minutes.
            transaction.set_rollback(True)
            raise BookingRefused(
                _("Thanh toán của đơn này đang được xác nhận. Vui lòng hủy lại sau ít phút.")
            )
        if refund and was_confirmed and line is not None and _paid_for(line):
            try:
                record = refund_lines(
                    line.order,
                    refund_key(booking),
                    {line.pk: line.quantity},
                    provider=provider_for(line.order),
                    user=by,
                )
            except (RefundRefused, PaymentError, LookupError) as error:
                # The booking stays as it was: a cancellation without its refund is not one.
                transaction.set_rollback(True)
                raise BookingRefused(
                    _("Chưa hủy được: hoàn tiền không thực hiện được (%(why)s). Vui lòng thử lại.")
                    % {"why": error}
                ) from error
            refunded = record.amount
        if was_confirmed and booking.email:
            transaction.on_commit(lambda: send_cancellation(booking.pk, refunded))
    return refunded


def _payment_pending(line):
    from payments import state

    return state.payment_of(line.order).status == state.Status.PENDING


def _paid_for(line):
    """Whether money was taken for ``line`` (a card captured), so a refund is owed."""
    from payments import state

    paid = state.summary(line.order)
    return paid.captured - paid.refunded >= line.line_price_incl_tax
