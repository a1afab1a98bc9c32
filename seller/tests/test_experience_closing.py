"""A producer closes a slot: no new holds, every booking cancelled and refunded through
exp-core's cancel service (card refunds at a real localstripe), each tourist emailed in
their language; closing again does nothing more (experiences.closing)."""

import datetime as dt
from decimal import Decimal

import pytest
import requests
from django.core import mail
from django.utils import timezone, translation
from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_model

from catalogue.tests.factories import producer
from checkout.tests.factories import checkout_until_review, two_producer_shop
from experiences import closing
from experiences.booking import BookingRefused, Party, hold
from experiences.choices import BookingStatus
from experiences.models import Booking
from experiences.tests import factories
from payments import testing

from .factories import make_user

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


@pytest.fixture
def market():
    partner = producer("HTX Du lịch Cái Răng")
    user = make_user("cairang@example.vn")
    partner.users.add(user)
    experience = factories.experience(partner=partner)
    return user, experience, factories.slot(experience, days=3, capacity=10)


def statuses(slot):
    return dict(slot.bookings.values_list("reference", "status"))


def test_closing_cancels_every_booking_and_emails_each_tourist_in_their_language(
    market, django_capture_on_commit_callbacks
):
    user, _experience, slot = market
    factories.booking(slot, reference="VIET2345", email="lan@example.vn", language="vi")
    factories.booking(slot, reference="ENGL2345", email="tom@example.com", language="en")
    factories.booking(slot, reference="HELD2345", status=BookingStatus.HELD, adults=1)
    factories.booking(slot, reference="GONE2345", status=BookingStatus.CANCELLED)

    with django_capture_on_commit_callbacks(execute=True):
        result = closing.close_slot(slot, reason="Nước lên cao", by=user)

    slot.refresh_from_db()
    assert result.newly_closed and slot.closed_at is not None
    assert slot.closed_reason == "Nước lên cao"
    assert sorted(b.reference for b in result.cancelled) == ["ENGL2345", "HELD2345", "VIET2345"]
    assert result.failed == []
    assert statuses(slot) == {
        "VIET2345": "cancelled",
        "ENGL2345": "cancelled",
        "HELD2345": "cancelled",
        "GONE2345": "cancelled",
    }
    assert set(slot.bookings.values_list("cancel_reason", flat=True)) >= {"Nước lên cao"}
    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {"lan@example.vn", "tom@example.com"}
    assert "VIET2345" in sent["lan@example.vn"].subject
    with translation.override("en"):
        english = translation.gettext("Đã hủy vé %(reference)s") % {"reference": "ENGL2345"}
    assert sent["tom@example.com"].subject == english


def test_closing_twice_does_nothing_more(market, django_capture_on_commit_callbacks):
    user, _experience, slot = market
    factories.booking(slot, reference="VIET2345", email="lan@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        closing.close_slot(slot, reason="Nước lên cao", by=user)
    slot.refresh_from_db()
    closed_at, outbox = slot.closed_at, len(mail.outbox)

    with django_capture_on_commit_callbacks(execute=True):
        again = closing.close_slot(slot, reason="Lý do khác", by=user)

    slot.refresh_from_db()
    assert (again.newly_closed, again.cancelled, again.failed) == (False, [], [])
    assert (slot.closed_at, slot.closed_reason) == (closed_at, "Nước lên cao")
    assert len(mail.outbox) == outbox


def test_a_closed_slot_takes_no_new_hold(market):
    user, experience, slot = market
    closing.close_slot(slot, reason="Bão", by=user)

    with pytest.raises(BookingRefused, match="đã đóng"):
        hold(experience, slot.pk, Party(adults=2))

    assert slot.bookings.count() == 0


# --- A card booking refunded at localstripe ------------------------------------------------


@pytest.fixture
def paid_booking(client, stripe_settings, localstripe, market, django_capture_on_commit_callbacks):
    """A tourist books 2 adults + 1 child (250.000 + 250.000 + 150.000) with a basket of
    rice, pays by card at localstripe; the booking is confirmed with the order."""
    user, experience, slot = market
    rice, _honey = two_producer_shop()
    client.post(f"/cua-hang/basket/add/{rice.pk}/", {"quantity": 1})
    basket = Basket.objects.get()
    basket.strategy = Selector().strategy()
    hold(experience, slot.pk, Party(adults=2, children=1, language="en"), basket=basket)
    checkout_until_review(client, [], method="card", email="tom@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        status, answer = testing.pay_by_card(
            client, payment_method=testing.card_payment_method(localstripe, testing.VISA)
        )
    assert status == 200, answer
    booking = Booking.objects.get()
    assert booking.status == BookingStatus.CONFIRMED
    mail.outbox.clear()
    return user, slot, booking


def cancellation_emails(booking):
    """How many "ticket cancelled" emails the tourist got, in their language (the order's
    refund email may come beside it)."""
    with translation.override(booking.language):
        subject = translation.gettext("Đã hủy vé %(reference)s") % {"reference": booking.reference}
    return sum(1 for m in mail.outbox if m.subject == subject and m.to == ["tom@example.com"])


def test_closing_refunds_a_card_booking_at_stripe(
    paid_booking, localstripe, django_capture_on_commit_callbacks
):
    user, slot, booking = paid_booking
    order = Order.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        result = closing.close_slot(slot, reason="Nước lên cao", by=user)

    # Then the booking is cancelled and localstripe holds one refund of its 650.000 ₫
    booking.refresh_from_db()
    assert [b.pk for b in result.cancelled] == [booking.pk]
    assert booking.status == BookingStatus.CANCELLED
    stripe_id = order.sources.get().transactions.get(txn_type="Refund").reference
    found = requests.get(
        f"{localstripe}/v1/refunds/{stripe_id}", auth=(testing.SECRET_KEY, ""), timeout=5
    ).json()
    assert (found["amount"], found["currency"]) == (650_000, "vnd")
    assert order.sources.get().amount_refunded == Decimal("650000")
    assert cancellation_emails(booking) == 1


def test_a_refund_stripe_refuses_leaves_that_booking_and_closing_again_retries(
    paid_booking, stripe_down_at, localstripe, django_capture_on_commit_callbacks
):
    user, slot, booking = paid_booking
    stripe_down_at("*")

    result = closing.close_slot(slot, reason="Nước lên cao", by=user)

    booking.refresh_from_db()
    slot.refresh_from_db()
    assert slot.closed_at is not None
    assert [b.pk for b, _why in result.failed] == [booking.pk]
    assert booking.status == BookingStatus.CONFIRMED
    assert cancellation_emails(booking) == 0

    stripe_down_at()  # Stripe is back
    with django_capture_on_commit_callbacks(execute=True):
        again = closing.close_slot(slot, reason="Nước lên cao", by=user)

    booking.refresh_from_db()
    assert (again.newly_closed, [b.pk for b in again.cancelled]) == (False, [booking.pk])
    assert booking.status == BookingStatus.CANCELLED
    assert cancellation_emails(booking) == 1


def test_hours_are_not_a_factor_a_producer_closing_refunds_inside_the_last_day(
    paid_booking, localstripe, django_capture_on_commit_callbacks
):
    # Free cancellation ends 24 hours before the start for the tourist; the producer
    # closing the slot refunds whatever the hour.
    user, slot, booking = paid_booking
    slot.starts_at = timezone.now() + dt.timedelta(hours=6)
    slot.save()

    with django_capture_on_commit_callbacks(execute=True):
        result = closing.close_slot(slot, reason="Thuyền hỏng", by=user)

    booking.refresh_from_db()
    assert [b.pk for b in result.cancelled] == [booking.pk]
    assert booking.status == BookingStatus.CANCELLED
