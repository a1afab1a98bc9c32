"""Guest order tracking: the pair travels by POST only, and failed lookups are limited per
real client address and per order number, behind the production proxy."""

import datetime as dt

import pytest
import time_machine
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_model

from checkout.tracking import MAX_FAILURES
from seller.tests.proxies import production_settings, through_nginx

from .factories import checkout_until_review, two_producer_shop

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db

HOME = "113.161.10.20"
GUESSER = "27.72.5.6"


@pytest.fixture
def order(django_capture_on_commit_callbacks):
    """A guest's cash-on-delivery order for lan@example.vn, placed through checkout."""
    rice, honey = two_producer_shop()
    client = Client()
    checkout_until_review(client, [(rice, 1), (honey, 1)], method="cod")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("checkout:preview"), {"action": "place_order"})
    return Order.objects.get()


@pytest.fixture(autouse=True)
def behind_one_proxy(monkeypatch):
    with override_settings(**production_settings(monkeypatch, 1)):
        yield


def track(number, email, address=HOME, language="vi"):
    data = {"order_number": number, "email": email}
    # override() also restores the language an English request activates in this thread.
    with translation.override(language):
        return Client().post(reverse("checkout:track"), data, **through_nginx(address))


def shows(response, order):
    return response.context.get("order") == order and "Mật ong Phong Điền" in (
        response.content.decode()
    )


def test_the_number_and_email_in_a_post_show_the_order(order):
    response = track(f"#{order.number} ", "Lan@Example.vn")

    assert response.status_code == 200
    assert shows(response, order)


def test_a_get_with_the_pair_in_the_query_string_shows_nothing(client, order):
    response = client.get(
        reverse("checkout:track"), {"order_number": order.number, "email": "lan@example.vn"}
    )

    assert response.status_code == 200
    assert not shows(response, order)
    assert not response.context["form"].is_bound
    assert 'method="post"' in response.content.decode()


def test_the_thank_you_page_sends_the_pair_in_a_post_body(client, order):
    session = client.session
    session["checkout_order_id"] = order.pk
    session.save()

    page = client.get(reverse("checkout:thank-you")).content.decode()

    assert "email=" not in page
    assert f'<form method="post" action="{reverse("checkout:track")}">' in page
    assert 'name="email" value="lan@example.vn"' in page


def test_failures_from_one_address_stop_its_lookups_but_not_others(order):
    for n in range(MAX_FAILURES):
        assert track(f"ZZ{n}", "lan@example.vn", GUESSER).status_code == 404

    # The guesser now gets nothing, not even with the right pair …
    limited = track(order.number, "lan@example.vn", GUESSER)
    assert limited.status_code == 429
    assert not shows(limited, order)
    # … while the shopper at home, behind the same proxy, tracks the order.
    assert shows(track(order.number, "lan@example.vn", HOME), order)


def test_guesses_at_one_order_from_many_addresses_stop_lookups_of_that_order(order):
    for n in range(MAX_FAILURES):
        assert track(order.number, f"khach{n}@example.vn", f"14.160.0.{n}").status_code == 404

    limited = track(order.number, "lan@example.vn", HOME)
    assert limited.status_code == 429
    assert not shows(limited, order)
    # Other order numbers are still looked up (this one does not exist).
    assert track("ZZZ999", "lan@example.vn", HOME).status_code == 404


def test_the_limit_does_not_grow_while_lookups_continue(order):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        for n in range(MAX_FAILURES):
            track(f"ZZ{n}", "lan@example.vn", GUESSER)
        for minute in range(1, 15):
            clock.move_to(start + dt.timedelta(minutes=minute))
            assert track(f"ZY{minute}", "lan@example.vn", GUESSER).status_code == 429
        assert track(order.number, "lan@example.vn", GUESSER).status_code == 429

        clock.move_to(start + dt.timedelta(minutes=15, seconds=1))
        response = track(order.number, "lan@example.vn", GUESSER)

    assert response.status_code == 200
    assert shows(response, order)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("vi", "việc tra cứu tạm dừng 15 phút"),
        ("en", "lookups are paused for 15 minutes"),
    ],
)
def test_the_limit_is_explained_in_the_visitors_language(order, language, message):
    for n in range(MAX_FAILURES):
        track(f"ZZ{n}", "lan@example.vn", GUESSER, language)

    response = track(order.number, "lan@example.vn", GUESSER, language)

    assert response.status_code == 429
    assert message in response.content.decode()
