"""A shopper opens the page of a product whose certificate expired or was revoked, on a
phone and on a laptop: the lapse is said under the title and nothing can be bought.
Screenshots go to test-results/ for a person to look at."""

import pytest
from playwright.sync_api import expect

from conftest import RESULTS_DIR

from .factories import groups, offer, producer, withdraw

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("how, wording", [("expired", "hết hiệu lực"), ("revoked", "bị thu hồi")])
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_lapsed_certificate_on_the_product_page(request, size, how, wording):
    page = request.getfixturevalue(f"{size}_page")
    g = groups()
    product = offer("Mắm thái đồng quê", g["1.3"], producer("HTX Mỹ Khánh"), 85_000, 4)
    withdraw(product, how)

    page.goto(product.get_absolute_url())

    expect(page.locator("h1")).to_have_text("Mắm thái đồng quê")
    notice = page.locator(".product-lapse")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(f"Chứng nhận OCOP {wording} từ ngày")
    expect(notice).to_contain_text("Sản phẩm tạm ngừng bán.")
    expect(page.locator(".ocop-badge")).to_have_count(0)
    expect(page.locator(f"form[action$='/basket/add/{product.pk}/']")).to_have_count(0)
    RESULTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=RESULTS_DIR / f"sale-{how}-{size}.png", full_page=True)
