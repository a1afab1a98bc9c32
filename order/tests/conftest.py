import json

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from checkout.tests.factories import checkout_until_review, two_producer_shop
from payments import testing
from payments.fixtures import *  # noqa: F401,F403

Order = get_model("order", "Order")
FulfilmentGroup = get_model("order", "FulfilmentGroup")
StockRecord = get_model("partner", "StockRecord")

RICE = "HTX Thuận Hưng"
HONEY = "Cơ sở Ong Phong Điền"
SITE_URL = "https://ocop.example.vn"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE_URL


@pytest.fixture(autouse=True)
def vietnamese():
    # A request to /en/ leaves English active in the test thread: start each test in vi.
    with translation.override("vi"):
        yield


@pytest.fixture
def place(db, django_capture_on_commit_callbacks, stripe_settings, localstripe):
    """Places a guest order of 2 × rice (150.000 ₫) and 1 × honey (200.000 ₫), each producer
    charging 30.000 ₫ delivery, through checkout; returns the order, emails cleared.

    Paid by card (captured) unless ``method="cod"``: cash is only in hand, and so only
    refundable, once a group is delivered."""

    def place(method="card", language="vi"):
        rice, honey = two_producer_shop()
        client = Client()
        with translation.override(language):
            checkout_until_review(client, [(rice, 2), (honey, 1)], method=method)
            with django_capture_on_commit_callbacks(execute=True):
                if method == "card":
                    card = testing.card_payment_method(localstripe, "4242424242424242")
                    client.post(
                        reverse("checkout:card-payment"),
                        json.dumps({"payment_method": card}),
                        content_type="application/json",
                    )
                else:
                    client.post(reverse("checkout:preview"), {"action": "place_order"})
        mail.outbox.clear()
        return Order.objects.get()

    return place


@pytest.fixture
def staff(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


def group(order, name):
    return FulfilmentGroup.objects.get(order=order, partner__name=name)


def line(order, name):
    return order.lines.get(partner__name=name)


def stock(title):
    record = StockRecord.objects.get(product__title=title)
    return record.num_in_stock, record.num_allocated
