"""Stock reserved at placement is settled by the producer's delivery steps."""

from oscar.core.loading import get_model

from order.fulfilment import update_fulfilment

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

    # Later steps and a late cancellation leave the stock alone: the parcel has left.
    update_fulfilment(group_of(order, RICE_PRODUCER), Status.DELIVERED)
    update_fulfilment(group_of(order, RICE_PRODUCER), Status.CANCELLED)
    assert rice_stock() == (8, 0)


def test_cancelling_before_shipping_puts_the_units_back_on_sale(place_order):
    order = place_order()
    update_fulfilment(group_of(order, RICE_PRODUCER), Status.CANCELLED)
    assert rice_stock() == (10, 0)
    # Cancelling twice releases nothing more.
    update_fulfilment(group_of(order, RICE_PRODUCER), Status.CANCELLED)
    assert rice_stock() == (10, 0)
