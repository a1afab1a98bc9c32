"""Every email about an order is written in the language the shopper ordered in, which
the order keeps; producers always read Vietnamese."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import translation
from oscar.core.loading import get_model

from order import emails

from .conftest import RICE

User = get_user_model()
Partner = get_model("partner", "Partner")


@pytest.mark.parametrize(
    ("language", "subject", "money"),
    [
        ("vi", "xác nhận đơn hàng", r"\b\d{3}\.000\u00a0₫"),
        ("en", "confirmed", r"\b\d{3},000\u00a0₫"),
    ],
)
def test_the_order_keeps_its_language_for_every_email(place, language, subject, money):
    # Given an order placed by a shopper reading the site in `language`
    order = place(method="cod", language=language)
    producer = User.objects.create_user("htx", "htx@example.vn", "x")
    Partner.objects.get(name=RICE).users.add(producer)

    # When its confirmation is sent again from a Vietnamese context (a producer's
    # action, the scheduled sweep)
    with translation.override("vi" if language == "en" else "en"):
        emails.order_placed(order, emails.shopper_language(order))

    # Then the shopper's email is in the order's language, with its money written that
    # language's way, and each producer's is in Vietnamese
    shopper = next(m for m in mail.outbox if m.to == [order.email])
    producers = [m for m in mail.outbox if m is not shopper]
    assert order.language == language
    assert subject in shopper.subject
    assert re.search(money, shopper.body)
    assert [(m.to, m.subject.startswith("Đơn hàng mới")) for m in producers] == [
        (["htx@example.vn"], True)
    ]
