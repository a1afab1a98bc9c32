"""Payment states per order and per producer group, as pages and producers read them."""

from decimal import Decimal as D

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from oscar.core.loading import get_model

from checkout.tests.factories import checkout_until_review, two_producer_shop
from order.fulfilment import update_fulfilment
from payments import state
from payments.providers import available_providers, get_provider, provider_for

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
        {"groups": list(order.fulfilment_groups.all()), "empty": ""},
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
        {"groups": list(order.fulfilment_groups.all()), "empty": ""},
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
