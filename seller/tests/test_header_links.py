"""The header's account menu leads producers to the seller area and officers to theirs."""

import pytest
from django.urls import reverse

from .factories import make_user


def menu_links(client):
    page = client.get(reverse("checkout:track")).content.decode()
    seller = f'href="{reverse("seller:home")}">Khu người bán</a>'
    officer = f'href="{reverse("seller:officer-approvals")}">Cán bộ</a>'
    return seller in page, officer in page


@pytest.mark.parametrize(
    "who, expected",
    [("producer", (True, False)), ("officer", (False, True)), ("shopper", (False, False))],
)
def test_links_follow_who_is_signed_in(client, producer_a, officer, who, expected):
    user = {"producer": producer_a[0], "officer": officer}.get(who) or make_user("k@example.vn")
    client.force_login(user)
    assert menu_links(client) == expected


def test_visitors_see_neither(client, reference):
    assert menu_links(client) == (False, False)
