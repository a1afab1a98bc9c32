"""The interface speaks the page's language on the journeys people take.

Shoppers and tourists in Vietnamese and in English (home, catalogue with its filters, a
product, the basket and its messages, checkout with its form errors, order tracking,
signing in), producers in Vietnamese (the seller area and the Wagtail admin they use:
dashboard, pages, images, their account), officers in Vietnamese (their pages and the
admin). Every visible text, placeholder, label for screen readers and Wagtail menu label
is sorted by tests.ui_language: none may be in the other language, except names and
content written in the database (checked by the content's own tests).

The demo data is loaded once for the module, inside a transaction rolled back at the
end. A browser walk of the same journeys (tests/test_browser_ui_language.py) checks what
scripts write.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation
from oscar.core.loading import get_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.users.models import UserProfile

from conftest import demo_for_module
from order.links import order_path
from tests.ui_language import database_text, foreign_texts

Product = get_model("catalogue", "Product")
Order = get_model("order", "Order")
Partner = get_model("partner", "Partner")

PRODUCER = "producer1@ocop-cantho.local"
OFFICER = "officer@ocop-cantho.local"
PREFIX = {"vi": "", "en": "/en"}
ADD_TO_BASKET = re.compile(r'action="([^"]*/basket/add/\d+/)"')


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with demo_for_module(django_db_blocker):
        # Site settings rows are created, with their defaults, by the first page.
        Client().get("/")
        yield {"known": database_text()}


class Walk:
    """A visitor's client and what each page they met said in the wrong language."""

    def __init__(self, language, known, user=None):
        self.language = language
        self.known = known
        self.client = Client(HTTP_ACCEPT_LANGUAGE=language)
        if user is not None:
            self.client.force_login(get_user_model().objects.get(email=user))
        self.found = {}

    def url(self, path):
        return path if path.startswith("/cms/") else PREFIX[self.language] + path

    def visit(self, path, data=None):
        method = self.client.post if data is not None else self.client.get
        response = method(self.url(path), data, follow=True)
        assert response.status_code == 200, f"{path}: {response.status_code}"
        page = response.content.decode()
        wrong = foreign_texts(page, self.language, self.known)
        if wrong:
            self.found[path if data is None else f"POST {path}"] = sorted({t for _, t in wrong})
        return page


def shopper_paths():
    from profiles.models import ProducerIndexPage, ProducerPage
    from villages.models import VillageIndexPage, VillagePage

    with translation.override("vi"):
        product = Product.objects.browsable().order_by("pk").first()
        pages = [
            VillageIndexPage.objects.live().filter(locale__language_code="vi").get().url,
            VillagePage.objects.live().order_by("path").first().url,
            ProducerIndexPage.objects.live().filter(locale__language_code="vi").get().url,
            ProducerPage.objects.live().order_by("path").first().url,
        ]
        order = Order.objects.order_by("pk").first()
        return product.get_absolute_url(), pages, order_path(order, "vi")


def shopper_journey(language, known):
    """Home to order tracking; {path: [texts in the other language]}."""
    product_path, pages, order_status = shopper_paths()
    walk = Walk(language, known)

    for path in ["/", "/cua-hang/catalogue/", "/cua-hang/catalogue/?price=0-50k", *pages]:
        walk.visit(path)
    walk.visit("/cua-hang/search/?q=banh+trang")
    product = walk.visit(product_path)
    add = ADD_TO_BASKET.search(product).group(1).removeprefix(PREFIX[language])
    walk.visit(add, {"quantity": "1"})  # "Tổng giỏ hàng hiện là …"
    walk.visit(add, {"quantity": "100000"})  # more than the stock
    walk.visit(add, {"quantity": "một"})  # not a number
    walk.visit("/cua-hang/basket/")
    walk.visit("/cua-hang/checkout/")
    walk.visit("/cua-hang/checkout/", {"username": "khach@example.vn", "options": "anonymous"})
    walk.visit(
        "/cua-hang/checkout/shipping-address/",
        {"first_name": "An", "phone_number": "123", "line1": "Số 1\x00"},
    )
    walk.visit("/cua-hang/checkout/tra-cuu-don-hang/")
    walk.visit("/cua-hang/checkout/tra-cuu-don-hang/", {"order_number": "x", "email": "y"})
    walk.visit(order_status.removeprefix(PREFIX["vi"]))
    walk.visit("/cua-hang/accounts/login/")
    walk.visit(
        "/cua-hang/accounts/login/",
        {"registration-email": "sai", "registration-password1": "1", "registration_submit": "1"},
    )
    return walk.found


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_shopper_journey_speaks_one_language(demo, language):
    assert shopper_journey(language, demo["known"]) == {}


def seller_paths(user):
    partner = Partner.objects.filter(users__email=user).first()
    product = Product.objects.filter(stockrecords__partner=partner).order_by("pk").first()
    # The seller's order page is one producer's part of an order (a fulfilment group).
    from seller.orders import groups_of

    group = groups_of(get_user_model().objects.get(email=user)).order_by("pk").first()
    return [
        "/nguoi-ban/",
        "/nguoi-ban/san-pham/",
        "/nguoi-ban/san-pham/them/",
        f"/nguoi-ban/san-pham/{product.pk}/",
        "/nguoi-ban/don-hang/",
        f"/nguoi-ban/don-hang/{group.pk}/",
        "/nguoi-ban/doanh-so/",
        "/nguoi-ban/ho-so/",
    ]


def admin_paths(user):
    """The Wagtail screens an editor uses: dashboard, the page tree, a page's editor,
    images and their account."""
    editable = [
        page
        for page in Page.objects.filter(depth__gte=3).specific().order_by("path")
        if page.permissions_for_user(get_user_model().objects.get(email=user)).can_edit()
    ]
    image = get_image_model().objects.order_by("pk").first()
    return [
        "/cms/",
        "/cms/pages/",
        f"/cms/pages/{editable[0].get_parent().pk}/",
        f"/cms/pages/{editable[0].pk}/edit/",
        "/cms/pages/search/?q=OCOP",
        "/cms/images/",
        f"/cms/images/{image.pk}/",
        "/cms/images/multiple/add/",
        "/cms/account/",
    ]


OFFICER_PAGES = [
    "/nguoi-ban/can-bo/",
    "/nguoi-ban/can-bo/chuong-trinh/",
    "/nguoi-ban/can-bo/nhat-ky/",
    "/nguoi-ban/can-bo/moi-tai-khoan/",
]


def editor_journey(user, known):
    """A producer's or an officer's pages and Wagtail screens, in Vietnamese."""
    walk = Walk("vi", known, user=user)
    own = seller_paths(PRODUCER) if user == PRODUCER else OFFICER_PAGES
    for path in own + admin_paths(user):
        walk.visit(path)
    return walk.found


@pytest.mark.django_db
@pytest.mark.parametrize("user", [PRODUCER, OFFICER])
def test_producers_and_officers_meet_only_vietnamese(demo, user):
    assert editor_journey(user, demo["known"]) == {}


@pytest.mark.django_db
def test_the_admin_speaks_vietnamese_to_a_browser_asking_for_english(demo):
    # A producer's browser in English, or the cookie left by reading /en/, must not turn
    # their admin into English; a language chosen in their Wagtail account does.
    client = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    producer = get_user_model().objects.get(email=PRODUCER)
    client.force_login(producer)
    client.cookies["django_language"] = "en"

    default = client.get("/cms/").content.decode()
    profile = UserProfile.get_for_user(producer)
    profile.preferred_language = "en"
    profile.save()
    chosen = client.get("/cms/").content.decode()

    assert ('<html lang="vi"' in default, "Tổng quan trang web" in default) == (True, True)
    assert ('<html lang="en"' in chosen, "Site summary" in chosen) == (True, True)


@pytest.mark.django_db
def test_the_admin_scripts_read_the_vietnamese_catalogue(demo):
    client = Client()
    client.force_login(get_user_model().objects.get(email=PRODUCER))

    catalogue = client.get("/cms/jsi18n/").content.decode()

    assert '"Main menu": "Menu ch\\u00ednh"' in catalogue


LOCALISED_NUMBER = re.compile(r"\d,\d|\d\.\d{3}(?!\d)")
ATTRIBUTE = re.compile(r'\s(href|src|data-[\w-]+)="([^"]*)"')


@pytest.mark.django_db
def test_numbers_in_links_and_data_attributes_are_never_localised(demo):
    # Vietnamese writes 10,0105 and 150.000; a map link or a script reading mlat=10,0105
    # goes to the wrong place. Every producer and village page (their maps and
    # directions), a product and the home page, in Vietnamese.
    from profiles.models import ProducerPage
    from villages.models import VillagePage

    with translation.override("vi"):
        paths = ["/", shopper_paths()[0]]
        paths += [p.url for p in ProducerPage.objects.live().order_by("path")]
        paths += [p.url for p in VillagePage.objects.live().order_by("path")]
    client = Client(HTTP_ACCEPT_LANGUAGE="vi")
    localised = {}
    for path in paths:
        page = client.get(path).content.decode()
        for name, value in ATTRIBUTE.findall(page):
            if LOCALISED_NUMBER.search(value) and not value.startswith(("/media/", "/static/")):
                localised.setdefault(path, []).append(f"{name}={value}")

    assert (len(paths) > 10, localised) == (True, {})
