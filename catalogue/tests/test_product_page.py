"""The product page's buy box: stars and certificate line, price and stock, a quantity
stepper bounded by stock, the add-to-basket bar, the producer's link, delivery terms
from the delivery fee rule, traceability."""

import re

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from cms.tests.factories import make_home
from profiles.models import ProducerIndexPage, ProducerPage

from .factories import groups, offer, producer

Basket = get_model("basket", "Basket")

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    g = groups()
    htx = producer("HTX Mỹ Khánh")
    cheap = offer("Bánh pía", g["1.3"], htx, 85_000, 5)
    dear = offer("Rượu mận", g["2.1"], htx, 520_000, 4)
    cheap.traceability_code = "CT-0001"
    cheap.traceability_url = "https://truy-xuat.example.com/ma/ct-0001"
    cheap.save()
    return {"cheap": cheap, "dear": dear, "producer": htx}


def html_of(client, product):
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_buy_box_has_a_labelled_stepper_bounded_by_stock_and_a_one_line_button(client, shop):
    html = html_of(client, shop["cheap"])

    assert '<label class="quantity__label" for="id_quantity">Số lượng</label>' in html
    field = re.search(r'<input class="quantity__input"[^>]*>', html).group(0)
    assert 'name="quantity"' in field and 'value="1"' in field
    assert 'min="1"' in field and 'max="20"' in field
    assert html.count('class="quantity__step"') == 2
    assert 'aria-label="Bớt một"' in html and 'aria-label="Thêm một"' in html
    assert '<div class="buy-bar">' in html
    assert "Thêm vào giỏ hàng" in html
    assert "Còn 20 sản phẩm" in html
    assert "Trong kho" not in html


def test_the_stepper_posts_a_quantity_and_stock_bounds_it(client, shop):
    product = shop["cheap"]
    url = reverse("basket:add", kwargs={"pk": product.pk})

    client.post(url, {"quantity": 3})
    client.post(url, {"quantity": 21})  # more than the 20 in stock: refused

    basket = Basket.objects.get()
    assert [(line.product_id, line.quantity) for line in basket.all_lines()] == [(product.pk, 3)]


def test_delivery_fee_comes_from_the_delivery_rule(client, shop, settings):
    settings.SHIPPING_FEE_PER_PRODUCER = 30_000
    settings.SHIPPING_FREE_FROM = 500_000

    cheap = html_of(client, shop["cheap"])
    dear = html_of(client, shop["dear"])

    delivery = re.search(r"<dd data-delivery>(.*?)</dd>", cheap, re.S).group(1)
    assert "Dự kiến 2–4 ngày" in delivery
    assert "phí 30.000\xa0₫" in delivery or "phí 30.000 ₫" in delivery
    assert "từ 500.000" in delivery
    assert "miễn phí" in re.search(r"<dd data-delivery>(.*?)</dd>", dear, re.S).group(1)


def test_producer_links_to_its_live_profile(client, shop):
    index = make_home().add_child(instance=ProducerIndexPage(title="Chủ thể", slug="co-so"))
    profile = index.add_child(
        instance=ProducerPage(title="HTX Mỹ Khánh", slug="my-khanh", partner=shop["producer"])
    )

    html = html_of(client, shop["cheap"])

    producer_fact = re.search(r"<dd data-producer>(.*?)</dd>", html, re.S).group(1)
    assert f'<a href="{profile.url}">HTX Mỹ Khánh</a>' in producer_fact


def test_producer_without_a_live_profile_is_named_without_a_link(client, shop):
    html = html_of(client, shop["cheap"])

    producer_fact = re.search(r"<dd data-producer>(.*?)</dd>", html, re.S).group(1)
    assert "<strong>HTX Mỹ Khánh</strong>" in producer_fact
    assert "<a " not in producer_fact


def test_stars_certificate_line_and_traceability_sit_in_the_buy_box(client, shop):
    html = html_of(client, shop["cheap"])
    certificate = shop["cheap"].certificates.get()

    box = html[html.index('<div class="buy-box">') : html.index('<section class="certificate"')]
    assert "ocop-badge--5 ocop-badge--lg" in box
    assert f"Chứng nhận số {certificate.decision_number}" in box
    assert '<code class="buy-box__code">CT-0001</code>' in box
    assert 'href="https://truy-xuat.example.com/ma/ct-0001"' in box
