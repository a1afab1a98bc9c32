"""Only what is for sale gets into a basket, and a basket lets go of what stopped being
for sale: every add-to-basket road Oscar exposes, the basket page, and the day boundary."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib import messages
from django.contrib.messages import get_messages
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from catalogue.tests.factories import WITHDRAWALS, certify, groups, offer, producer, withdraw

Basket = get_model("basket", "Basket")
Line = get_model("basket", "Line")
StockRecord = get_model("partner", "StockRecord")
Product = get_model("catalogue", "Product")
CAN_THO = ZoneInfo("Asia/Ho_Chi_Minh")
NOT_FOR_SALE = "Sản phẩm này hiện không được bán."

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    g = groups()
    partner = producer("HTX Thuận Hưng")
    kept = offer("Bánh tráng Thuận Hưng", g["1.3"], partner, 45_000, 4)
    gone = offer("Rượu nếp Phong Điền", g["2.1"], partner, 250_000, 4)
    return kept, gone


def basket_lines():
    return sorted(Line.objects.values_list("product__title", "quantity"))


def errors(response):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level == messages.ERROR]


def stock(product):
    record = StockRecord.objects.get(product=product)
    return record.num_in_stock, record.num_allocated


@pytest.mark.parametrize("how", WITHDRAWALS)
def test_posting_a_withdrawn_products_id_to_basket_add_is_refused(client, shop, how):
    # Given a product withdrawn in one way, and a basket that already holds another
    kept, gone = shop
    client.post(reverse("basket:add", kwargs={"pk": kept.pk}), {"quantity": 1})
    withdraw(gone, how)
    before = stock(gone)

    # When its id is posted to the add-to-basket URL, as a tester would
    response = client.post(reverse("basket:add", kwargs={"pk": gone.pk}), {"quantity": 2})

    # Then the shopper is told, and the basket and the stock are as they were
    assert response.status_code == 302
    assert errors(response) == [NOT_FOR_SALE]
    assert basket_lines() == [("Bánh tráng Thuận Hưng", 1)]
    assert stock(gone) == before


@pytest.mark.parametrize("how", ["hidden", "revoked"])
def test_a_crafted_post_naming_another_product_adds_only_the_one_in_the_url(client, shop, how):
    # Given a withdrawn product, and the add form of a public one carrying its id
    kept, gone = shop
    withdraw(gone, how)

    response = client.post(
        reverse("basket:add", kwargs={"pk": kept.pk}),
        {"quantity": 1, "child_id": gone.pk, "product_id": gone.pk, "pk": gone.pk},
    )

    assert response.status_code == 302
    assert basket_lines() == [("Bánh tráng Thuận Hưng", 1)]


def test_a_withdrawn_variant_cannot_be_chosen_through_its_public_parent(client, shop):
    # Given a public parent whose child variant's certificate was revoked
    kept, _gone = shop
    parent = Product.objects.create(
        title="Mứt trái cây", structure=Product.PARENT, product_class=kept.product_class
    )
    child = Product.objects.create(title="Mứt mãng cầu", structure=Product.CHILD, parent=parent)
    StockRecord.objects.create(
        product=child,
        partner=kept.stockrecords.get().partner,
        partner_sku="mut-1",
        price=60_000,
        num_in_stock=10,
    )
    certify(child, 4)
    withdraw(child, "revoked")

    response = client.post(
        reverse("basket:add", kwargs={"pk": parent.pk}), {"quantity": 1, "child_id": child.pk}
    )

    assert response.status_code == 302
    assert basket_lines() == []


def test_a_saved_line_that_stopped_being_for_sale_cannot_be_moved_back(client, shop):
    # Given a signed-in shopper who saved a product for later, then it was revoked
    kept, gone = shop
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("basket:add", kwargs={"pk": gone.pk}), {"quantity": 1})
    basket = Basket.objects.get(owner=user, status=Basket.OPEN)
    saved = Basket.saved.create(owner=user)
    line = basket.lines.get()
    line.basket = saved
    line.save()
    withdraw(gone, "revoked")

    # When they ask to move it back into the basket
    response = client.post(
        reverse("basket:saved"),
        {
            "saved-TOTAL_FORMS": 1,
            "saved-INITIAL_FORMS": 1,
            "saved-MIN_NUM_FORMS": 0,
            "saved-MAX_NUM_FORMS": 1000,
            "saved-0-id": line.pk,
            "saved-0-move_to_basket": "on",
        },
    )

    # Then it stays where it was and the open basket stays empty
    assert response.status_code == 302
    assert basket.lines.count() == 0
    assert saved.lines.count() == 1


@pytest.mark.parametrize("how", WITHDRAWALS)
def test_basket_page_drops_a_line_that_stopped_being_for_sale_and_says_so(client, shop, how):
    # Given a basket with two products, one of which is then withdrawn
    kept, gone = shop
    for product in (kept, gone):
        client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    withdraw(gone, how)

    # When the shopper opens (or reloads) the basket
    response = client.get(reverse("basket:summary"))

    # Then the line is gone and the shopper is told which product and why
    assert response.status_code == 200
    assert basket_lines() == [("Bánh tráng Thuận Hưng", 1)]
    assert "“Rượu nếp Phong Điền” không còn được bán nên đã được bỏ khỏi giỏ hàng." in (
        response.content.decode()
    )
    assert [line.product.title for line in response.context["basket"].all_lines()] == [
        "Bánh tráng Thuận Hưng"
    ]


def test_a_basket_that_was_fine_last_night_drops_the_line_after_midnight_in_can_tho(client, shop):
    # Given a product whose certificate's last day is 14/03/2027, put in the basket that
    # evening (Cần Thơ time)
    kept, gone = shop
    gone.certificates.update(decision_date=dt.date(2024, 3, 15), expires_on=dt.date(2027, 3, 15))
    with time_machine.travel(dt.datetime(2027, 3, 14, 23, 58, tzinfo=CAN_THO), tick=False):
        client.post(reverse("basket:add", kwargs={"pk": gone.pk}), {"quantity": 1})
        evening = client.get(reverse("basket:summary"))
    assert [line.product.title for line in evening.context["basket"].all_lines()] == [
        "Rượu nếp Phong Điền"
    ]

    # When the shopper reloads the basket two minutes after midnight (still the 14th in UTC)
    with time_machine.travel(dt.datetime(2027, 3, 15, 0, 0, 30, tzinfo=CAN_THO), tick=False):
        morning = client.get(reverse("basket:summary"))

    # Then the line has been dropped, with a word about it
    assert basket_lines() == []
    assert "“Rượu nếp Phong Điền” không còn được bán" in morning.content.decode()
