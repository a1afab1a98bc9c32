"""A producer ships its part of an order from a phone; the shopper's tracking page shows it."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model
from playwright.sync_api import expect

from checkout.tests.factories import checkout_until_review, two_producer_shop

from .factories import PASSWORD, make_user

pytestmark = pytest.mark.browser

Order = get_model("order", "Order")
Partner = get_model("partner", "Partner")


def rice_producer_opens_its_part(page):
    """A guest's cash order (2 rice, 1 honey) placed through checkout; the rice producer
    signs in on ``page`` and opens its part of it. Returns the order; mail is cleared."""
    rice, honey = two_producer_shop()
    shopper = Client()
    checkout_until_review(shopper, [(rice, 2), (honey, 1)], method="cod")
    shopper.post(reverse("checkout:preview"), {"action": "place_order"})
    order = Order.objects.get()
    Partner.objects.get(name="HTX Thuận Hưng").users.add(make_user("thuanhung@example.vn"))
    mail.outbox.clear()
    page.goto("/nguoi-ban/")
    page.locator("#id_login-username").fill("thuanhung@example.vn")
    page.locator("#id_login-password").fill(PASSWORD)
    page.locator("[name=login_submit]").click()
    page.get_by_role("link", name="Đơn hàng", exact=True).click()
    page.get_by_role("link", name=f"Đơn {order.number}").click()
    return order


def test_producer_marks_its_part_shipped_and_the_shopper_sees_it(phone_page, browser, live_server):
    # Given a guest order with rice and honey, placed through checkout (cash on delivery)
    page = phone_page

    # When the rice producer signs in on its phone and ships its part
    order = rice_producer_opens_its_part(page)
    expect(page.get_by_text("2 × Bánh tráng Thuận Hưng")).to_be_visible()
    expect(page.get_by_text("Mật ong Phong Điền")).to_have_count(0)
    page.get_by_label("Đơn vị vận chuyển").fill("Viettel Post")
    page.get_by_label("Mã vận đơn").fill("VTP123456")
    page.get_by_role("button", name="Đang giao").click()
    expect(page.get_by_text(f"Đơn {order.number}: Đang giao.")).to_be_visible()

    # Then the shopper is emailed the tracking number
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["lan@example.vn"], f"OCOP Cần Thơ – đơn {order.number} đang được giao")
    ]
    assert "Mã vận đơn: VTP123456" in mail.outbox[0].body

    # And the guest tracking page, on the shopper's own phone, shows the shipment
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, locale="vi-VN"
    )
    try:
        tracking = context.new_page()
        tracking.goto(reverse("checkout:track"))
        tracking.get_by_label("Mã đơn hàng").fill(order.number)
        tracking.get_by_label("Email đã dùng khi đặt hàng").fill("lan@example.vn")
        tracking.get_by_role("button", name="Tra cứu").click()
        rice_part = tracking.locator(".order-group").filter(has_text="HTX Thuận Hưng")
        expect(rice_part.locator(".order-status")).to_have_text("Đang giao")
        expect(rice_part).to_contain_text("Vận chuyển: Viettel Post · Mã vận đơn: VTP123456")
        honey_part = tracking.locator(".order-group").filter(has_text="Cơ sở Ong Phong Điền")
        expect(honey_part.locator(".order-status")).to_have_text("Mới")
    finally:
        context.close()
