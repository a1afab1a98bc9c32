"""A producer sees only its own lines; staff refund card payments from the dashboard."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from checkout.tests.factories import checkout_until_review, two_producer_shop
from payments import testing
from payments.models import PendingCheckout

Order = get_model("order", "Order")
Partner = get_model("partner", "Partner")
FulfilmentGroup = get_model("order", "FulfilmentGroup")

pytestmark = pytest.mark.django_db


@pytest.fixture
def producer_user(django_user_model):
    user = django_user_model.objects.create_user("honey", "honey@example.vn", "pw")
    user.user_permissions.add(Permission.objects.get(codename="dashboard_access"))
    return user


def place_cod_order(client, django_capture_on_commit_callbacks):
    rice, honey = two_producer_shop()
    checkout_until_review(client, [(rice, 1), (honey, 2)], method="cod")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("checkout:preview"), {"action": "place_order"})
    return Order.objects.get()


def test_producer_sees_only_its_lines_and_is_told_only_of_them(
    client, producer_user, django_capture_on_commit_callbacks
):
    # Given the honey producer's account, and an order with rice and honey
    Partner.objects.get_or_create(name="Cơ sở Ong Phong Điền")[0].users.add(producer_user)
    order = place_cod_order(client, django_capture_on_commit_callbacks)

    # Then the producer was emailed its own lines only
    producer_mail = [m for m in mail.outbox if m.to == ["honey@example.vn"]]
    assert len(producer_mail) == 1
    assert "Mật ong Phong Điền × 2" in producer_mail[0].body
    assert "Bánh tráng" not in producer_mail[0].body

    # When the producer opens the order in the dashboard (in its own browser)
    client = Client()
    client.force_login(producer_user)
    page = client.get(reverse("dashboard:order-detail", kwargs={"number": order.number}))

    # Then only its own line and group show
    assert page.status_code == 200
    assert [line.title for line in page.context["lines"]] == ["Mật ong Phong Điền"]
    assert [g.partner.name for g, _l, _f in page.context["fulfilment_groups"]] == [
        "Cơ sở Ong Phong Điền"
    ]
    assert "Bánh tráng Thuận Hưng" not in page.content.decode()


def test_producer_cannot_move_another_producers_group(
    client, producer_user, django_capture_on_commit_callbacks
):
    Partner.objects.get_or_create(name="Cơ sở Ong Phong Điền")[0].users.add(producer_user)
    order = place_cod_order(client, django_capture_on_commit_callbacks)
    rice_group = FulfilmentGroup.objects.get(partner__name="HTX Thuận Hưng")
    honey_group = FulfilmentGroup.objects.get(partner__name="Cơ sở Ong Phong Điền")
    client.force_login(producer_user)

    url = reverse(
        "dashboard:order-fulfilment", kwargs={"number": order.number, "group_id": rice_group.pk}
    )
    response = client.post(url, {f"g{rice_group.pk}-status": "shipped"})
    assert response.status_code == 404
    rice_group.refresh_from_db()
    assert rice_group.status == "new"

    url = reverse(
        "dashboard:order-fulfilment", kwargs={"number": order.number, "group_id": honey_group.pk}
    )
    prefix = f"g{honey_group.pk}"
    client.post(
        url,
        {
            f"{prefix}-status": "shipped",
            f"{prefix}-carrier": "GHN",
            f"{prefix}-tracking_number": "GHN123",
        },
    )
    honey_group.refresh_from_db()
    assert (honey_group.status, honey_group.carrier, honey_group.tracking_number) == (
        "shipped",
        "GHN",
        "GHN123",
    )
    assert honey_group.shipped_at is not None

    # and the guest tracking page shows each group's status
    page = client.post(
        reverse("checkout:track"), {"order_number": order.number, "email": "lan@example.vn"}
    )
    text = page.content.decode()
    assert page.status_code == 200 and "Đang giao" in text and "GHN123" in text and "Mới" in text


def test_tracking_gives_one_answer_for_a_wrong_number_or_email(
    client, django_capture_on_commit_callbacks
):
    order = place_cod_order(client, django_capture_on_commit_callbacks)
    wrong_email = client.post(
        reverse("checkout:track"), {"order_number": order.number, "email": "x@example.vn"}
    )
    wrong_number = client.post(
        reverse("checkout:track"), {"order_number": "999999", "email": "lan@example.vn"}
    )
    assert wrong_email.status_code == wrong_number.status_code == 404
    assert "order" not in wrong_email.context and "order" not in wrong_number.context


def test_staff_refunds_part_then_the_rest_recorded_on_the_order(
    client, stripe_settings, localstripe, admin_user
):
    # Given an order paid by card (150.000 + 200.000 + 2 × 30.000 = 410.000 ₫)
    rice, honey = two_producer_shop()
    checkout_until_review(client, [(rice, 1), (honey, 1)], method="card")
    card = testing.card_payment_method(localstripe, "4242424242424242")
    client.post(
        reverse("checkout:card-payment"),
        json.dumps({"payment_method": card}),
        content_type="application/json",
    )
    order = Order.objects.get()
    client.force_login(admin_user)
    url = reverse("dashboard:order-refund", kwargs={"number": order.number})

    # When staff refund 100.000 ₫, submit the same form again, then refund the rest
    client.post(url, {"amount": 100000, "key": "6f1c0d0e-0000-4000-8000-000000000001"})
    client.post(url, {"amount": 100000, "key": "6f1c0d0e-0000-4000-8000-000000000001"})
    too_much = client.post(url, {"amount": 999999, "key": "6f1c0d0e-0000-4000-8000-000000000002"})
    client.post(url, {"amount": 310000, "key": "6f1c0d0e-0000-4000-8000-000000000003"})

    # Then 410.000 ₫ refunded in two refunds, each recorded with a note
    assert too_much.status_code == 302
    source = order.sources.get()
    assert source.amount_refunded == 410000
    assert sorted(
        int(e.amount) for e in order.payment_events.filter(event_type__code="refunded")
    ) == [100000, 310000]
    assert order.notes.count() == 2
    intent = testing.intent(localstripe, PendingCheckout.objects.get().payment_intent_id)
    charge = intent["latest_charge"]
    charge_id = charge["id"] if isinstance(charge, dict) else charge
    import requests

    refunded = requests.get(
        f"{localstripe}/v1/charges/{charge_id}", auth=(testing.SECRET_KEY, ""), timeout=5
    ).json()
    assert refunded["amount_refunded"] == 410000


def test_producer_cannot_refund(client, producer_user, django_capture_on_commit_callbacks):
    Partner.objects.get_or_create(name="Cơ sở Ong Phong Điền")[0].users.add(producer_user)
    order = place_cod_order(client, django_capture_on_commit_callbacks)
    client.force_login(producer_user)
    response = client.post(
        reverse("dashboard:order-refund", kwargs={"number": order.number}),
        {"amount": 1000, "key": "6f1c0d0e-0000-4000-8000-000000000009"},
    )
    assert response.status_code in (302, 403, 404)
    assert order.notes.count() == 0
