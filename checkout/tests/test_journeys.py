"""Browser journeys on a phone: card (with localstripe's Stripe.js), a declined card, a
failed 3-D Secure, cash; the pay button shows on the review without scrolling past items."""

import re

import pytest
from oscar.core.loading import get_model
from playwright.sync_api import expect

from payments.models import PendingCheckout

from .factories import cantho_ward, two_producer_shop

Order = get_model("order", "Order")

pytestmark = pytest.mark.browser


def fill_basket_and_address(page, products):
    for product in products:
        page.goto(product.get_absolute_url())
        page.locator("#add_to_basket_form [type=submit]").click()
        page.wait_for_load_state()
    # From the basket straight to the address: no "who are you?" step for a guest.
    page.goto("/cua-hang/basket/")
    page.locator("#go-to-checkout").click()
    page.wait_for_url(re.compile(r"/checkout/shipping-address/"))
    page.fill("#id_first_name", "Nguyễn Thị Lan")
    page.fill("#id_phone_number", "0912 345 678")
    page.fill("#id_email", "lan@example.vn")
    page.select_option("#id_province_code", "92")
    page.select_option("#id_ward_code", cantho_ward())
    page.fill("#id_line1", "12 Đường 3/2")
    page.locator("#new_shipping_address [type=submit]").click()
    page.wait_for_url(re.compile(r"/checkout/payment-method/"))


def choose(page, method):
    page.check(f"input[name=method][value={method}]")
    page.locator(".checkout-payment-method [type=submit]").click()
    page.wait_for_url(re.compile(r"/checkout/preview/"))


def enter_card(page, number):
    element = page.locator("#card-element")
    element.locator("input[placeholder=number]").fill(number)
    element.locator("input[placeholder=exp_month]").fill("12")
    element.locator("input[placeholder=exp_year]").fill("30")
    element.locator("input[placeholder=cvc]").fill("123")


def test_guest_on_a_phone_pays_two_producers_by_card(phone_page, stripe_settings):
    rice, honey = two_producer_shop()
    fill_basket_and_address(phone_page, [rice, honey])
    choose(phone_page, "card")

    enter_card(phone_page, "4242424242424242")
    phone_page.locator("#place-order").click()

    phone_page.wait_for_url(re.compile(r"/checkout/thank-you/"))
    order = Order.objects.get()
    assert order.lines.count() == 2
    assert order.fulfilment_groups.count() == 2
    assert order.number in phone_page.locator("h1").inner_text()
    assert PendingCheckout.objects.get().status == "placed"
    # Stripe.js, the card fields and the payment ran under the Content-Security-Policy
    assert phone_page.policy_violations == []


def test_declined_card_keeps_the_basket(phone_page, stripe_settings):
    rice, honey = two_producer_shop()
    fill_basket_and_address(phone_page, [rice, honey])
    choose(phone_page, "card")

    enter_card(phone_page, "4000000000000341")
    phone_page.locator("#place-order").click()

    error = phone_page.locator("#card-errors")
    error.wait_for(state="visible")
    phone_page.wait_for_function("document.querySelector('#card-errors').textContent.length > 0")
    assert error.inner_text().startswith("Thẻ bị từ chối")
    assert Order.objects.count() == 0
    phone_page.goto("/cua-hang/basket/")
    assert "Mật ong Phong Điền" in phone_page.content()
    assert "Bánh tráng Thuận Hưng" in phone_page.content()


def test_guest_pays_cash_on_delivery(phone_page, stripe_settings):
    rice, _honey = two_producer_shop()
    fill_basket_and_address(phone_page, [rice])
    choose(phone_page, "cod")

    phone_page.locator("#place-order").click()

    phone_page.wait_for_url(re.compile(r"/checkout/thank-you/"))
    order = Order.objects.get()
    assert order.sources.get().source_type.code == "cod"
    assert "Thanh toán khi nhận hàng" in phone_page.content()


def test_failed_three_d_secure_says_so(phone_page, stripe_settings):
    rice, honey = two_producer_shop()
    fill_basket_and_address(phone_page, [rice, honey])
    choose(phone_page, "card")

    enter_card(phone_page, "4000002500003155")
    phone_page.locator("#place-order").click()
    # localstripe's Stripe.js asks, as a bank's page would; the shopper fails the check
    phone_page.get_by_role("button", name="Fail authentication").click()

    errors = phone_page.locator("#card-errors")
    expect(errors).to_contain_text("Xác thực 3-D Secure không thành công")
    message = errors.inner_text()
    assert "Thẻ bị từ chối" not in message
    assert Order.objects.count() == 0


def test_pay_button_shows_on_a_phone_without_scrolling_past_the_items(phone_page, stripe_settings):
    rice, honey = two_producer_shop()
    fill_basket_and_address(phone_page, [rice, honey])
    choose(phone_page, "cod")

    button = phone_page.locator("#place-order").bounding_box()
    # The items are folded per producer; the button is within the first screen
    assert phone_page.locator("details.review-group").count() == 2
    assert button["y"] + button["height"] <= 844
