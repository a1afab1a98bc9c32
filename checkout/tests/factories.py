"""A small shop for checkout tests: two producers, goods with stock, Vietnam to ship to."""

from decimal import Decimal as D

from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import create_product

from checkout.reference import ensure_vietnam

ProductClass = get_model("catalogue", "ProductClass")
Partner = get_model("partner", "Partner")

# Phong Điền commune of Cần Thơ (code 92) and a ward of Hà Nội (code 1).
CANTHO, PHONG_DIEN = "92", None
ADDRESS = {
    "first_name": "Nguyễn Thị Lan",
    "phone_number": "0912 345 678",
    "province_code": "92",
    "line1": "12 Đường 3/2",
    "notes": "",
}


def cantho_ward():
    import places

    return places.wards(92)[0][0]


def goods_class():
    cls, _created = ProductClass.objects.get_or_create(
        slug="san-pham",
        defaults={"name": "Sản phẩm", "requires_shipping": True, "track_stock": True},
    )
    return cls


def product(title, price, stock, producer):
    item = create_product(
        title=title,
        product_class=goods_class().name,
        partner_name=producer,
        price=D(price),
        num_in_stock=stock,
    )
    return item


def two_producer_shop():
    ensure_vietnam()
    rice = product("Bánh tráng Thuận Hưng", 150_000, 10, "HTX Thuận Hưng")
    honey = product("Mật ong Phong Điền", 200_000, 5, "Cơ sở Ong Phong Điền")
    return rice, honey


def add_to_basket(client, item, quantity=1):
    response = client.post(reverse("basket:add", kwargs={"pk": item.pk}), {"quantity": quantity})
    assert response.status_code == 302, response.status_code


def enter_address(client, email="lan@example.vn", **overrides):
    """The address step; a guest gives the email here (signed-in shoppers' is ignored)."""
    data = {**ADDRESS, "email": email, "ward_code": cantho_ward(), **overrides}
    return client.post(reverse("checkout:shipping-address"), data)


def choose_payment(client, method):
    return client.post(reverse("checkout:payment-method"), {"method": method})


def checkout_until_review(client, items, method="cod", email="lan@example.vn"):
    for item, quantity in items:
        add_to_basket(client, item, quantity)
    response = enter_address(client, email=email)
    assert response.status_code == 302, response.context["form"].errors
    client.get(reverse("checkout:shipping-method"))
    response = choose_payment(client, method)
    assert response.status_code == 302, response.content[:300]


def guest_basket_of(client, product, quantity):
    """A guest's open basket holding ``product``, named by the basket cookie as Oscar does."""
    from django.conf import settings
    from django.core.signing import Signer
    from oscar.core.loading import get_class

    basket = get_model("basket", "Basket").objects.create()
    basket.strategy = get_class("partner.strategy", "Selector")().strategy()
    basket.add_product(product, quantity)
    client.cookies[settings.OSCAR_BASKET_COOKIE_OPEN] = Signer().sign(basket.pk)
    return basket
