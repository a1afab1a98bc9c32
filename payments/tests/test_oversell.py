"""The last units: ten shoppers pay at once for 3 left, and nobody is charged for nothing.

Needs PostgreSQL's row locks (``select_for_update``): marked ``postgresql`` and
deselected on SQLite; CI runs the suite on PostgreSQL.
"""

import threading
from decimal import Decimal as D

import pytest
from django.db import connection
from oscar.core.loading import get_class, get_model
from oscar.test.factories import create_product

from checkout.reference import ensure_vietnam
from checkout.tests.factories import cantho_ward, goods_class
from order.placement import basket_snapshot
from payments import testing
from payments.intents import finalise
from payments.models import PendingCheckout

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
Selector = get_class("partner.strategy", "Selector")

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def shopper_checkout(product, number, localstripe):
    """One shopper's basket (1 unit), written down and authorised (not yet captured)."""
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    basket.add_product(product, 1)
    pending = PendingCheckout.objects.create(
        basket=basket,
        email=f"shopper{number}@example.vn",
        phone="+84912345678",
        address={
            "first_name": f"Khách {number}",
            "line1": "1 Đường 30/4",
            "line4": "Phường Ninh Kiều",
            "state": "Thành phố Cần Thơ",
            "province_code": "92",
            "ward_code": cantho_ward(),
            "phone_number": "+84912345678",
            "country_id": "VN",
        },
        shipping_method_code="per-producer",
        method="card",
        amount=130_000,  # 100.000 ₫ + 30.000 ₫ delivery
        lines=basket_snapshot(basket),
        order_number=str(200000 + number),
    )
    card = testing.card_payment_method(localstripe, "4242424242424242")
    # Authorise only: stop before placing, as if all ten pressed "pay" together.
    from payments import stripe_api

    intent = stripe_api.client().payment_intents.create(
        params={
            "amount": pending.amount,
            "currency": "vnd",
            "capture_method": "manual",
            "payment_method": card,
            "confirm": True,
        },
        options={"idempotency_key": f"{pending.idempotency_key}:create"},
    )
    assert intent.status == "requires_capture"
    pending.payment_intent_id = intent.id
    pending.save()
    return pending


def test_ten_shoppers_three_units_three_orders_seven_uncharged(stripe_settings, localstripe):
    assert connection.vendor == "postgresql"
    ensure_vietnam()
    goods_class()
    product = create_product(
        title="Bánh pía Sóc Trăng",
        product_class="Sản phẩm",
        partner_name="Cơ sở Bánh pía",
        price=D("100000"),
        num_in_stock=3,
    )
    pendings = [shopper_checkout(product, n, localstripe) for n in range(10)]

    outcomes = {}
    barrier = threading.Barrier(10)

    def pay(pending):
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            outcomes[pending.pk] = finalise(pending)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=pay, args=(p,)) for p in pendings]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    placed = [pk for pk, o in outcomes.items() if o.order is not None]
    refused = [pk for pk, o in outcomes.items() if o.order is None]
    assert (len(placed), len(refused), Order.objects.count()) == (3, 7, 3)
    for pk in refused:
        assert "vừa hết hàng" in outcomes[pk].error
        pending = PendingCheckout.objects.get(pk=pk)
        assert pending.status == "cancelled"
        assert testing.intent(localstripe, pending.payment_intent_id)["status"] == "canceled"
    for pk in placed:
        pending = PendingCheckout.objects.get(pk=pk)
        assert testing.intent(localstripe, pending.payment_intent_id)["status"] == "succeeded"
    record = StockRecord.objects.get(product=product)
    assert (record.num_in_stock, record.num_allocated) == (3, 3)
