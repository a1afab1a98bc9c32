"""Test data for the profile pages: the page tree under a home page, producers, stories."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from oscar.core.loading import get_model
from wagtail.rich_text import RichText

from cms.models import NewsIndexPage, StandardPage
from cms.tests.factories import certify, groups, make_home, make_product  # noqa: F401
from profiles.models import (
    ProducerIndexPage,
    ProducerPage,
    ProductProfileIndexPage,
    ProductProfilePage,
)

Partner = get_model("partner", "Partner")


def make_partner(name, kind="htx", commune_code="", lat=None, lng=None, **fields):
    return Partner.objects.create(
        name=name,
        kind=kind,
        commune_code=commune_code,
        latitude=Decimal(lat) if lat else None,
        longitude=Decimal(lng) if lng else None,
        **fields,
    )


def make_tree():
    """Home with the producer index, the product-story index, news and a content page."""
    home = make_home()
    producers = home.add_child(
        instance=ProducerIndexPage(title="Chủ thể OCOP", slug="co-so-san-xuat")
    )
    stories = home.add_child(
        instance=ProductProfileIndexPage(title="Câu chuyện sản phẩm", slug="cau-chuyen-san-pham")
    )
    news = home.add_child(instance=NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    return home, producers, stories, news


def add_producer_page(index, partner, slug, owner=None, body="<p>Câu chuyện của cơ sở.</p>"):
    page = ProducerPage(
        title=partner.name,
        slug=slug,
        partner=partner,
        summary=f"Tóm tắt {partner.name}",
        body=[("text", RichText(body))],
        owner=owner,
    )
    index.add_child(instance=page)
    page.save_revision(user=owner).publish()
    return page


def add_story(index, product, slug, text="<p>Làm bằng tay từ gạo mới.</p>", owner=None):
    page = ProductProfilePage(
        title=f"Câu chuyện {product.title}",
        slug=slug,
        product=product,
        body=[("text", RichText(text))],
        owner=owner,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_content_page(home, title, slug):
    page = StandardPage(
        title=title, slug=slug, intro="Dẫn nhập.", body=[("text", RichText("<p>Nội dung.</p>"))]
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_user(email, **fields):
    User = get_user_model()
    user = User.objects.create_user(
        username=email, email=email, password="mat-khau-dai-2026", **fields
    )
    return user
