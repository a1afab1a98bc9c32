"""Payment states per order and per producer group, as pages and producers read them."""

from datetime import timedelta
from decimal import Decimal as D

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from oscar.core.loading import get_model

from checkout.tests.factories import checkout_until_review, two_producer_shop
from order.fulfilment import update_fulfilment
from payments import state
from payments.providers import PaymentError, available_providers, get_provider, provider_for

Order = get_model("order", "Order")
FulfilmentGroup = get_model("order", "FulfilmentGroup")

pytestmark = pytest.mark.django_db


def place_cod(client):
    rice, honey = two_producer_shop()
    checkout_until_review(client, [(rice, 1), (honey, 1)], method="cod")
    client.post(reverse("checkout:preview"), {"action": "place_order"})
    return Order.objects.get()


def test_cash_on_delivery_is_collected_per_group_as_each_parcel_is_delivered(client):
    order = place_cod(client)

    summary = state.summary(order)

    assert (summary.status, summary.provider, summary.captured) == ("on_delivery", "cod", 0)
    # Groups come by producer name: honey (200.000 + 30.000), then rice (150.000 + 30.000)
    assert [(g.due, g.to_collect, g.payment_pending) for g in summary.groups] == [
        (D("230000.00"), D("230000.00"), False),
        (D("180000.00"), D("180000.00"), False),
    ]
    honey = order.fulfilment_groups.first()
    update_fulfilment(honey, FulfilmentGroup.Status.DELIVERED)
    summary = state.summary(order)
    assert [(g.captured, g.to_collect) for g in summary.groups] == [
        (D("230000.00"), D("0")),
        (D("0"), D("180000.00")),
    ]
    assert summary.to_collect == D("180000.00")
    assert provider_for(order).code == "cod"
    assert provider_for(order).producer_summary(honey) == "Thu hộ khi giao: 230.000\xa0₫"


def test_a_cash_order_is_not_marked_as_waiting_for_payment_in_the_seller_list(client):
    order = place_cod(client)

    html = render_to_string(
        "seller/partials/order_rows.html",
        {
            # as the seller's order list reads them: the state annotated on each row
            "groups": list(
                order.fulfilment_groups.annotate(payment_pending=state.pending_filter())
            ),
            "empty": "",
        },
    )

    assert "payment-pending" not in html
    assert not state.is_pending(order)


def test_a_card_order_waiting_for_its_capture_is_marked_in_the_seller_list(client):
    order = place_cod(client)
    payment = state.payment_of(order)
    payment.status = state.Status.PENDING
    payment.save()

    html = render_to_string(
        "seller/partials/order_rows.html",
        {
            # as the seller's order list reads them: the state annotated on each row
            "groups": list(
                order.fulfilment_groups.annotate(payment_pending=state.pending_filter())
            ),
            "empty": "",
        },
    )

    assert html.count("payment-pending") == 2


def test_providers_come_in_the_settings_order_and_unknown_codes_raise_lookup_error(settings):
    settings.STRIPE_SECRET_KEY = settings.STRIPE_PUBLISHABLE_KEY = ""
    assert [p.code for p in available_providers(150_000)] == ["cod"]
    settings.STRIPE_SECRET_KEY, settings.STRIPE_PUBLISHABLE_KEY = "sk_x", "pk_x"
    assert [p.code for p in available_providers(150_000)] == ["card", "cod"]
    assert [p.code for p in available_providers(100_000_000)] == ["cod"]
    assert get_provider("stripe") is get_provider("card")  # orders from before providers
    with pytest.raises(LookupError):
        get_provider("bitcoin")


def test_the_payment_table_shows_each_group_for_order_pages(client):
    order = place_cod(client)

    html = render_to_string(
        "payments/partials/payment_summary.html",
        {"order": order, "summary": state.summary(order)},
    )

    assert "180.000\xa0₫" in html and "230.000\xa0₫" in html


def test_cash_handed_back_is_recorded_once_and_never_more_than_was_collected(client):
    order = place_cod(client)
    cash = get_provider("cod")
    with pytest.raises(PaymentError):
        cash.refund(order, 1, key="before-delivery")  # nothing collected yet
    assert state.summary(order).refunded == 0
    honey = order.fulfilment_groups.first()
    update_fulfilment(honey, FulfilmentGroup.Status.DELIVERED)

    first = cash.refund(order, 30_000, key="k1")
    again = cash.refund(order, 30_000, key="k1")
    with pytest.raises(PaymentError):
        cash.refund(order, 200_001, key="k2")

    assert first == again
    summary = state.summary(order)
    assert summary.refunded == D("30000")
    assert [g.refunded for g in summary.groups] == [D("30000"), D("0")]
    assert order.notes.count() == 1


def test_orders_from_before_payment_states_get_theirs_already_announced(client):
    from importlib import import_module

    from django.apps import apps
    from django.core import mail

    from payments.models import OrderPayment
    from payments.reconcile import sweep

    order = place_cod(client)
    OrderPayment.objects.all().delete()
    mail.outbox.clear()

    import_module("payments.migrations.0004_existing_orders").record_existing(apps, None)

    payment = OrderPayment.objects.get(order=order)
    assert (payment.status, payment.provider) == ("on_delivery", "cod")
    assert payment.shopper_notified_at == order.date_placed
    assert sweep(older_than=timedelta(0)) == {"checkouts": {}, "captures": {}}
    assert mail.outbox == []
