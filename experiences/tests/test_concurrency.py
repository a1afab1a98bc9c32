"""The last places: five tourists at once for two places, and nobody is charged for nothing.

Needs PostgreSQL's row locks (``select_for_update``): marked ``postgresql`` and
deselected on SQLite; CI runs the suite on PostgreSQL. Each tourist is a thread with its
own database connection.
"""

import datetime as dt
import threading

import pytest
from django.db import connection
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from experiences import booking as bookings
from experiences.choices import BookingStatus
from experiences.models import Booking, Slot
from order.placement import basket_snapshot
from payments import stripe_api, testing
from payments.intents import finalise
from payments.models import PendingCheckout

from .factories import booking, experience, slot

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Selector = get_class("partner.strategy", "Selector")

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def at_once(work, items):
    results = {}
    barrier = threading.Barrier(len(items))

    def run(item):
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            try:
                results[item] = work(item)
            except Exception as error:  # the refusal is the result
                results[item] = error
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=run, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def places_left(s):
    return Slot.objects.with_places_left().get(pk=s.pk).places_left


def test_five_tourists_holding_two_places_at_once_get_two_holds():
    assert connection.vendor == "postgresql"
    s = slot(experience(), capacity=4)
    booking(s, adults=2)  # 2 places left

    results = at_once(
        lambda n: bookings.hold(s.experience, s.pk, bookings.Party(1, 0)), list(range(5))
    )

    held = [r for r in results.values() if isinstance(r, Booking)]
    refused = [r for r in results.values() if isinstance(r, bookings.BookingRefused)]
    assert (len(held), len(refused)) == (2, 3)
    assert places_left(s) == 0
    assert Booking.objects.filter(status=BookingStatus.HELD).count() == 2


def tourist_checkout(s, number, localstripe):
    """A tourist's basket with a 1-adult booking whose hold ran out, authorised by card."""
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    held = bookings.hold(s.experience, s.pk, bookings.Party(1, 0), basket=basket)
    # The hold ran out while they typed their card: the place is free for anyone.
    Booking.objects.filter(pk=held.pk).update(
        status=BookingStatus.EXPIRED, hold_expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    basket = Basket.objects.get(pk=basket.pk)
    basket.strategy = Selector().strategy()
    pending = PendingCheckout.objects.create(
        basket=basket,
        email=f"tourist{number}@example.com",
        address={},
        shipping_method_code="no-shipping-required",
        method="card",
        amount=250_000,
        lines=basket_snapshot(basket),
        order_number=str(300000 + number),
        language="en",
    )
    intent = stripe_api.client().payment_intents.create(
        params={
            "amount": pending.amount,
            "currency": "vnd",
            "capture_method": "manual",
            "payment_method": testing.card_payment_method(localstripe, testing.VISA),
            "confirm": True,
        },
        options={"idempotency_key": f"{pending.idempotency_key}:create"},
    )
    assert intent.status == "requires_capture"
    pending.payment_intent_id = intent.id
    pending.save()
    return pending


def test_two_places_left_five_tourists_paying_at_once_two_bookings_three_uncharged(
    stripe_settings, localstripe
):
    assert connection.vendor == "postgresql"
    s = slot(experience(), capacity=7)
    pendings = [tourist_checkout(s, n, localstripe) for n in range(5)]
    booking(s, adults=5)  # meanwhile others confirmed 5: 2 places left
    assert places_left(s) == 2

    outcomes = at_once(finalise, pendings)

    placed = [p for p, o in outcomes.items() if getattr(o, "order", None) is not None]
    refused = [p for p, o in outcomes.items() if getattr(o, "order", None) is None]
    assert (len(placed), len(refused), Order.objects.count()) == (2, 3, 2)
    assert Booking.objects.filter(status=BookingStatus.CONFIRMED, slot=s).count() == 3  # 2 + 1
    assert places_left(s) == 0
    for pending in refused:
        pending.refresh_from_db()
        assert pending.status == "cancelled"
        assert testing.intent(localstripe, pending.payment_intent_id)["status"] == "canceled"
        assert testing.captured(localstripe, pending.payment_intent_id) == []
    for pending in placed:
        pending.refresh_from_db()
        assert testing.intent(localstripe, pending.payment_intent_id)["status"] == "succeeded"
