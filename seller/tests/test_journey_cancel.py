"""A producer who cannot supply cancels its part from a phone; the shopper's page shows it."""

import re

import pytest
from django.core import mail
from oscar.core.loading import get_model
from playwright.sync_api import expect

from .test_journey_shipping import rice_producer_opens_its_part

pytestmark = pytest.mark.browser

StockRecord = get_model("partner", "StockRecord")


def test_producer_cancels_its_part_before_shipping_and_the_shopper_sees_it(
    phone_page, browser, live_server, settings
):
    settings.SITE_URL = live_server.url
    # Given a guest order with rice and honey, placed through checkout (cash on delivery)
    page = phone_page

    # When the rice producer signs in on its phone and cancels its part
    order = rice_producer_opens_its_part(page)
    expect(page.locator(".group-payment")).to_have_text("Thu hộ khi giao: 330.000\xa0₫")
    page.get_by_role("button", name="Hủy phần đơn này").click()
    expect(
        page.get_by_text(f"Đã hủy phần đơn {order.number} và báo cho người mua.")
    ).to_be_visible()
    expect(page.locator(".group-state")).to_have_text("Đã hủy")
    expect(page.get_by_role("button", name="Hủy phần đơn này")).to_have_count(0)

    # Then the two reserved units are back on sale
    assert StockRecord.objects.get(product__title="Bánh tráng Thuận Hưng").num_allocated == 0

    # And the shopper, from the link in the email, sees the rice cancelled, the honey going
    (message,) = mail.outbox
    link = re.search(r"https?://\S+/don-hang/\S+/", message.body).group(0)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    try:
        tracking = context.new_page()
        tracking.goto(link)
        rice_part = tracking.locator(".order-group").filter(has_text="HTX Thuận Hưng")
        expect(rice_part.locator(".order-status")).to_have_text("Đã hủy")
        honey_part = tracking.locator(".order-group").filter(has_text="Cơ sở Ong Phong Điền")
        expect(honey_part.locator(".order-status")).to_have_text("Mới")
        expect(tracking.locator(".order-status-line")).to_contain_text("Mới")
    finally:
        context.close()
