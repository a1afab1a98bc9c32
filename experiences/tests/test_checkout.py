"""Experiences in the one checkout: no delivery step or fee, the order confirms the
bookings, a hold that ran out is re-taken or the order refused before any charge, and
cancelling inside and outside the free window (refunds at a real localstripe)."""

import datetime as dt
import json
from decimal import Decimal as D

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from checkout.tests.factories import add_to_basket, choose_payment, two_producer_shop
from checkout.tests.factories import enter_address as enter_shipping_address
from experiences import booking as bookings
from experiences import tickets
from experiences.choices import BookingStatus
from experiences.models import Booking, Slot
from payments import testing
from payments.models import PendingCheckout

from .factories import booking, experience, slot

Order = get_model("order", "Order")
Refund = get_model("order", "Refund")
Basket = get_model("basket", "Basket")
Selector = get_class("partner.strategy", "Selector")

pytestmark = pytest.mark.django_db


def book(client, s, adults=2, children=1):
    response = client.post(
        reverse("experiences:book", kwargs={"pk": s.experience.product_id}),
        {"slot": s.pk, "adults": adults, "children": children, "language": "en"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("basket:summary")
    return Booking.objects.order_by("-pk").first()


def to_payment(client, email="tourist@example.com"):
    """The contact step of an experience-only basket (name, phone, email)."""
    return client.post(
        reverse("checkout:index"),
        {"first_name": "Emma Brown", "phone_number": "0912 345 678", "email": email},
    )


def pay(client, localstripe, card=testing.VISA):
    return testing.pay_by_card(
        client, payment_method=testing.card_payment_method(localstripe, card)
    )


@pytest.fixture
def tour():
    return slot(experience(), capacity=10, days=5)


def test_a_basket_of_experiences_only_skips_delivery_and_pays_by_card(
    client, tour, stripe_settings, localstripe, django_capture_on_commit_callbacks
):
    # Given 2 adults and 1 child held (650.000 ₫)
    held = book(client, tour)

    # When the tourist checks out as a guest
    response = to_payment(client)

    # Then there is no address or delivery step: straight to the payment method
    assert response.status_code == 302
    response = client.get(response["Location"], follow=True)
    assert response.redirect_chain[-1][0] == reverse("checkout:payment-method")
    assert choose_payment(client, "card").status_code == 302
    preview = client.get(reverse("checkout:preview"))
    assert preview.status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        status, answer = pay(client, localstripe)

    # Then one order of exactly 650.000 ₫ (no delivery fee), captured, the booking
    # confirmed on its order line with the tourist's email and language
    assert (status, answer) == (200, {"redirect": reverse("checkout:thank-you")})
    order = Order.objects.get()
    assert (order.total_incl_tax, order.shipping_incl_tax) == (D("650000.00"), D("0.00"))
    # The order keeps the booker's name and phone where a delivery address would be
    address = order.shipping_address
    assert (address.first_name, address.line1, str(address.phone_number)) == (
        "Emma Brown",
        "",
        "+84912345678",
    )
    held.refresh_from_db()
    assert held.status == BookingStatus.CONFIRMED
    assert held.order_line.order == order and held.hold_expires_at is None
    assert (held.email, held.language) == ("tourist@example.com", "en")
    pending = PendingCheckout.objects.get()
    assert testing.intent(localstripe, pending.payment_intent_id)["amount"] == 650000
    # The thank-you page links to the ticket; the ticket email carries the .ics
    thanks = client.get(reverse("checkout:thank-you")).content.decode()
    assert tickets.booking_path(held) in thanks
    (ticket_mail,) = [m for m in mail.outbox if held.reference in m.subject]
    assert ticket_mail.to == ["tourist@example.com"]
    assert ticket_mail.subject.startswith(f"Vé {held.reference}")
    (name, content, kind) = ticket_mail.attachments[0]
    assert (name, kind) == (f"{held.reference}.ics", "text/calendar")
    assert f"UID:{held.reference}@ocop-cantho" in content


def test_goods_and_an_experience_share_one_basket_and_only_goods_pay_delivery(
    client, tour, stripe_settings, localstripe
):
    rice, _honey = two_producer_shop()
    add_to_basket(client, rice)
    book(client, tour, adults=1, children=0)
    assert enter_shipping_address(client).status_code == 302
    client.get(reverse("checkout:shipping-method"))
    choose_payment(client, "card")

    status, _answer = pay(client, localstripe)

    assert status == 200
    order = Order.objects.get()
    # 150.000 rice + 30.000 its delivery + 250.000 one adult, no fee for the experience
    assert order.total_incl_tax == D("430000.00")
    groups = {g.partner.name: g.shipping_charge for g in order.fulfilment_groups.all()}
    assert groups == {"HTX Thuận Hưng": D("30000.00"), "HTX Du lịch Cái Răng": D("0.00")}
    assert Booking.objects.get().status == BookingStatus.CONFIRMED


def test_a_hold_that_ran_out_is_taken_again_at_payment_when_places_remain(
    client, tour, stripe_settings, localstripe
):
    held = book(client, tour)
    to_payment(client)
    client.get(reverse("checkout:shipping-method"))
    choose_payment(client, "card")
    Booking.objects.filter(pk=held.pk).update(
        hold_expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    bookings.expire_holds()

    status, _answer = pay(client, localstripe)

    assert status == 200
    held.refresh_from_db()
    assert held.status == BookingStatus.CONFIRMED


def test_a_hold_that_ran_out_on_a_slot_now_full_refuses_the_order_before_any_charge(
    client, stripe_settings, localstripe
):
    s = slot(experience(), capacity=4, days=5)
    held = book(client, s, adults=3, children=0)
    to_payment(client)
    client.get(reverse("checkout:shipping-method"))
    choose_payment(client, "card")
    # The hold runs out and someone else takes the places between review and "pay"
    Booking.objects.filter(pk=held.pk).update(
        hold_expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    booking(s, adults=2)

    intents_before = len(testing.intents(localstripe))

    response = client.post(
        reverse("checkout:card-payment"),
        json.dumps({"payment_method": testing.card_payment_method(localstripe, testing.VISA)}),
        content_type="application/json",
    )

    # The checkout's basket check refuses before Stripe is asked for anything
    assert response.status_code == 302
    assert Order.objects.count() == 0
    assert len(testing.intents(localstripe)) == intents_before
    held.refresh_from_db()
    assert held.status == BookingStatus.HELD  # nothing changed: the tourist can choose again
    page = client.get(reverse("basket:summary")).content.decode()
    assert "không còn đủ chỗ" in page


def test_placement_refuses_a_line_whose_places_are_gone_under_the_lock():
    # The last check, inside order placement, whatever the pages said before
    from order.placement import CannotPlace

    s = slot(experience(), capacity=3)
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    held = bookings.hold(s.experience, s.pk, bookings.Party(2, 0), basket=basket)
    Booking.objects.filter(pk=held.pk).update(status=BookingStatus.EXPIRED)
    booking(s, adults=2)

    with pytest.raises(CannotPlace, match="Bạn chưa bị trừ tiền"):
        bookings.ensure_places(basket.all_lines(), CannotPlace)
    held.refresh_from_db()
    assert held.status == BookingStatus.EXPIRED


@pytest.fixture
def paid_booking(client, stripe_settings, localstripe):
    s = slot(experience(), capacity=10, days=5)
    held = book(client, s)
    to_payment(client)
    client.get(reverse("checkout:shipping-method"))
    choose_payment(client, "card")
    status, _answer = pay(client, localstripe)
    assert status == 200
    held.refresh_from_db()
    return held


def test_cancelling_inside_the_free_window_refunds_the_card_and_frees_the_places(
    client, paid_booking, localstripe, django_capture_on_commit_callbacks
):
    s = paid_booking.slot
    assert Slot.objects.with_places_left().get(pk=s.pk).places_left == 7
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("experiences:cancel", kwargs={"token": tickets.token(paid_booking)}),
            follow=True,
        )

    assert response.status_code == 200
    paid_booking.refresh_from_db()
    assert paid_booking.status == BookingStatus.CANCELLED
    assert Slot.objects.with_places_left().get(pk=s.pk).places_left == 10
    refund = Refund.objects.get()
    assert refund.amount == D("650000")
    pending = PendingCheckout.objects.get()
    charges = testing.intent(localstripe, pending.payment_intent_id)["charges"]["data"]
    assert sum(c.get("amount_refunded", 0) for c in charges) == 650000
    assert any(paid_booking.reference in m.subject for m in mail.outbox)
    # Cancelling twice refunds nothing more
    client.post(reverse("experiences:cancel", kwargs={"token": tickets.token(paid_booking)}))
    assert Refund.objects.count() == 1


def test_cancelling_outside_the_window_frees_the_places_without_a_refund(
    client, paid_booking, localstripe
):
    # The slot starts in 10 hours: inside the 24-hour no-refund period
    Slot.objects.filter(pk=paid_booking.slot_id).update(
        starts_at=timezone.now() + dt.timedelta(hours=10)
    )
    page = client.get(reverse("experiences:booking", kwargs={"token": tickets.token(paid_booking)}))
    assert "Đã quá hạn hủy miễn phí" in page.content.decode()

    client.post(reverse("experiences:cancel", kwargs={"token": tickets.token(paid_booking)}))

    paid_booking.refresh_from_db()
    assert paid_booking.status == BookingStatus.CANCELLED
    assert Refund.objects.count() == 0
    pending = PendingCheckout.objects.get()
    charges = testing.intent(localstripe, pending.payment_intent_id)["charges"]["data"]
    assert sum(c.get("amount_refunded", 0) for c in charges) == 0


def test_a_refund_the_provider_refuses_leaves_the_booking_as_it_was(paid_booking, stripe_down_at):
    stripe_down_at("refunds.create")

    with pytest.raises(bookings.BookingRefused):
        bookings.cancel_booking(paid_booking, reason="test", refund=True)

    paid_booking.refresh_from_db()
    assert paid_booking.status == BookingStatus.CONFIRMED
    assert Refund.objects.count() == 0


def test_the_producer_closing_a_slot_cancels_with_refund_through_the_same_service(paid_booking):
    refunded = bookings.cancel_booking(paid_booking, reason="Nước lên cao", refund=True)
    assert refunded == D("650000")
    paid_booking.refresh_from_db()
    assert (paid_booking.status, paid_booking.cancel_reason) == ("cancelled", "Nước lên cao")


def methods_offered(client):
    client.get(reverse("checkout:shipping-method"))  # no delivery: straight on
    response = client.get(reverse("checkout:payment-method"))
    assert response.status_code == 200
    return [choice[0] for choice in response.context["form"].fields["method"].choices]


def test_pay_at_the_village_is_offered_only_when_every_line_allows_it_and_places_the_order(
    client, stripe_settings, django_capture_on_commit_callbacks
):
    village_tour = slot(experience(pay_at_village=True), days=4)
    held = book(client, village_tour)
    to_payment(client)

    # Experiences only: no cash on delivery (nothing is delivered), pay at the village
    offered = methods_offered(client)
    assert "village" in offered and "cod" not in offered and "card" in offered

    choose_payment(client, "village")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("checkout:preview"), {"action": "place_order"})

    assert response.status_code == 302
    order = Order.objects.get()
    assert order.sources.get().source_type.code == "village"
    held.refresh_from_db()
    assert (held.status, held.order_line.order) == (BookingStatus.CONFIRMED, order)
    assert any(held.reference in m.subject for m in mail.outbox)


def test_pay_at_the_village_is_not_offered_with_goods_or_an_experience_that_refuses_it(
    client, stripe_settings
):
    book(client, slot(experience(pay_at_village=True), days=4))
    book(client, slot(experience(title="Đạp xe miệt vườn", pay_at_village=False), days=4))
    to_payment(client)
    assert "village" not in methods_offered(client)

    # Posted anyway: refused, no order
    choose_payment(client, "village")
    client.post(reverse("checkout:preview"), {"action": "place_order"})
    assert Order.objects.count() == 0


def test_a_booking_whose_card_capture_is_still_pending_is_not_cancelled_yet(
    client, stripe_settings, localstripe, stripe_down_at
):
    # Given an order placed while Stripe's capture was unreachable (retried by the sweep)
    held = book(client, slot(experience(), capacity=10, days=5))
    to_payment(client)
    client.get(reverse("checkout:shipping-method"))
    choose_payment(client, "card")
    stripe_down_at("payment_intents.capture")
    status, _answer = pay(client, localstripe)
    assert status == 200
    held.refresh_from_db()
    assert held.status == BookingStatus.CONFIRMED

    # When it is cancelled before the capture went through: refused, nothing changed
    with pytest.raises(bookings.BookingRefused, match="đang được xác nhận"):
        bookings.cancel_booking(held, reason="test", refund=True)
    held.refresh_from_db()
    assert held.status == BookingStatus.CONFIRMED
    assert Refund.objects.count() == 0
