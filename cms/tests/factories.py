"""Test data for the cms pages: a page tree rooted at a HomePage, certified products."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import create_product
from wagtail.models import Collection, Locale, Page, Site

from catalogue.certification import OcopCertificate
from catalogue.choices import IssuingLevel
from catalogue.reference import load_product_groups
from cms.models import HomePage

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
ProductCategory = get_model("catalogue", "ProductCategory")

SCORES = {1: "20", 2: "40", 3: "60", 4: "80", 5: "92"}


def ensure_wagtail_roots():
    """The rows Wagtail's migrations create (locale, root collection, root page).

    A live-server test ends with a flush that empties them too; a reused test database
    then starts the next run without them."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(title="Root", slug="root")


def make_home():
    """A HomePage served as the default site's root (replacing Wagtail's welcome page)."""
    root = ensure_wagtail_roots()
    home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", is_default_site=True
    )
    site.root_page = home
    site.save()
    return home


def groups():
    """The six OCOP groups, loaded from the reference data: {code: category}."""
    load_product_groups()
    return {c.code: c for c in Category.objects.all()}


def certify(product, stars, issued=None, **extra):
    issued = issued or timezone.localdate() - dt.timedelta(days=30)
    return OcopCertificate.objects.create(
        product=product,
        score=Decimal(SCORES[stars]),
        stars=stars,
        level=IssuingLevel.CENTRAL if stars == 5 else IssuingLevel.CITY,
        issuing_body="UBND thành phố Cần Thơ",
        decision_number=f"MẪU-{OcopCertificate.objects.count() + 1}/QĐ-UBND",
        decision_date=issued,
        **extra,
    )


def producer(name, kind="htx"):
    return Partner.objects.create(name=name, kind=kind)


def make_product(title, category=None, stars=None, partner=None, price="50000", **kwargs):
    """A public product in a group, offered by a producer, certified if ``stars``."""
    product = create_product(title=title, product_class="Sản phẩm", **kwargs)
    partner = partner or Partner.objects.get_or_create(name="Cơ sở mẫu")[0]
    product.stockrecords.create(
        partner=partner,
        partner_sku=f"sku-{product.pk}",
        price=Decimal(price),
        price_currency="VND",
        num_in_stock=10,
    )
    if category is not None:
        ProductCategory.objects.create(product=product, category=category)
    if stars:
        certify(product, stars)
    return product
