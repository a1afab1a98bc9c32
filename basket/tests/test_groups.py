"""The basket grouped by producer: each group's lines, delivery fee, subtotal and what
its courier collects on delivery, in exact đồng, on the page and in the sums."""

import re
from decimal import Decimal as D

import pytest
from django.urls import reverse
from oscar.core.loading import get_class, get_model

from basket.groups import producer_groups
from checkout.tests.factories import add_to_basket, two_producer_shop
from experiences.tests.factories import experience

Basket = get_model("basket", "Basket")
StockRecord = get_model("partner", "StockRecord")
Selector = get_class("partner.strategy", "Selector")

pytestmark = pytest.mark.django_db


def summary(groups):
    return [
        (
            group.partner.name,
            [(line.product.title, line.quantity) for line in group.lines],
            group.subtotal,
            group.delivery_fee,
            group.total,
        )
        for group in groups
    ]


def test_each_producer_is_a_group_with_its_own_fee_subtotal_and_cash_amount(client):
    # Given 4 × 150.000 ₫ rice rolls (free delivery from 500.000 ₫) and 1 × 200.000 ₫ honey
    rice, honey = two_producer_shop()
    add_to_basket(client, rice, 4)
    add_to_basket(client, honey, 1)

    # When the basket page is shown
    response = client.get(reverse("basket:summary"))

    # Then two groups: rice ships free, honey pays 30.000 ₫; couriers collect 600.000 and 230.000
    assert summary(response.context["producer_groups"]) == [
        ("HTX Thuận Hưng", [("Bánh tráng Thuận Hưng", 4)], D("600000"), D("0"), D("600000")),
        ("Cơ sở Ong Phong Điền", [("Mật ong Phong Điền", 1)], D("200000"), D("30000"), D("230000")),
    ]
    assert response.context["order_total"].incl_tax == D("830000")
    page = response.content.decode()
    assert page.count('class="basket-group card') == 2
    assert "người giao hàng của cơ sở này thu 600.000" in page
    assert "người giao hàng của cơ sở này thu 230.000" in page
    assert "Mua thêm 300.000" in page  # what makes the honey's delivery free
    assert "830.000" in page


def test_quantity_inputs_are_labelled_and_the_remove_button_works_without_javascript(client):
    rice, honey = two_producer_shop()
    add_to_basket(client, rice, 2)
    add_to_basket(client, honey, 1)
    page = client.get(reverse("basket:summary")).content.decode()
    for index in (0, 1):
        assert f'<label class="basket-line__label" for="id_form-{index}-quantity">' in page
    assert "<th" not in page.split('id="basket_formset"')[1].split("</form>")[0]

    # When the honey's "Xoá" button posts the formset
    basket = Basket.objects.get()
    lines = list(basket.all_lines())
    honey_index = [line.product_id for line in lines].index(honey.pk)
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        f"form-{honey_index}-DELETE": "on",
    }
    for index, line in enumerate(lines):
        data[f"form-{index}-id"] = str(line.pk)
        data[f"form-{index}-quantity"] = str(line.quantity)
    response = client.post(reverse("basket:summary"), data)

    # Then only the rice is left, with its quantity unchanged
    assert response.status_code == 302
    left = Basket.objects.get().lines.values_list("product_id", "quantity")
    assert list(left) == [(rice.pk, 2)]


def test_experiences_are_grouped_without_a_delivery_fee(client):
    # Given rice (ships) and an experience of another producer (nothing to ship)
    rice, _honey = two_producer_shop()
    tour = experience(adult_price=250_000).product
    StockRecord.objects.filter(product=tour).update(num_in_stock=20)
    add_to_basket(client, rice, 1)
    basket = Basket.objects.get()
    basket.strategy = Selector().strategy()
    basket.add_product(tour, 2)

    groups = producer_groups(basket.all_lines())

    assert summary(groups) == [
        ("HTX Thuận Hưng", [("Bánh tráng Thuận Hưng", 1)], D("150000"), D("30000"), D("180000")),
        (
            "HTX Du lịch Cái Răng",
            [("Đi chợ nổi Cái Răng lúc bình minh", 2)],
            D("500000"),
            D("0"),
            D("500000"),
        ),
    ]
    assert [group.ships for group in groups] == [True, False]
    page = client.get(reverse("basket:summary")).content.decode()
    assert "Trải nghiệm: không cần giao hàng." in page
    assert re.search(r"trả 500\.000\s₫ tại nơi trải nghiệm", page)
    # One delivery fee in the sums: the rice's producer only
    assert "Phí giao hàng (1 cơ sở)" in page
