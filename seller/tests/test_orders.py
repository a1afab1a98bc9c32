"""A producer sees and moves only its own part of an order."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_class, get_model
from oscar.test.factories import create_order

FulfilmentGroup = get_model("order", "FulfilmentGroup")
Basket = get_model("basket", "Basket")
Selector = get_class("partner.strategy", "Selector")


@pytest.fixture
def shared_order(producer_a, producer_b):
    """One order holding a line of each producer, with a group per producer."""
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    basket.add_product(producer_a[2], 2)
    basket.add_product(producer_b[2], 1)
    order = create_order(basket=basket)
    groups = {}
    for _user, partner, _product in (producer_a, producer_b):
        groups[partner.name] = FulfilmentGroup.objects.get_or_create(order=order, partner=partner)[
            0
        ]
    return order, groups[producer_a[1].name], groups[producer_b[1].name]


def test_orders_list_shows_only_own_lines(client, producer_a, shared_order):
    order, group_a, _group_b = shared_order
    client.force_login(producer_a[0])

    page = client.get(reverse("seller:orders")).content.decode()
    assert "2 × Bánh tráng sữa" in page
    assert "Nem nướng Cái Răng" not in page

    detail = client.get(reverse("seller:order-detail", args=[group_a.pk])).content.decode()
    assert "2 × Bánh tráng sữa" in detail
    assert "Nem nướng Cái Răng" not in detail


def test_marking_shipped_needs_a_carrier_then_records_it(client, producer_a, shared_order):
    _order, group_a, group_b = shared_order
    client.force_login(producer_a[0])
    url = reverse("seller:order-detail", args=[group_a.pk])

    assert client.post(url, {"status": "shipped"}).status_code == 400
    group_a.refresh_from_db()
    assert group_a.status == "new"

    response = client.post(
        url, {"status": "shipped", "carrier": "Viettel Post", "tracking_number": "VTP123"}
    )
    assert response.status_code == 302
    group_a.refresh_from_db()
    assert (group_a.status, group_a.carrier, group_a.tracking_number) == (
        "shipped",
        "Viettel Post",
        "VTP123",
    )
    assert group_a.shipped_at is not None
    group_b.refresh_from_db()
    assert group_b.status == "new"

    # No skipping back: shipped can only become delivered.
    assert client.post(url, {"status": "packed"}).status_code == 400
    group_a.refresh_from_db()
    assert group_a.status == "shipped"


def test_another_producers_part_of_the_order_is_404_and_unchanged(client, producer_a, shared_order):
    _order, _group_a, group_b = shared_order
    client.force_login(producer_a[0])
    url = reverse("seller:order-detail", args=[group_b.pk])

    assert client.get(url).status_code == 404
    assert client.post(url, {"status": "packed"}).status_code == 404
    group_b.refresh_from_db()
    assert (group_b.status, group_b.carrier) == ("new", "")


def test_the_orders_list_costs_the_same_queries_for_one_order_or_three(
    client, producer_a, producer_b, shared_order, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(producer_a[0])
    client.get(reverse("seller:orders"))  # the session's and the site's first reads
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("seller:orders"))
    for _ in range(2):
        basket = Basket.objects.create()
        basket.strategy = Selector().strategy()
        basket.add_product(producer_a[2], 1)
        order = create_order(basket=basket)
        FulfilmentGroup.objects.create(order=order, partner=producer_a[1])

    with django_assert_max_num_queries(len(one)):
        page = client.get(reverse("seller:orders"))

    assert page.content.decode().count("Bánh tráng sữa") == 3
