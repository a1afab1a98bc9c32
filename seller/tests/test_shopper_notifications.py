"""A producer's delivery step reaches the shopper: one email, in the order's language."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from order.fulfilment import update_fulfilment

from .conftest import HONEY_PRODUCER, RICE_PRODUCER

Order = get_model("order", "Order")
FulfilmentGroup = get_model("order", "FulfilmentGroup")
Partner = get_model("partner", "Partner")


def producer_client(email):
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    return client


def group_of(order, name):
    return FulfilmentGroup.objects.get(order=order, partner__name=name)


def test_shipped_in_the_seller_area_emails_the_shopper_with_the_tracking_number(
    place_order, django_capture_on_commit_callbacks
):
    # Given a guest order in Vietnamese with rice and honey
    order = place_order()
    rice_group = group_of(order, RICE_PRODUCER)
    client = producer_client("rice@example.vn")

    # When the rice producer marks its part shipped
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("seller:order-detail", args=[rice_group.pk]),
            {"status": "shipped", "carrier": " Viettel Post ", "tracking_number": " VTP123456 "},
        )

    # Then the shopper gets one email about the rice, with carrier and tracking number
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lan@example.vn"]
    assert message.subject == f"OCOP Cần Thơ – đơn {order.number} đang được giao"
    assert f"{RICE_PRODUCER} đã gửi phần hàng của bạn trong đơn {order.number}." in message.body
    assert "Đơn vị vận chuyển: Viettel Post" in message.body
    assert "Mã vận đơn: VTP123456" in message.body
    assert "Bánh tráng Thuận Hưng × 2" in message.body
    assert "Mật ong" not in message.body
    assert group_of(order, HONEY_PRODUCER).status == "new"


@pytest.mark.parametrize(
    "steps, subject",
    [
        (["packed"], "OCOP Cần Thơ – đơn {n} đã được đóng gói"),
        (["shipped", "delivered"], "OCOP Cần Thơ – đơn {n} đã giao xong"),
    ],
)
def test_each_step_sends_one_email(place_order, django_capture_on_commit_callbacks, steps, subject):
    order = place_order()
    rice_group = group_of(order, RICE_PRODUCER)
    client = producer_client("rice@example.vn")
    url = reverse("seller:order-detail", args=[rice_group.pk])

    for step in steps:
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url, {"status": step, "carrier": "GHN", "tracking_number": "GHN1"})

    assert [m.subject for m in mail.outbox][-1] == subject.format(n=order.number)
    assert len(mail.outbox) == len(steps)
    assert group_of(order, RICE_PRODUCER).status == steps[-1]


def test_email_is_in_the_language_the_order_was_placed_in(
    place_order, django_capture_on_commit_callbacks
):
    # Given an order placed on the English site, updated by a producer browsing in Vietnamese
    order = place_order("en")
    rice_group = group_of(order, RICE_PRODUCER)
    client = producer_client("rice@example.vn")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("seller:order-detail", args=[rice_group.pk]),
            {"status": "shipped", "carrier": "Viettel Post", "tracking_number": "VTP123456"},
        )

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == f"OCOP Cần Thơ – order {order.number} is on its way"
    assert "Tracking number: VTP123456" in mail.outbox[0].body


def test_no_email_when_the_status_does_not_change(place_order, django_capture_on_commit_callbacks):
    order = place_order()
    rice_group = group_of(order, RICE_PRODUCER)
    rice_group.carrier, rice_group.tracking_number = "GHN", "GHN1"
    rice_group.set_status("shipped")
    client = producer_client("rice@example.vn")

    # The seller area offers no step back to "shipped"; a crafted one is refused
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("seller:order-detail", args=[rice_group.pk]),
            {"status": "shipped", "carrier": "GHN", "tracking_number": "GHN2"},
        )
    assert response.status_code == 400
    assert mail.outbox == []  # what the callbacks (run above) would have sent

    # Correcting the tracking number of a shipped group saves it and sends nothing
    with django_capture_on_commit_callbacks(execute=True):
        group, changed = update_fulfilment(rice_group, "shipped", "GHN", "GHN2")
    assert (changed, group.status, group.tracking_number) == (False, "shipped", "GHN2")
    assert mail.outbox == []


def test_another_producer_cannot_trigger_it(place_order, django_capture_on_commit_callbacks):
    order = place_order()
    rice_group = group_of(order, RICE_PRODUCER)
    honey_client = producer_client("honey@example.vn")
    before = FulfilmentGroup.objects.filter(pk=rice_group.pk).values().get()

    with django_capture_on_commit_callbacks(execute=True):
        response = honey_client.post(
            reverse("seller:order-detail", args=[rice_group.pk]),
            {"status": "shipped", "carrier": "GHN", "tracking_number": "GHN1"},
        )

    assert response.status_code == 404
    assert FulfilmentGroup.objects.filter(pk=rice_group.pk).values().get() == before
    assert mail.outbox == []


class TestDashboard:
    """Oscar's order dashboard (staff) moves a group through the same function."""

    @pytest.fixture
    def staff_client(self, place_order, django_user_model):
        order = place_order()
        staff = django_user_model.objects.create_user("staff", "staff@example.vn", is_staff=True)
        client = Client()
        client.force_login(staff)
        return order, client

    @pytest.fixture
    def honey_client(self, place_order):
        """The honey producer, even granted Oscar's dashboard access by mistake."""
        order = place_order()
        user = Partner.objects.get(name=HONEY_PRODUCER).users.get()
        user.user_permissions.add(Permission.objects.get(codename="dashboard_access"))
        client = Client()
        client.force_login(user)
        return order, client

    def post(self, client, order, group, **data):
        url = reverse(
            "dashboard:order-fulfilment", kwargs={"number": order.number, "group_id": group.pk}
        )
        return client.post(url, {f"g{group.pk}-{k}": v for k, v in data.items()})

    def test_shipping_from_the_dashboard_emails_the_shopper_once(
        self, staff_client, django_capture_on_commit_callbacks
    ):
        order, client = staff_client
        honey_group = group_of(order, HONEY_PRODUCER)

        with django_capture_on_commit_callbacks(execute=True):
            self.post(
                client, order, honey_group, status="shipped", carrier="GHN", tracking_number="G1"
            )
        with django_capture_on_commit_callbacks(execute=True):
            self.post(
                client, order, honey_group, status="shipped", carrier="GHN", tracking_number="G2"
            )

        assert [(m.to, m.subject) for m in mail.outbox] == [
            (["lan@example.vn"], f"OCOP Cần Thơ – đơn {order.number} đang được giao")
        ]
        assert "Mã vận đơn: G1" in mail.outbox[0].body
        honey_group.refresh_from_db()
        assert (honey_group.status, honey_group.tracking_number) == ("shipped", "G2")

    @pytest.mark.parametrize("producer", [HONEY_PRODUCER, RICE_PRODUCER])
    def test_a_producer_moves_no_group_there_and_sends_nothing(
        self, honey_client, django_capture_on_commit_callbacks, producer
    ):
        # Producers work in the seller area; the dashboard is staff-only, own group or not.
        order, client = honey_client
        target = group_of(order, producer)

        with django_capture_on_commit_callbacks(execute=True):
            response = self.post(
                client, order, target, status="shipped", carrier="GHN", tracking_number="G1"
            )

        assert response.status_code == 403
        target.refresh_from_db()
        assert (target.status, target.tracking_number) == ("new", "")
        assert mail.outbox == []
