"""Staff edit a product's English in Oscar's dashboard, beside its Vietnamese."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue.tests.factories import NINH_KIEU, groups, offer, producer
from dashboard.catalogue.forms import ProductForm

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")


@pytest.fixture
def product():
    g = groups()
    return offer("Mật ong hoa tràm", g["1.2"], producer("HTX Ong", "htx", NINH_KIEU), 120_000)


def test_the_dashboard_product_page_offers_the_english_fields(client, product):
    staff = get_user_model().objects.create_superuser("nv", "nv@example.vn", "x")
    client.force_login(staff)

    response = client.get(reverse("dashboard:catalogue-product", kwargs={"pk": product.pk}))

    assert response.status_code == 200
    assert isinstance(response.context["form"], ProductForm)
    html = response.content.decode()
    assert 'name="title_en"' in html
    assert 'name="description_en"' in html


def test_the_dashboard_form_saves_the_english(product):
    form = ProductForm(
        product.product_class,
        instance=product,
        data={
            "title": product.title,
            "description": product.description,
            "structure": product.structure,
            "is_public": "on",
            "title_en": "Cajeput-flower honey",
            "description_en": "<p>Forest honey.</p>",
        },
    )

    assert form.is_valid(), form.errors
    form.save()
    saved = Product.objects.get(pk=product.pk)
    assert (saved.title_en, saved.description_en) == (
        "Cajeput-flower honey",
        "<p>Forest honey.</p>",
    )
    assert " cajeput flower honey " in saved.search_text
