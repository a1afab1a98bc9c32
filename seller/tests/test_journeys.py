"""A producer runs its shop from a phone, in a real Chromium (see conftest.py)."""

import re

import pytest
from playwright.sync_api import expect

from .factories import PASSWORD, image_upload, make_producer

pytestmark = pytest.mark.browser


def test_producer_updates_price_stock_and_photo_and_sees_the_new_price(phone_page, tmp_path):
    from catalogue.reference import load_product_classes

    load_product_classes()
    _user, _partner, product = make_producer(
        "HTX Bánh tráng Thuận Hưng", "a@example.vn", "Bánh tráng sữa", "45000", 20
    )
    photo = tmp_path / "banh-trang.png"
    photo.write_bytes(image_upload().read())
    page = phone_page

    page.goto("/nguoi-ban/")
    page.locator("#id_login-username").fill("a@example.vn")
    page.locator("#id_login-password").fill(PASSWORD)
    page.locator("[name=login_submit]").click()

    expect(page.get_by_role("heading", name="Hôm nay")).to_be_visible()
    page.get_by_role("link", name="Sản phẩm của tôi").click()
    page.get_by_role("link", name="Bánh tráng sữa").click()

    page.get_by_label("Giá bán (đồng)").fill("52000")
    page.get_by_label("Tồn kho").fill("8")
    page.get_by_role("button", name="Lưu thay đổi").click()
    expect(page.get_by_text("Đã lưu “Bánh tráng sữa”.")).to_be_visible()
    expect(page.get_by_label("Tồn kho")).to_have_value("8")

    page.get_by_label("Thêm ảnh").set_input_files(str(photo))
    page.get_by_role("button", name="Tải ảnh lên").click()
    expect(page.get_by_text("Đã thêm ảnh.")).to_be_visible()
    expect(page.get_by_text("Ảnh chính", exact=True)).to_be_visible()

    page.get_by_role("link", name="Xem trên cửa hàng").click()
    expect(page).to_have_url(re.compile(re.escape(product.get_absolute_url()) + "$"))
    expect(page.locator("h1")).to_have_text("Bánh tráng sữa")
    expect(page.get_by_text("52.000 ₫").first).to_be_visible()
