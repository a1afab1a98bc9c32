"""A shopper on a phone registers, signs out and signs in again, in a real Chromium (see
conftest.py); and creates an account in the middle of checkout."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from checkout.tests.factories import two_producer_shop

User = get_user_model()

pytestmark = pytest.mark.browser

NEW_PASSWORD = "Banh-trang-Thuan-Hung-2026"


def open_menu(page):
    page.locator("[data-nav-toggle]").click()


def test_a_shopper_registers_signs_out_and_signs_back_in(phone_page):
    page = phone_page

    # A signed-out visitor asking for the account is sent to the shop's login page.
    page.goto("/cua-hang/accounts/")
    expect(page).to_have_url(re.compile(r"/cua-hang/accounts/login/\?next="))
    expect(page.locator("h1")).to_have_text("Đăng nhập hoặc đăng ký")

    page.locator("#id_registration-email").fill("lan@example.vn")
    page.locator("#id_registration-password1").fill(NEW_PASSWORD)
    page.locator("#id_registration-password2").fill(NEW_PASSWORD)
    page.locator("[name=registration_submit]").click()

    # Registered and signed in: the account page opens, no error page.
    expect(page).to_have_url(re.compile(r"/cua-hang/accounts/profile/$"))
    assert User.objects.filter(email="lan@example.vn").count() == 1

    open_menu(page)
    page.get_by_role("button", name="Đăng xuất").click()
    page.goto("/cua-hang/accounts/profile/")
    expect(page).to_have_url(re.compile(r"/cua-hang/accounts/login/\?next="))

    page.locator("#id_login-username").fill("lan@example.vn")
    page.locator("#id_login-password").fill(NEW_PASSWORD)
    page.locator("[name=login_submit]").click()
    expect(page).to_have_url(re.compile(r"/cua-hang/accounts/profile/$"))
    open_menu(page)
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()


def test_a_shopper_creates_an_account_during_checkout_and_carries_on(phone_page):
    rice, _honey = two_producer_shop()
    page = phone_page
    page.goto(rice.get_absolute_url())
    page.locator("#add_to_basket_form [type=submit]").click()
    page.wait_for_load_state()

    # Checkout opens on the address as a guest; signing in or registering is a link there.
    page.goto("/cua-hang/checkout/")
    page.locator(".checkout-signin a").click()

    expect(page).to_have_url(re.compile(r"/cua-hang/accounts/login/\?next="))
    page.locator("#id_registration-email").fill("lan@example.vn")
    page.locator("#id_registration-password1").fill(NEW_PASSWORD)
    page.locator("#id_registration-password2").fill(NEW_PASSWORD)
    page.locator("#id_registration-password2").press("Enter")

    # Back in checkout, signed in as the new account, with the basket kept.
    expect(page).to_have_url(re.compile(r"/cua-hang/checkout/shipping-address/$"))
    open_menu(page)
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()
    assert User.objects.filter(email="lan@example.vn").count() == 1
    page.goto("/cua-hang/basket/")
    expect(page.get_by_text("Bánh tráng Thuận Hưng").first).to_be_visible()
