"""Holding places, pricing a booking line, expiry, and the refusals of bad input."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from experiences import booking as bookings
from experiences.choices import BookingStatus
from experiences.models import Booking, Slot

from .factories import booking, experience, slot

Basket = get_model("basket", "Basket")
BasketLine = get_model("basket", "Line")
Selector = get_class("partner.strategy", "Selector")

pytestmark = pytest.mark.django_db


def places_left(s):
    return Slot.objects.with_places_left().get(pk=s.pk).places_left


def new_basket():
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    return basket


def book(client, s, **data):
    payload = {"slot": s.pk, "adults": 2, "children": 1, "language": "vi", **data}
    return client.post(reverse("experiences:book", kwargs={"pk": s.experience.product_id}), payload)


def test_a_hold_takes_places_and_is_one_basket_line_priced_from_the_booking():
    # Given a slot of 10 at 250.000 ₫ an adult and 150.000 ₫ a child
    s = slot(experience(), capacity=10)
    basket = new_basket()

    # When 2 adults and 1 child are held
    held = bookings.hold(s.experience, s.pk, bookings.Party(2, 1), basket=basket)

    # Then 3 places are taken, and the basket has one line of 650.000 ₫, quantity 1
    assert (held.status, held.people, places_left(s)) == (BookingStatus.HELD, 3, 7)
    basket = Basket.objects.get(pk=basket.pk)
    basket.strategy = Selector().strategy()
    (line,) = basket.all_lines()
    assert line.quantity == 1
    assert line.line_price_incl_tax == D("650000")
    assert basket.total_incl_tax == D("650000")
    assert line.purchase_info.availability.is_purchase_permitted(1) == (True, "")
    assert line.get_warning() is None
    # Two bookings of the same experience are two lines
    bookings.hold(s.experience, s.pk, bookings.Party(1, 0), basket=basket)
    assert basket.lines.count() == 2


def test_private_group_pays_the_group_price():
    s = slot(experience(private_group_price=1_200_000, max_group=8), capacity=10)
    basket = new_basket()
    bookings.hold(s.experience, s.pk, bookings.Party(5, 2, private_group=True), basket=basket)
    basket = Basket.objects.get(pk=basket.pk)
    basket.strategy = Selector().strategy()
    assert basket.total_incl_tax == D("1200000")


def test_children_pay_the_adult_price_when_no_child_price_is_set():
    s = slot(experience(child_price=None, adult_price=200_000))
    basket = new_basket()
    bookings.hold(s.experience, s.pk, bookings.Party(1, 2), basket=basket)
    basket = Basket.objects.get(pk=basket.pk)
    basket.strategy = Selector().strategy()
    assert basket.total_incl_tax == D("600000")


def test_the_product_alone_cannot_be_added_to_the_basket(client):
    # Given an experience (the add-to-basket form of Oscar posted directly)
    e = experience()
    slot(e)

    # When its product is posted to the basket without a booking
    client.post(reverse("basket:add", kwargs={"pk": e.product_id}), {"quantity": 1})

    # Then nothing is in any basket and nothing is held
    assert BasketLine.objects.count() == 0
    assert Booking.objects.count() == 0


def test_the_booking_line_cannot_change_quantity_in_the_basket():
    s = slot(experience())
    basket = new_basket()
    bookings.hold(s.experience, s.pk, bookings.Party(2, 0), basket=basket)
    (line,) = Basket.objects.get(pk=basket.pk).lines.all()
    line.basket.strategy = Selector().strategy()
    permitted, message = line.purchase_info.availability.is_purchase_permitted(3)
    assert permitted is False and "số người" in message


def test_removing_the_line_gives_the_places_back():
    s = slot(experience(), capacity=4)
    basket = new_basket()
    held = bookings.hold(s.experience, s.pk, bookings.Party(3, 0), basket=basket)
    assert places_left(s) == 1

    basket.lines.get().delete()

    held.refresh_from_db()
    assert (held.status, places_left(s)) == (BookingStatus.EXPIRED, 4)


def test_the_page_form_holds_and_sends_the_tourist_to_the_basket(client):
    s = slot(experience(), capacity=10)
    response = book(client, s)
    assert response.status_code == 302 and response["Location"] == reverse("basket:summary")
    held = Booking.objects.get()
    assert (held.adults, held.children, held.status, held.language) == (2, 1, "held", "vi")
    assert held.basket_line.basket.lines.count() == 1


# Bad input: a clear message, nothing held, no basket line.


def _past(e):
    return slot(e, days=-1)


def _after_cutoff(e):
    # 12 hours cut-off: a slot 6 hours from now
    starts = timezone.now() + dt.timedelta(hours=6)
    return Slot.objects.create(experience=e, starts_at=starts, capacity=10)


def _closed(e):
    return slot(e, closed_at=timezone.now(), closed_reason="Lũ")


def _full(e):
    s = slot(e, capacity=3)
    booking(s, adults=2)
    return s


@pytest.mark.parametrize(
    ("make_slot", "data", "message"),
    [
        (_past, {}, "đã bắt đầu hoặc đã qua"),
        (_after_cutoff, {}, "ngừng nhận đặt chỗ"),
        (_closed, {}, "đã đóng"),
        (_full, {}, "chỉ còn 1 chỗ"),
        (slot, {"adults": 0, "children": 2}, "ít nhất một người lớn"),
        (slot, {"adults": 9, "children": 3}, "từ 1 đến 10 người"),
        (slot, {"adults": "-2"}, "Số người không hợp lệ"),
        (slot, {"adults": "99999999999"}, "Số người không hợp lệ"),
        (slot, {"adults": "hai"}, "Số người không hợp lệ"),
        (slot, {"children": "-1", "adults": 11}, "từ 1 đến 10 người"),
        (slot, {"slot": ""}, "Hãy chọn ngày và giờ"),
        (slot, {"private_group": "1"}, "không nhận đặt nhóm riêng"),
        (slot, {"language": "ko"}, None),  # not offered: falls back to an offered language
    ],
)
def test_bad_bookings_are_refused_with_nothing_held(client, make_slot, data, message):
    e = experience()
    s = make_slot(e)
    before = set(Booking.objects.values_list("pk", flat=True))

    response = client.post(
        reverse("experiences:book", kwargs={"pk": e.product_id}),
        {"slot": s.pk, "adults": 2, "children": 1, "language": "vi", **data},
        follow=True,
    )

    assert response.status_code == 200
    if message is None:
        # The language is read as a choice among those offered, so the hold is made.
        assert Booking.objects.get().language in ("vi", "en")
        return
    shown = [str(m) for m in response.context["messages"]]
    assert any(message in m for m in shown), shown
    assert set(Booking.objects.values_list("pk", flat=True)) == before
    assert BasketLine.objects.count() == 0


def test_a_slot_of_another_experience_posted_directly_is_refused(client):
    mine, other = experience(), experience(title="Vườn trái cây Mỹ Khánh")
    foreign = slot(other)
    slot(mine)

    response = client.post(
        reverse("experiences:book", kwargs={"pk": mine.product_id}),
        {"slot": foreign.pk, "adults": 2},
        follow=True,
    )

    assert "Không tìm thấy lượt này" in response.content.decode()
    assert Booking.objects.count() == 0 and BasketLine.objects.count() == 0


def test_an_unknown_experience_is_404(client):
    response = client.post(reverse("experiences:book", kwargs={"pk": 999999}), {"slot": 1})
    assert response.status_code == 404


# Holds run out


def test_expired_holds_free_their_places_and_are_marked_by_the_task():
    s = slot(experience(), capacity=4)
    held = bookings.hold(s.experience, s.pk, bookings.Party(4, 0))
    assert places_left(s) == 0

    later = held.hold_expires_at + dt.timedelta(seconds=1)
    assert bookings.expire_holds(now=later) == 1

    held.refresh_from_db()
    assert held.status == BookingStatus.EXPIRED
    assert places_left(s) == 4


def test_hold_minutes_come_from_the_setting(settings):
    settings.OCOP_BOOKING_HOLD_MINUTES = 7
    s = slot(experience())
    now = timezone.now()
    held = bookings.hold(s.experience, s.pk, bookings.Party(1, 0), now=now)
    assert held.hold_expires_at == now + dt.timedelta(minutes=7)


def test_a_line_whose_hold_ran_out_stays_payable_while_places_remain_and_not_after():
    s = slot(experience(), capacity=4)
    basket = new_basket()
    held = bookings.hold(s.experience, s.pk, bookings.Party(3, 0), basket=basket)
    bookings.expire_holds(now=held.hold_expires_at)
    held.refresh_from_db()
    assert bookings.line_problem(held) == ""

    # Someone else takes 2 of the 4 places meanwhile
    booking(s, adults=2)
    assert "không còn đủ chỗ" in bookings.line_problem(held)
    line = BasketLine.objects.get()
    basket = Basket.objects.get(pk=basket.pk)
    basket.strategy = Selector().strategy()
    line = basket.all_lines()[0]
    assert line.purchase_info.availability.is_available_to_buy is False
