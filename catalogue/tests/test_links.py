"""A card's links (catalogue.links) are the ones reverse() gives, in every language, under
a script prefix (a proxy's SCRIPT_NAME) and after the URLconf changes; a value reverse()
refuses is still refused (issue 14)."""

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, clear_url_caches, reverse, set_script_prefix
from django.utils import translation

from catalogue.links import basket_add_url, product_url

from .factories import small_catalogue

pytestmark = pytest.mark.django_db


def reversed_links(product):
    return (
        reverse("catalogue:detail", kwargs={"product_slug": product.slug, "pk": product.pk}),
        reverse("basket:add", kwargs={"pk": product.pk}),
    )


@pytest.fixture
def product():
    return small_catalogue()["products"][1]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_links_are_those_reverse_gives_in_each_language(product, language):
    with translation.override(language):
        expected = reversed_links(product)
        assert (product.get_absolute_url(), basket_add_url(product)) == expected
        # Asked again, from the kept shape: the same.
        assert (product_url(product), basket_add_url(product)) == expected

    assert expected[0].startswith("/en/" if language == "en" else "/cua-hang/")


def test_under_a_script_prefix_the_links_carry_it(product):
    plain = product.get_absolute_url()
    set_script_prefix("/ocop/")
    try:
        assert product.get_absolute_url() == reverse(
            "catalogue:detail", kwargs={"product_slug": product.slug, "pk": product.pk}
        )
        assert product.get_absolute_url() == "/ocop" + plain
        assert basket_add_url(product) == f"/ocop/cua-hang/basket/add/{product.pk}/"
    finally:
        set_script_prefix("/")
    assert product.get_absolute_url() == plain


@override_settings(ROOT_URLCONF="catalogue.tests.moved_urls")
def test_a_changed_urlconf_is_followed(product):
    clear_url_caches()
    try:
        assert product.get_absolute_url() == f"/moved/{product.slug}_{product.pk}/"
        assert basket_add_url(product) == f"/moved/basket/{product.pk}/"
    finally:
        clear_url_caches()


def test_a_slug_reverse_refuses_is_still_refused(product):
    product.slug = "bánh tráng"  # not a slug: reverse() finds no URL for it

    with pytest.raises(NoReverseMatch):
        product.get_absolute_url()
