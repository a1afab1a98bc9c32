import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from catalogue.roles import OFFICERS, ensure_groups
from payments.fixtures import *  # noqa: F401,F403 (hooks, localstripe, stripe_settings)

from .factories import load_reference, make_producer, make_user


@pytest.fixture
def reference(db):
    load_reference()
    ensure_groups()


@pytest.fixture
def producer_a(reference):
    """(user, partner, product) of Hợp tác xã A, with one public product."""
    return make_producer("HTX Bánh tráng Thuận Hưng", "a@example.vn", "Bánh tráng sữa", "45000", 20)


@pytest.fixture
def producer_b(reference):
    return make_producer("Cơ sở Nem Cái Răng", "b@example.vn", "Nem nướng Cái Răng", "80000", 12)


@pytest.fixture
def officer(reference):
    from django.contrib.auth.models import Group

    user = make_user("canbo@example.vn", first_name="Lan")
    user.groups.add(Group.objects.get(name=OFFICERS))
    return user


Order = get_model("order", "Order")
Partner = get_model("partner", "Partner")

RICE_PRODUCER = "HTX Thuận Hưng"
HONEY_PRODUCER = "Cơ sở Ong Phong Điền"


@pytest.fixture
def place_order(db, django_capture_on_commit_callbacks):
    """Places a guest order (2 × rice, 1 × honey) through checkout; returns the order.

    The producers each get a user account; the placement emails are cleared.
    """

    from checkout.tests.factories import checkout_until_review, two_producer_shop

    def place(language="vi"):
        rice, honey = two_producer_shop()
        client = Client()
        # override() also restores the language the English requests activate in this thread
        with translation.override(language):
            checkout_until_review(client, [(rice, 2), (honey, 1)], method="cod")
            with django_capture_on_commit_callbacks(execute=True):
                client.post(reverse("checkout:preview"), {"action": "place_order"})
        Partner.objects.get(name=RICE_PRODUCER).users.add(make_user("rice@example.vn"))
        Partner.objects.get(name=HONEY_PRODUCER).users.add(make_user("honey@example.vn"))
        mail.outbox.clear()
        return Order.objects.get()

    return place
