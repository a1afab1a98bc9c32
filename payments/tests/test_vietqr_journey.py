"""On a phone: pay by VietQR, see the code and the waiting order; an officer marks the
transfer received; the shopper's page shows it paid (a real Chromium, see conftest.py)."""

import re

import pytest
from django.contrib.auth.models import Group
from oscar.core.loading import get_model
from playwright.sync_api import expect

from catalogue.roles import OFFICERS, ensure_groups
from checkout.tests.factories import two_producer_shop
from checkout.tests.test_journeys import choose, fill_basket_and_address
from conftest import RESULTS_DIR
from seller.tests.factories import PASSWORD, make_user

from .test_vietqr import BIN, NAME, NUMBER

Order = get_model("order", "Order")

pytestmark = pytest.mark.browser


def test_shopper_pays_by_vietqr_and_an_officer_confirms_it(
    phone_page, browser, live_server, settings
):
    settings.VIETQR_BANK_BIN, settings.VIETQR_ACCOUNT_NUMBER = BIN, NUMBER
    settings.VIETQR_ACCOUNT_NAME = NAME
    rice, _honey = two_producer_shop()
    ensure_groups()
    officer = make_user("canbo@example.vn", first_name="Lan")
    officer.groups.add(Group.objects.get(name=OFFICERS))
    page = phone_page

    fill_basket_and_address(page, [rice])
    choose(page, "vietqr")
    page.locator("#place-order").click()

    page.wait_for_url(re.compile(r"/cua-hang/chuyen-khoan/"))
    order = Order.objects.get()
    expect(page.get_by_text("Chờ chuyển khoản", exact=True)).to_be_visible()
    code = page.locator(".vietqr__code svg")
    expect(code).to_be_visible()
    assert code.bounding_box()["width"] <= 390  # fits the phone's screen
    expect(page.locator("[data-copy=account]")).to_have_text(NUMBER)
    expect(page.locator("[data-copy=amount]")).to_have_text("180000")
    expect(page.locator("[data-copy=reference]")).to_have_text(f"OCOP{order.number}")
    RESULTS_DIR.mkdir(exist_ok=True)  # kept for people to look at
    page.screenshot(path=RESULTS_DIR / "vietqr-waiting-phone.png", full_page=True)

    officer_context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    desk = officer_context.new_page()
    desk.goto("/nguoi-ban/can-bo/chuyen-khoan/")
    desk.locator("#id_login-username").fill("canbo@example.vn")
    desk.locator("#id_login-password").fill(PASSWORD)
    desk.locator("[name=login_submit]").click()
    row = desk.locator(f"tr[data-order='{order.number}']")
    expect(row).to_contain_text(f"OCOP{order.number}")
    desk.screenshot(path=RESULTS_DIR / "vietqr-officer-transfers.png", full_page=True)
    row.get_by_role("button", name="Đã nhận tiền").click()
    expect(desk.get_by_text(f"Đã ghi nhận chuyển khoản cho đơn {order.number}.")).to_be_visible()
    expect(desk.locator(f"tr[data-order='{order.number}']")).to_have_count(0)
    officer_context.close()

    page.reload()
    expect(page.locator("[data-payment-state=paid]")).to_be_visible()
    expect(page.locator(".vietqr__code")).to_have_count(0)
