"""The producer's sales summary: its own lines, by month (Cần Thơ time) and by product."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_class, get_model
from oscar.test.factories import create_order, create_product

from cms.tests.factories import make_home
from seller.sales import summary

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
FulfilmentGroup = get_model("order", "FulfilmentGroup")
Selector = get_class("partner.strategy", "Selector")

# One page, whatever the number of orders, months and products: the summary's four GROUP
# BY queries (sales and refunds) plus session, user, partners, the shared header (basket,
# site settings, unread notifications, seller link) and the permission checks of the tabs.
PAGE_QUERIES = 16


def order_of(items, placed_at=None, cancelled=()):
    """An order of ``[(product, quantity)]`` with a group per producer."""
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for product, quantity in items:
        basket.add_product(product, quantity)
    order = create_order(basket=basket)
    if placed_at is not None:
        Order.objects.filter(pk=order.pk).update(date_placed=placed_at)
    for partner in {line.partner for line in order.lines.select_related("partner")}:
        FulfilmentGroup.objects.create(
            order=order, partner=partner, status="cancelled" if partner in cancelled else "new"
        )
    return order


@pytest.fixture
def black_sesame(producer_a):
    _user, partner, _product = producer_a
    product = create_product(title="Bánh tráng mè đen", product_class="Sản phẩm", is_public=True)
    product.stockrecords.create(
        partner=partner, partner_sku=f"{partner.pk}-2", price=Decimal("30000"), num_in_stock=50
    )
    return product


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def test_months_follow_cantho_time_and_skip_cancelled_and_other_producers_lines(
    producer_a, producer_b, black_sesame
):
    _user, partner_a, milk = producer_a
    _user_b, _partner_b, nem = producer_b
    # 00:30 on 1 June in Cần Thơ (UTC+7) is still 31 May in UTC
    order_of([(milk, 2)], utc(2025, 5, 31, 17, 30))
    order_of([(milk, 1), (black_sesame, 1)], utc(2025, 5, 31, 16, 30))  # 23:30 on 31 May
    order_of([(milk, 1), (nem, 1)], utc(2025, 6, 10, 3, 0))
    order_of([(milk, 3)], utc(2025, 6, 12, 3, 0), cancelled=[partner_a])
    order_of([(black_sesame, 4)], utc(2024, 6, 30, 16, 0))  # 23:00 on 30 June 2024: too old
    order_of([(black_sesame, 1)], utc(2024, 6, 30, 17, 30))  # 00:30 on 1 July 2024

    result = summary([partner_a], today=date(2025, 6, 15))

    assert result["since"] == date(2024, 7, 1)
    months = [
        (r["month"], r["orders"], r["quantity"], r["revenue"], r["percent"])
        for r in result["months"]
    ]
    assert len(months) == 12
    assert [m for m in months if m[1]] == [
        (date(2025, 6, 1), 2, 3, Decimal("135000"), 100),
        (date(2025, 5, 1), 1, 2, Decimal("75000"), 56),
        (date(2024, 7, 1), 1, 1, Decimal("30000"), 22),
    ]
    assert months[-2] == (date(2024, 8, 1), 0, 0, 0, 0)
    assert [
        (r["product_title"], r["orders"], r["quantity"], r["revenue"], r["percent"])
        for r in result["products"]
    ] == [
        ("Bánh tráng sữa", 3, 4, Decimal("180000"), 100),
        ("Bánh tráng mè đen", 2, 2, Decimal("60000"), 33),
    ]
    assert result["total"] == {"orders": 4, "quantity": 6, "revenue": Decimal("240000")}


def test_each_producer_sees_only_its_own_numbers(client, producer_a, producer_b):
    user_a, _partner_a, milk = producer_a
    user_b, _partner_b, nem = producer_b
    order_of([(milk, 2)])
    order_of([(milk, 1), (nem, 1)])

    client.force_login(user_a)
    page_a = client.get(reverse("seller:sales"))
    client.force_login(user_b)
    page_b = client.get(reverse("seller:sales"))

    assert page_a.context["total"] == {"orders": 2, "quantity": 3, "revenue": Decimal("135000")}
    assert page_b.context["total"] == {"orders": 1, "quantity": 1, "revenue": Decimal("80000")}
    text_a, text_b = page_a.content.decode(), page_b.content.decode()
    assert "135.000\xa0₫" in text_a and "Nem nướng Cái Răng" not in text_a
    assert "80.000\xa0₫" in text_b and "Bánh tráng sữa" not in text_b and "135.000" not in text_b


def test_a_producer_without_sales_sees_zeroes(client, producer_a):
    client.force_login(producer_a[0])
    page = client.get(reverse("seller:sales"))
    assert page.status_code == 200
    assert page.context["total"] == {"orders": 0, "quantity": 0, "revenue": 0}
    assert "Chưa có đơn hàng trong 12 tháng gần đây." in page.content.decode()


def test_page_queries_do_not_grow_with_orders(
    client, producer_a, producer_b, black_sesame, django_assert_num_queries
):
    user_a, _partner_a, milk = producer_a
    make_home()  # a Wagtail site, whose settings the header reads, as in production
    client.force_login(user_a)
    order_of([(milk, 1)])
    client.get(reverse("seller:sales"))  # the first visit also creates the basket
    client.get(reverse("seller:sales"))  # and the site settings, a change of the site
    # How many queries the session and cache cost depends on the backends (Redis in CI),
    # so the first count is measured, then held fixed.
    with CaptureQueriesContext(connection) as first:
        client.get(reverse("seller:sales"))
    assert len(first) <= PAGE_QUERIES

    for months_ago in range(5):
        placed_at = timezone.now() - timedelta(days=31 * months_ago)
        order_of([(milk, 2), (black_sesame, 1), (producer_b[2], 1)], placed_at)
    with django_assert_num_queries(len(first)):
        page = client.get(reverse("seller:sales"))
    assert len(page.context["products"]) == 2
    assert page.context["total"]["orders"] == 6


def test_refunded_units_leave_the_month_and_the_product_they_were_sold_in(producer_a, black_sesame):
    import uuid

    from order.refunds import refund

    class HandedBack:
        """The sales page only reads the refund records; no money to move here."""

        code = "cod"

        def refund(self, order, amount, key, user=None):
            return f"test:{key}"

    _user, partner_a, milk = producer_a
    # Given 2 × milk (45.000 ₫) and 1 × black sesame (30.000 ₫) sold on 10 June
    order = order_of([(milk, 2), (black_sesame, 1)], utc(2025, 6, 10, 3, 0))

    # When one milk unit is refunded (in July: it still counts against June's sale)
    milk_line = order.lines.get(product=milk)
    refund(order, uuid.uuid4(), {milk_line.pk: 1}, provider=HandedBack())

    result = summary([partner_a], today=date(2025, 7, 15))
    june = next(r for r in result["months"] if r["month"] == date(2025, 6, 1))
    assert (june["orders"], june["quantity"], june["revenue"]) == (1, 2, Decimal("75000"))
    assert [(r["product_title"], r["quantity"], r["revenue"]) for r in result["products"]] == [
        ("Bánh tráng sữa", 1, Decimal("45000")),
        ("Bánh tráng mè đen", 1, Decimal("30000")),
    ]
    assert result["total"] == {"orders": 1, "quantity": 2, "revenue": Decimal("75000")}
