"""Refunds by line: once per form however it is resubmitted, exact amounts, stock, states."""

import threading
import uuid
from decimal import Decimal as D

import pytest
import requests
from django.core import mail
from django.db import connection
from django.urls import reverse
from oscar.core.loading import get_model

from order.fulfilment import update_fulfilment
from order.refunds import AlreadyRefunded, RefundRefused, refund
from payments import testing
from payments.providers import provider_for

from .conftest import HONEY, RICE, SITE_URL, group, line, stock

Refund = get_model("order", "Refund")
RefundLine = get_model("order", "RefundLine")
Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db
KEY = "6f1c0d0e-0000-4000-8000-000000000001"


def refund_url(order):
    return reverse("dashboard:order-refund", kwargs={"number": order.number})


def snapshot(order):
    """Everything a refund changes: records, group states, stock, notes, order status."""
    order.refresh_from_db()
    return (
        list(RefundLine.objects.values_list("line_id", "group_id", "quantity", "amount")),
        sorted(order.fulfilment_groups.values_list("partner__name", "status", "refund_state")),
        stock("Bánh tráng Thuận Hưng"),
        order.notes.count(),
        order.status,
    )


def twice_at_once(attempt, refusal):
    """Runs ``attempt`` in two threads released together: ["refunded" | "refused", …]."""
    start = threading.Barrier(2)
    outcomes = []

    def submit():
        try:
            start.wait()
            attempt()
            outcomes.append("refunded")
        except refusal:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_refund_form_starts_empty_and_shows_what_each_line_can_still_give_back(place, staff):
    order = place()
    page = staff.get(reverse("dashboard:order-detail", kwargs={"number": order.number}))
    form = page.context["refund_form"]
    rows = {
        x.line.title: (x.quantity, x.amount) for left, lines, _fee in form.rows() for x, _f in lines
    }
    assert rows == {
        "Bánh tráng Thuận Hưng": (2, D("300000")),
        "Mật ong Phong Điền": (1, D("200000")),
    }
    html = page.content.decode()
    field = f'name="line_{line(order, RICE).pk}"'
    assert field in html
    tag = html[html.index(field) - 20 : html.index(">", html.index(field))]
    assert "value=" not in tag


@pytest.mark.parametrize("units", [1, 2])
def test_the_same_refund_submitted_twice_refunds_once(
    place, staff, django_capture_on_commit_callbacks, units
):
    # Given an order paid by card, and a refund form for one or both rice units
    order = place()
    rice = line(order, RICE)
    data = {"key": KEY, f"line_{rice.pk}": str(units)}

    # When it is submitted, then submitted again (reload, back button, double tap)
    with django_capture_on_commit_callbacks(execute=True):
        first = staff.post(refund_url(order), data)
    after_first = snapshot(order)
    with django_capture_on_commit_callbacks(execute=True):
        second = staff.post(refund_url(order), data, follow=True)

    # Then one refund of 150.000 ₫ a unit, the second says it was done and changed nothing
    assert first.status_code == 302
    assert list(Refund.objects.values_list("amount", flat=True)) == [D("150000") * units]
    assert "Lần hoàn tiền này đã được thực hiện trước đó." in second.content.decode()
    assert snapshot(order) == after_first
    assert len(mail.outbox) == 1


def test_more_units_than_are_left_are_refused_and_nothing_changes(place, staff):
    order = place()
    rice = line(order, RICE)
    staff.post(refund_url(order), {"key": KEY, f"line_{rice.pk}": "2"})
    before = snapshot(order)

    response = staff.post(
        refund_url(order), {"key": str(uuid.uuid4()), f"line_{rice.pk}": "1"}, follow=True
    )

    assert response.status_code == 200
    assert Refund.objects.count() == 1
    assert snapshot(order) == before


def test_a_form_asking_for_nothing_or_a_foreign_line_changes_nothing(place, staff):
    order = place()
    before = snapshot(order)
    for data in ({"key": KEY}, {"key": KEY, "line_999999": "1"}, {"key": "x", "line_1": "a"}):
        assert staff.post(refund_url(order), data).status_code == 302
    assert Refund.objects.count() == 0
    assert snapshot(order) == before
    with pytest.raises(RefundRefused):
        refund(order, uuid.uuid4(), {999999: 1}, provider=provider_for(order))


def test_a_partial_line_refund_reaches_localstripe_with_the_exact_amount(
    place, staff, localstripe, django_capture_on_commit_callbacks
):
    # Given a card order: 2 × 150.000 + 200.000 + 2 × 30.000 = 560.000 ₫ captured
    order = place()
    rice = line(order, RICE)

    # When staff refund one of the two rice units and the honey producer's delivery fee
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            refund_url(order),
            {"key": KEY, f"line_{rice.pk}": "1", f"fee_{group(order, HONEY).pk}": "on"},
        )

    # Then localstripe holds one refund of exactly 180.000 ₫ for this order's payment
    record = Refund.objects.get()
    assert (record.amount, record.provider) == (D("180000"), "card")
    stripe_id = order.sources.get().transactions.get(txn_type="Refund").reference
    found = requests.get(
        f"{localstripe}/v1/refunds/{stripe_id}", auth=(testing.SECRET_KEY, ""), timeout=5
    ).json()
    assert (found["amount"], found["currency"]) == (180000, "vnd")
    assert order.sources.get().amount_refunded == D("180000")
    assert sorted(RefundLine.objects.values_list("quantity", "amount")) == [
        (0, D("30000")),
        (1, D("150000")),
    ]
    assert (group(order, RICE).refund_state, group(order, HONEY).refund_state) == (
        "partly",
        "partly",
    )


def test_the_payment_summary_puts_each_refunded_dong_in_its_own_group(
    place, staff, localstripe, django_capture_on_commit_callbacks
):
    from payments import state

    # Given a card order: rice (Thuận Hưng) 2 × 150.000 + 30.000 delivery; honey 200.000 + 30.000
    order = place()
    rice = line(order, RICE)

    # When staff refund one rice unit and the honey producer's delivery fee
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            refund_url(order),
            {"key": KEY, f"line_{rice.pk}": "1", f"fee_{group(order, HONEY).pk}": "on"},
        )

    # Then each group shows what was given back for it, not the first group all of it
    rows = {row.group.pk: row.refunded for row in state.summary(order).groups}
    assert rows == {group(order, RICE).pk: D("150000"), group(order, HONEY).pk: D("30000")}


def test_cash_on_delivery_refund_is_recorded_as_money_returned_by_hand(
    place, staff, django_capture_on_commit_callbacks
):
    order = place(method="cod")
    honey = line(order, HONEY)
    update_fulfilment(group(order, HONEY), "delivered")  # the courier collected 230.000 ₫

    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            refund_url(order),
            {"key": KEY, f"line_{honey.pk}": "1", f"fee_{group(order, HONEY).pk}": "on"},
        )

    record = Refund.objects.get()
    assert (record.amount, record.provider, record.reason) == (D("230000"), "cod", "refund")
    assert record.reference
    honey_group = group(order, HONEY)
    assert (honey_group.status, honey_group.refund_state) == ("delivered", "full")
    assert honey_group.state_label == "Đã hoàn tiền"
    assert (
        order.notes.filter(message__contains="Hoàn tiền mặt 230.000\N{NO-BREAK SPACE}₫").count()
        == 1
    )


@pytest.mark.parametrize(
    "shipped, restock, expected",
    [
        # (in stock, allocated) of rice, stock 10, 2 ordered, 1 refunded
        (False, True, (10, 1)),  # on the shelf: the unit's reservation is released
        (False, False, (9, 1)),  # on the shelf, written off: the unit is consumed
        (True, True, (9, 0)),  # shipped and returned: back in stock
        (True, False, (8, 0)),  # shipped and not returned
    ],
)
def test_stock_goes_back_only_when_asked(place, staff, shipped, restock, expected):
    order = place()
    if shipped:
        update_fulfilment(group(order, RICE), "shipped", carrier="GHN")
    data = {"key": KEY, f"line_{line(order, RICE).pk}": "1"}
    if restock:
        data["restock"] = "on"

    staff.post(refund_url(order), data)

    assert stock("Bánh tráng Thuận Hưng") == expected
    assert Refund.objects.get().restocked is restock


def test_shipping_after_a_refund_takes_only_the_units_left(place, staff):
    order = place()
    staff.post(
        refund_url(order), {"key": KEY, f"line_{line(order, RICE).pk}": "1", "restock": "on"}
    )

    update_fulfilment(group(order, RICE), "shipped", carrier="GHN")

    assert stock("Bánh tráng Thuận Hưng") == (9, 0)


def test_group_and_order_states_follow_refunds(place, staff):
    order = place()
    rice, honey = line(order, RICE), line(order, HONEY)
    rice_group, honey_group = group(order, RICE), group(order, HONEY)

    staff.post(refund_url(order), {"key": str(uuid.uuid4()), f"line_{rice.pk}": "1"})
    assert group(order, RICE).state_label == "Mới · Đã hoàn một phần"
    order.refresh_from_db()
    assert order.status == "Mới"

    staff.post(
        refund_url(order),
        {"key": str(uuid.uuid4()), f"line_{rice.pk}": "1", f"fee_{rice_group.pk}": "on"},
    )
    assert group(order, RICE).refund_state == "full"
    update_fulfilment(honey_group, "shipped", carrier="GHN")
    order.refresh_from_db()
    assert order.status == "Đang giao"  # the rice part is closed: honey leads the order

    staff.post(
        refund_url(order),
        {"key": str(uuid.uuid4()), f"line_{honey.pk}": "1", f"fee_{honey_group.pk}": "on"},
    )
    order.refresh_from_db()
    assert order.status == "Đã hoàn tiền"
    assert list(order.status_changes.order_by("pk").values_list("old_status", "new_status")) == [
        ("Mới", "Đang giao"),
        ("Đang giao", "Đã hoàn tiền"),
    ]


@pytest.mark.parametrize(
    "language, subject, sentence, path",
    [
        ("vi", "OCOP Cần Thơ – hoàn tiền cho đơn {n}", "Chúng tôi đã hoàn 150.000", "/cua-hang/"),
        ("en", "OCOP Cần Thơ – refund for order {n}", "refunded 150,000\u00a0₫", "/en/cua-hang/"),
    ],
)
def test_refund_email_in_the_shoppers_language_links_to_the_shop(
    place, staff, client, django_capture_on_commit_callbacks, language, subject, sentence, path
):
    # Given a guest order placed in ``language`` (the Site row still says example.com)
    order = place(language=language)

    with django_capture_on_commit_callbacks(execute=True):
        staff.post(refund_url(order), {"key": KEY, f"line_{line(order, RICE).pk}": "1"})

    # Then one email in that language, whose link opens the order on the shop's own page
    (message,) = mail.outbox
    assert message.to == ["lan@example.vn"]
    assert message.subject == subject.format(n=order.number)
    assert sentence in message.body
    assert "example.com" not in message.body
    link = next(word for word in message.body.split() if word.startswith(SITE_URL))
    assert link.startswith(SITE_URL + path)
    page = client.get(link.removeprefix(SITE_URL))
    assert page.status_code == 200
    assert page.context["order"] == order
    assert "Bánh tráng Thuận Hưng" in page.content.decode()


def test_producer_cannot_refund(place, django_user_model):
    from django.contrib.auth.models import Permission
    from django.test import Client

    order = place()
    user = django_user_model.objects.create_user("honey", "honey@example.vn", "pw")
    user.user_permissions.add(Permission.objects.get(codename="dashboard_access"))
    group(order, HONEY).partner.users.add(user)
    client = Client()
    client.force_login(user)
    before = snapshot(order)

    response = client.post(refund_url(order), {"key": KEY, f"line_{line(order, HONEY).pk}": "1"})

    assert response.status_code in (302, 403, 404)
    assert Refund.objects.count() == 0
    assert snapshot(order) == before


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_the_same_refund_in_two_tabs_at_once_refunds_once(place):
    # Given an order and one refund form, submitted from two tabs at the same moment
    order = place()
    rice = line(order, RICE)
    provider = provider_for(order)

    outcomes = twice_at_once(
        lambda: refund(order, uuid.UUID(KEY), {rice.pk: 1}, provider=provider),
        AlreadyRefunded,
    )

    # Then one refund, and the other tab was told it was already done
    assert sorted(outcomes) == ["refunded", "refused"]
    assert list(RefundLine.objects.values_list("quantity", "amount")) == [(1, D("150000"))]


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_different_forms_at_once_never_refund_more_than_the_line(place):
    order = place()
    rice = line(order, RICE)
    provider = provider_for(order)

    outcomes = twice_at_once(
        lambda: refund(order, uuid.uuid4(), {rice.pk: 2}, provider=provider), RefundRefused
    )

    assert sorted(outcomes) == ["refunded", "refused"]
    assert Refund.objects.get().amount == D("300000")


def test_a_refund_shows_on_the_producers_and_the_shoppers_pages(place, staff, client):
    from order.links import order_path
    from seller.tests.factories import make_user

    # Given a refund of one rice unit and the rice delivery fee
    order = place(method="cod")
    update_fulfilment(group(order, RICE), "delivered")
    staff.post(
        refund_url(order),
        {"key": KEY, f"line_{line(order, RICE).pk}": "1", f"fee_{group(order, RICE).pk}": "on"},
    )
    producer = make_user("rice@example.vn")
    group(order, RICE).partner.users.add(producer)
    client.force_login(producer)

    # Then the producer's page shows how the group is paid and what was given back
    seller_page = client.get(reverse("seller:order-detail", args=[group(order, RICE).pk]))
    text = seller_page.content.decode()
    payment = provider_for(order).producer_summary(group(order, RICE))
    assert payment and payment in text
    assert "Đã hoàn cho người mua" in text
    assert "1 × Bánh tráng Thuận Hưng" in text and "30.000" in text
    assert "Đã giao · Đã hoàn một phần" in text

    # And the shopper's page lists the refund under the rice part
    shopper_page = client.get(order_path(order, "vi")).content.decode()
    assert "Đã hoàn: Bánh tráng Thuận Hưng × 1 · 150.000" in shopper_page
    assert "Đã hoàn: phí giao hàng · 30.000" in shopper_page
