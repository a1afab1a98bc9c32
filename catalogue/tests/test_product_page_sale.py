"""The product page says when a product's OCOP certificate expired or was revoked, in
Vietnamese and English, and offers the basket only when the product is for sale."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_model

from .factories import certify, groups, offer, producer, withdraw

Line = get_model("basket", "Line")

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    g = groups()
    return offer("Mắm thái đồng quê", g["1.3"], producer("HTX Mỹ Khánh"), 85_000, 4)


def page(client, product, language="vi"):
    with translation.override(language):
        url = product.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def add_url(product):
    return reverse("basket:add", kwargs={"pk": product.pk})


def day(value):
    return value.strftime("%d/%m/%Y")


@pytest.mark.parametrize(
    "language, wording",
    [
        ("vi", "Chứng nhận OCOP hết hiệu lực từ ngày {}. Sản phẩm tạm ngừng bán."),
        ("en", "OCOP certificate expired on {}. Not on sale for now."),
    ],
)
def test_expired_certificate_is_said_with_its_date_and_the_product_is_not_sold(
    client, product, language, wording
):
    withdraw(product, "expired")
    expired_on = product.certificates.get().expires_on

    html = page(client, product, language)

    assert wording.format(day(expired_on)) in " ".join(html.split())
    assert "ocop-badge" not in html
    assert add_url(product) not in html


@pytest.mark.parametrize(
    "language, wording",
    [
        ("vi", "Chứng nhận OCOP bị thu hồi từ ngày {}. Sản phẩm tạm ngừng bán."),
        ("en", "OCOP certificate revoked on {}. Not on sale for now."),
    ],
)
def test_revoked_certificate_is_said_with_its_date_and_reason(client, product, language, wording):
    withdraw(product, "revoked")

    html = page(client, product, language)

    text = " ".join(html.split())
    assert wording.format(day(timezone.localdate())) in text
    assert "Không duy trì điều kiện" in text
    assert "ocop-badge" not in html
    assert add_url(product) not in html


def test_expired_but_allowed_by_officers_is_sold_without_stars(client, product):
    # Given an expired certificate whose product officers let sell during re-evaluation
    withdraw(product, "expired")
    product.certificates.update(sale_during_renewal=True)

    html = page(client, product)

    # Then the page says so, shows no stars, and the product can be bought
    text = " ".join(html.split())
    assert "Sản phẩm vẫn được bán trong thời gian chờ đánh giá lại." in text
    assert "ocop-badge" not in html
    assert add_url(product) in html
    response = client.post(add_url(product), {"quantity": 2})
    assert response.status_code == 302
    assert list(Line.objects.values_list("product__title", "quantity")) == [
        ("Mắm thái đồng quê", 2)
    ]


def test_certified_product_shows_its_stars_and_no_lapse(client, product):
    certify(product, 3, issued=timezone.localdate() - dt.timedelta(days=5000))  # long expired

    html = page(client, product)

    assert "ocop-badge--4" in html
    assert "data-lapse" not in html
    assert add_url(product) in html


@pytest.mark.parametrize("how", ["hidden", "not-approved", "paused"])
def test_a_hidden_product_has_no_public_page(client, product, how):
    url = product.get_absolute_url()
    withdraw(product, how)

    assert client.get(url).status_code == 404
