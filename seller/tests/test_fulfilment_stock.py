"""Stock reserved at placement is settled by the producer's delivery steps."""

import pytest
from django.contrib.messages import get_messages
from oscar.core.loading import get_model

from order.fulfilment import StepNotAllowed, update_fulfilment

from .conftest import RICE_PRODUCER

StockRecord = get_model("partner", "StockRecord")
FulfilmentGroup = get_model("order", "FulfilmentGroup")
Status = FulfilmentGroup.Status


def group_of(order, name):
    return FulfilmentGroup.objects.get(order=order, partner__name=name)


def rice_stock():
    record = StockRecord.objects.get(partner__name=RICE_PRODUCER)
    return record.num_in_stock, record.num_allocated


def test_placing_reserves_and_shipping_takes_the_units_off_the_shelf(place_order):
    order = place_order()
    assert rice_stock() == (10, 2)

    update_fulfilment(group_of(order, RICE_PRODUCER), Status.PACKED)
    assert rice_stock() == (10, 2)

    update_fulfilment(group_of(order, RICE_PRODUCER), Status.SHIPPED, "GHN", "GHN1")
    assert rice_stock() == (8, 0)

    # Delivery leaves the stock alone; there is no way back once the parcel has left.
    update_fulfilment(group_of(order, RICE_PRODUCER), Status.DELIVERED)
    assert rice_stock() == (8, 0)
    for step_back in (Status.CANCELLED, Status.SHIPPED, Status.NEW):
        with pytest.raises(StepNotAllowed):
            update_fulfilment(group_of(order, RICE_PRODUCER), step_back)
    assert rice_stock() == (8, 0)
    assert group_of(order, RICE_PRODUCER).status == Status.DELIVERED


def test_staff_cannot_move_a_shipped_parcel_back_from_the_dashboard(place_order, admin_client):
    order = place_order()
    group = group_of(order, RICE_PRODUCER)
    update_fulfilment(group, Status.SHIPPED, "GHN", "GHN1")
    url = f"/cua-hang/dashboard/orders/{order.number}/giao-hang/{group.pk}/"

    response = admin_client.post(
        url,
        {
            f"g{group.pk}-status": "new",
            f"g{group.pk}-carrier": "",
            f"g{group.pk}-tracking_number": "",
        },
    )

    assert response.status_code == 302
    notices = [str(m) for m in get_messages(response.wsgi_request)]
    assert notices == ["Không thể chuyển phần đơn này về bước trước."]
    assert group_of(order, RICE_PRODUCER).status == Status.SHIPPED
    assert rice_stock() == (8, 0)


def test_cancelling_before_shipping_puts_the_units_back_on_sale(place_order):
    order = place_order()
    update_fulfilment(group_of(order, RICE_PRODUCER), Status.CANCELLED)
    assert rice_stock() == (10, 0)
    # Cancelling twice releases nothing more.
    update_fulfilment(group_of(order, RICE_PRODUCER), Status.CANCELLED)
    assert rice_stock() == (10, 0)
