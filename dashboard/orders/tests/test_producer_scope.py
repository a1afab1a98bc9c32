"""A producer sees only its own lines and its own group in the dashboard (refunds: order/tests)."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from checkout.tests.factories import checkout_until_review, two_producer_shop

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


def test_producer_is_told_only_of_its_own_lines(
    client, producer_user, django_capture_on_commit_callbacks
):
    # Given the honey producer's account, and an order with rice and honey
    Partner.objects.get_or_create(name="Cơ sở Ong Phong Điền")[0].users.add(producer_user)
    place_cod_order(client, django_capture_on_commit_callbacks)

    # Then the producer was emailed its own lines only
    producer_mail = [m for m in mail.outbox if m.to == ["honey@example.vn"]]
    assert len(producer_mail) == 1
    assert "Mật ong Phong Điền × 2" in producer_mail[0].body
    assert "Bánh tráng" not in producer_mail[0].body


@pytest.mark.parametrize("name", ["dashboard:order-list", "dashboard:order-detail"])
def test_a_producer_even_with_dashboard_access_never_opens_the_order_dashboard(
    client, producer_user, django_capture_on_commit_callbacks, name
):
    # Producers work in the seller area; Oscar would show a partner user the whole order.
    Partner.objects.get_or_create(name="Cơ sở Ong Phong Điền")[0].users.add(producer_user)
    order = place_cod_order(client, django_capture_on_commit_callbacks)
    kwargs = {"number": order.number} if name.endswith("detail") else {}
    client = Client()
    client.force_login(producer_user)

    response = client.get(reverse(name, kwargs=kwargs))

    assert response.status_code == 403


def test_a_producer_cannot_move_a_group_through_the_dashboard(
    client, producer_user, django_capture_on_commit_callbacks
):
    Partner.objects.get_or_create(name="Cơ sở Ong Phong Điền")[0].users.add(producer_user)
    order = place_cod_order(client, django_capture_on_commit_callbacks)
    honey_group = FulfilmentGroup.objects.get(partner__name="Cơ sở Ong Phong Điền")
    client = Client()
    client.force_login(producer_user)
    url = reverse(
        "dashboard:order-fulfilment", kwargs={"number": order.number, "group_id": honey_group.pk}
    )

    response = client.post(url, {f"g{honey_group.pk}-status": "shipped"})

    assert response.status_code == 403
    honey_group.refresh_from_db()
    assert (honey_group.status, honey_group.shipped_at) == ("new", None)


def test_staff_move_a_group_and_the_guest_tracking_page_shows_it(
    client, django_user_model, django_capture_on_commit_callbacks
):
    order = place_cod_order(client, django_capture_on_commit_callbacks)
    honey_group = FulfilmentGroup.objects.get(partner__name="Cơ sở Ong Phong Điền")
    staff = django_user_model.objects.create_user("staff", "staff@example.vn", "pw", is_staff=True)
    client.force_login(staff)
    prefix = f"g{honey_group.pk}"

    client.post(
        reverse(
            "dashboard:order-fulfilment",
            kwargs={"number": order.number, "group_id": honey_group.pk},
        ),
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
