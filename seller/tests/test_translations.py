"""English for products: producers write it for their own products, officers for any
product from their list of what still needs translating."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from seller.officer_translations import PAGE_SIZE

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")

LIST = reverse("seller:officer-translations")


def english(product):
    product.refresh_from_db()
    return product.title_en, product.description_en


def listing_form(product, **changes):
    data = {
        "title": product.title,
        "description": "Bánh tráng làm tay",
        "price": "45000",
        "num_in_stock": "20",
        "stock_seen": "20",
        "on_sale": "on",
        "title_en": "",
        "description_en": "",
    }
    data.update(changes)
    return data


def test_a_producer_writes_the_english_of_its_own_product(client, producer_a):
    user, _partner, product = producer_a
    client.force_login(user)
    url = reverse("seller:product-edit", args=[product.pk])

    response = client.post(
        url,
        listing_form(
            product, title_en="  Milk rice paper ", description_en="Soft <b>and</b> sweet"
        ),
    )

    assert response.status_code == 302
    assert english(product) == ("Milk rice paper", "<p>Soft &lt;b&gt;and&lt;/b&gt; sweet</p>")
    form = client.get(url).context["form"]
    assert form.initial["title_en"] == "Milk rice paper"
    assert form.initial["description_en"] == "Soft <b>and</b> sweet"


def test_a_new_product_can_carry_its_english(client, producer_a):
    user, _partner, _product = producer_a
    client.force_login(user)
    from catalogue.models import Category

    response = client.post(
        reverse("seller:product-add"),
        {
            "title": "Mứt mãng cầu",
            "category": Category.objects.get(code="1.3").pk,
            "description": "Mứt dẻo",
            "title_en": "Candied soursop",
            "description_en": "Chewy candied soursop.",
            "price": "60000",
            "num_in_stock": "5",
        },
    )

    assert response.status_code == 302
    product = Product.objects.get(title="Mứt mãng cầu")
    assert english(product) == ("Candied soursop", "<p>Chewy candied soursop.</p>")


def test_english_posted_for_another_producers_product_changes_nothing(
    client, producer_a, producer_b
):
    _user_a, _partner_a, product_a = producer_a
    user_b, _partner_b, _product_b = producer_b
    client.force_login(user_b)

    response = client.post(
        reverse("seller:product-edit", args=[product_a.pk]),
        listing_form(product_a, title_en="Hacked", description_en="Hacked"),
    )

    assert response.status_code == 404
    assert english(product_a) == ("", "")


@pytest.fixture
def untranslated(producer_a, producer_b):
    """Producer A's goods lack English; B's is translated; one experience lacks it."""
    _user, _partner, goods = producer_a
    _user, _partner, done = producer_b
    done.title_en, done.description_en = "Grilled pork sausage", ""
    done.save()
    experience = Product.objects.create(
        title="Đi chợ nổi Cái Răng lúc bình minh",
        description="<p>Xuất bến 5:30.</p>",
        product_class=ProductClass.objects.get(slug="trai-nghiem"),
        is_public=True,
    )
    return {"goods": goods, "done": done, "experience": experience}


def test_officers_see_what_lacks_english_counted_by_kind(client, officer, untranslated):
    client.force_login(officer)

    response = client.get(LIST)

    assert response.status_code == 200
    listed = [p.pk for p in response.context["page"].object_list]
    assert sorted(listed) == sorted([untranslated["goods"].pk, untranslated["experience"].pk])
    assert response.context["counts"] == {
        "goods": {"missing": 1, "total": 2},
        "experiences": {"missing": 1, "total": 1},
    }
    html = response.content.decode()
    assert html.count("<h1") == 1
    edit_url = reverse("seller:officer-translation-edit", args=[untranslated["goods"].pk])
    assert f'href="{edit_url}"' in html

    only = client.get(LIST, {"loai": "trai-nghiem"}).context["page"].object_list
    assert [p.pk for p in only] == [untranslated["experience"].pk]
    odd = client.get(LIST, {"loai": "<x>", "trang": "-1"})
    assert odd.status_code == 200
    assert len(odd.context["page"].object_list) == 2


def test_an_officer_translates_a_product_and_it_leaves_the_list(client, officer, untranslated):
    client.force_login(officer)
    experience = untranslated["experience"]
    url = reverse("seller:officer-translation-edit", args=[experience.pk])
    assert client.get(url).status_code == 200

    response = client.post(
        url,
        {"title_en": "Cái Răng floating market at sunrise", "description_en": "Leave at 5:30."},
    )

    assert response.status_code == 302
    assert english(experience) == ("Cái Răng floating market at sunrise", "<p>Leave at 5:30.</p>")
    listed = [p.pk for p in client.get(LIST).context["page"].object_list]
    assert listed == [untranslated["goods"].pk]


def test_the_list_is_for_officers_only(client, untranslated):
    user = untranslated["goods"].stockrecords.get().partner.users.get()
    client.force_login(user)
    url = reverse("seller:officer-translation-edit", args=[untranslated["goods"].pk])

    assert client.get(LIST).status_code == 403
    assert client.post(url, {"title_en": "Mine now"}).status_code == 403
    assert english(untranslated["goods"]) == ("", "")


def test_the_list_costs_the_same_queries_for_more_products(
    client, officer, untranslated, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(officer)
    client.get(LIST)
    client.get(LIST)  # the first visit created the site settings, a change of the site
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    goods = ProductClass.objects.get(slug="san-pham")
    for i in range(PAGE_SIZE + 3):
        Product.objects.create(title=f"Sản phẩm {i}", product_class=goods, is_public=True)

    with django_assert_num_queries(len(few)):
        response = client.get(LIST)
    assert len(response.context["page"].object_list) == PAGE_SIZE
