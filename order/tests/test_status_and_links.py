"""The order's status follows its groups; every email links to the shop's own page."""

import re

import pytest
from django.contrib.sites.models import Site
from django.core import mail
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from order.fulfilment import update_fulfilment
from order.links import order_url
from order.status import order_status

from .conftest import HONEY, RICE, SITE_URL, group

FulfilmentGroup = get_model("order", "FulfilmentGroup")


def groups(*states):
    return [FulfilmentGroup(status=s, refund_state=r) for s, r in states]


@pytest.mark.parametrize(
    "states, expected",
    [
        ([], "Mới"),
        ([("new", ""), ("packed", "")], "Mới"),
        ([("packed", ""), ("shipped", "")], "Đã đóng gói"),
        ([("shipped", ""), ("delivered", "")], "Đang giao"),
        ([("delivered", ""), ("delivered", "partly")], "Đã giao"),
        ([("cancelled", ""), ("shipped", "")], "Đang giao"),
        ([("new", "full"), ("delivered", "")], "Đã giao"),
        ([("cancelled", ""), ("cancelled", "")], "Đã hủy"),
        ([("cancelled", ""), ("delivered", "full")], "Đã hoàn tiền"),
    ],
)
def test_order_status_is_the_least_advanced_group_still_going(states, expected):
    assert order_status(groups(*states)) == expected


def test_oscar_uses_the_pipeline_the_status_follows(settings):
    from order import status

    assert settings.OSCAR_ORDER_STATUS_PIPELINE == status.PIPELINE
    assert settings.OSCAR_INITIAL_ORDER_STATUS == status.NEW


@pytest.mark.django_db
def test_the_status_moves_with_the_groups_and_shows_in_the_dashboard(place, staff):
    order = place()
    assert order.status == "Mới"

    update_fulfilment(group(order, RICE), "shipped", carrier="GHN")
    order.refresh_from_db()
    assert order.status == "Mới"
    update_fulfilment(group(order, HONEY), "packed")
    order.refresh_from_db()
    assert order.status == "Đã đóng gói"
    update_fulfilment(group(order, HONEY), "delivered")
    update_fulfilment(group(order, RICE), "delivered")
    order.refresh_from_db()
    assert order.status == "Đã giao"

    listing = staff.get(reverse("dashboard:order-list"))
    detail = staff.get(reverse("dashboard:order-detail", args=[order.number]))
    assert "<td>Đã giao</td>" in listing.content.decode()
    assert "N/A" not in detail.content.decode()
    assert "<td>Đã giao</td>" in detail.content.decode()


@pytest.mark.django_db
def test_the_status_cannot_be_set_by_hand(place, staff):
    order = place()
    staff.post(
        reverse("dashboard:order-detail", args=[order.number]),
        {"order_action": "change_order_status", "new_status": "Đã giao"},
    )
    staff.post(
        reverse("dashboard:order-list"),
        {"action": "change_order_statuses", "selected_order": [order.pk], "new_status": "Đã giao"},
    )
    order.refresh_from_db()
    assert order.status == "Mới"
    assert order.status_changes.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("language, prefix", [("vi", ""), ("en", "/en")])
def test_order_placed_and_delivery_emails_link_from_site_url(
    place, client, django_capture_on_commit_callbacks, language, prefix
):
    # The Site row (only the demo data sets it) says example.com: no email may use it
    Site.objects.update(domain="example.com")
    order = place(language=language)
    with django_capture_on_commit_callbacks(execute=True):
        update_fulfilment(group(order, RICE), "packed")
    (update,) = mail.outbox
    # The link as sent: its signature holds the second it was made, which a link made
    # here a moment later need not share.
    link = re.search(rf"{re.escape(SITE_URL)}\S+", update.body).group(0)
    assert link.startswith(f"{SITE_URL}{prefix}/cua-hang/checkout/don-hang/")
    assert order_url(order, language).startswith(f"{SITE_URL}{prefix}/cua-hang/checkout/don-hang/")
    assert "example.com" not in update.body
    # the guest's link opens the order without retyping number and email
    page = client.get(link.removeprefix(SITE_URL))
    assert page.status_code == 200 and page.context["order"] == order


@pytest.mark.django_db
def test_the_order_placed_email_links_from_site_url(
    db, django_capture_on_commit_callbacks, settings
):
    from checkout.tests.factories import checkout_until_review, two_producer_shop

    Site.objects.update(domain="example.com")
    rice, honey = two_producer_shop()
    shopper = Client()
    checkout_until_review(shopper, [(rice, 1)], method="cod")
    with django_capture_on_commit_callbacks(execute=True):
        shopper.post(reverse("checkout:preview"), {"action": "place_order"})
    confirmation = next(m for m in mail.outbox if m.to == ["lan@example.vn"])
    assert f"{SITE_URL}/cua-hang/checkout/don-hang/" in confirmation.body
    assert "example.com" not in confirmation.body


@pytest.mark.django_db
def test_a_signed_in_shopper_is_sent_to_their_account_order_page(place, django_user_model):
    order = place()
    order.user = django_user_model.objects.create_user("lan", "lan@example.vn", "pw")
    order.save()
    assert order_url(order, "en") == f"{SITE_URL}/en/cua-hang/accounts/orders/{order.number}/"


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["abc", "x" * 300, "100001", ".eJzT:1:2"])
def test_a_forged_order_link_is_not_found(client, token):
    assert client.get(reverse("checkout:order-link", args=[token])).status_code == 404
