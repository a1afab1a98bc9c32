"""One canonical URL per product: the shop's product page shows the live story, the
story's own URL redirects there, and the preview is the product page with live data."""

from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText

from profiles.models import ProductProfilePage

from .factories import add_story, groups, make_product, make_tree


@pytest.fixture
def product_with_story(db):
    _home, _producers, stories, _news = make_tree()
    product = make_product("Bánh tráng phơi sương", groups()["1.3"], stars=4, price="40000")
    story = add_story(stories, product, "banh-trang", text="<p>Phơi sương đêm cho dẻo.</p>")
    return product, story


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_story_url_redirects_permanently_to_the_product_page(
    client, product_with_story, prefix
):
    product, story = product_with_story

    response = client.get(f"{prefix}/cau-chuyen-san-pham/banh-trang/")

    assert response.status_code == 301
    assert response["Location"] == f"{prefix}/cua-hang/catalogue/{product.slug}_{product.pk}/"


def test_the_story_index_redirects_to_the_catalogue(client, product_with_story):
    response = client.get("/cau-chuyen-san-pham/")

    assert response.status_code == 301
    assert response["Location"] == reverse("catalogue:index")


def test_the_product_page_shows_the_story_with_live_price_and_stars(client, product_with_story):
    product, _story = product_with_story

    html = client.get(product.get_absolute_url()).content.decode()

    assert "Phơi sương đêm cho dẻo." in html
    assert "Câu chuyện Bánh tráng phơi sương" in html
    assert "40.000\N{NO-BREAK SPACE}₫" in html
    assert "ocop-badge--4" in html
    assert html.count("<h1") == 1


def test_a_price_change_in_the_catalogue_shows_without_editing_the_story(
    client, product_with_story
):
    product, story = product_with_story
    revisions = story.revisions.count()
    record = product.stockrecords.get()
    record.price = Decimal("52000")
    record.save()

    html = client.get(product.get_absolute_url()).content.decode()

    assert "52.000\N{NO-BREAK SPACE}₫" in html
    assert "40.000\N{NO-BREAK SPACE}₫" not in html
    assert "Phơi sương đêm cho dẻo." in html
    assert story.revisions.count() == revisions


def test_an_unpublished_or_draft_story_is_not_shown(client, product_with_story):
    product, story = product_with_story
    story.body = [("text", RichText("<p>Bản nháp chưa duyệt.</p>"))]
    story.save_revision()  # a draft: the live page keeps the published story

    html = client.get(product.get_absolute_url()).content.decode()
    assert "Phơi sương đêm cho dẻo." in html
    assert "Bản nháp chưa duyệt." not in html

    story.unpublish()
    html = client.get(product.get_absolute_url()).content.decode()
    assert "Phơi sương đêm cho dẻo." not in html


def test_the_story_lookup_is_one_query(rf, product_with_story, django_assert_num_queries):
    from django.template import Context, Template

    product, _story = product_with_story
    template = Template("{% load story_tags %}{% product_story product as story %}{{ story.slug }}")
    with django_assert_num_queries(1):
        assert template.render(Context({"product": product, "request": rf.get("/")})) == (
            "banh-trang"
        )


def test_preview_is_the_product_page_with_the_unsaved_story_and_live_price(product_with_story):
    product, story = product_with_story
    draft = ProductProfilePage.objects.get(pk=story.pk)
    draft.body = [("text", RichText("<p>Cách làm mới, chưa lưu.</p>"))]

    response = draft.make_preview_request()

    html = response.render().content.decode() if hasattr(response, "render") else ""
    html = html or response.content.decode()
    assert response.status_code == 200
    assert "Cách làm mới, chưa lưu." in html
    assert "40.000\N{NO-BREAK SPACE}₫" in html
    assert "ocop-badge--4" in html
