"""A producer never sees or changes another producer's things, whatever it sends.

SELLER_URLS names every URL of seller/urls.py with how another producer is kept out;
a new URL without an entry here fails ``test_every_seller_url_is_covered``."""

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from audit.models import AuditEntry
from catalogue.certification import OcopCertificate
from seller import urls as seller_urls
from seller.models import Listing

from .factories import image_upload

ProductImage = get_model("catalogue", "ProductImage")

# How each URL keeps another producer out:
#   "object"  – takes the other producer's product (and photo): 404 on GET and POST.
#   "own"     – takes no object: serves the caller's own data, never the other's.
#   "officer" – officers only: a producer gets 403.
#   "token"   – reached by an emailed token: a wrong token changes nothing.
#   "order"   – takes the other producer's part of an order: 404 (test_orders.py).
#   "experience" – the producer's experiences: 404 for another's (test_experience_views.py).
SELLER_URLS = {
    "home": "own",
    "products": "own",
    "product-add": "own",
    "product-edit": "object",
    "photo-upload": "object",
    "photo-action": "object",
    "profile": "own",
    "orders": "own",
    "order-detail": "order",  # tested in test_orders.py
    "sales": "own",  # with orders of both producers in test_sales.py
    "accept-invitation": "token",
    "officer-approvals": "officer",
    "officer-review": "officer",
    "officer-expiring": "officer",
    "officer-programme": "officer",
    "officer-audit": "officer",
    "officer-invite": "officer",
    "officer-transfers": "officer",
    "officer-translations": "officer",
    "officer-translation-edit": "officer",
    "experiences": "experience",
    "experience-day": "experience",
    "experience-checkin": "experience",
    "experience-edit": "experience",
    "experience-schedule-add": "experience",
    "experience-schedule": "experience",
    "experience-closed-day-add": "experience",
    "experience-closed-day-delete": "experience",
    "experience-slot": "experience",
}


def snapshot(partner, product):
    """Everything of a producer that the seller area could change."""
    partner.refresh_from_db()
    product.refresh_from_db()
    stockrecord = product.stockrecords.get(partner=partner)
    return {
        "title": product.title,
        "description": product.description,
        "english": (product.title_en, product.description_en),
        "is_public": product.is_public,
        "price": stockrecord.price,
        "stock": stockrecord.num_in_stock,
        "images": list(product.images.values_list("pk", "display_order")),
        "listing": list(Listing.objects.filter(product=product).values("status", "on_sale")),
        "certificates": list(product.certificates.values_list("pk", "stars")),
        "phone": partner.phone,
        "address": partner.street_address,
        "users": sorted(partner.users.values_list("pk", flat=True)),
    }


def test_every_seller_url_is_covered():
    assert set(SELLER_URLS) == {p.name for p in seller_urls.urlpatterns}


def _object_url(name, product, image):
    if name == "photo-action":
        return reverse(f"seller:{name}", args=[product.pk, image.pk])
    return reverse(f"seller:{name}", args=[product.pk])


@pytest.mark.parametrize("name", [n for n, kind in SELLER_URLS.items() if kind == "object"])
def test_another_producers_object_urls_answer_404_and_change_nothing(
    client, producer_a, producer_b, name
):
    user_a, partner_a, product_a = producer_a
    user_b, _partner_b, _product_b = producer_b
    image = ProductImage.objects.create(product=product_a, original=image_upload(), display_order=0)
    before = snapshot(partner_a, product_a)
    client.force_login(user_b)
    url = _object_url(name, product_a, image)

    crafted = {
        "title": "Bị sửa",
        "description": "x",
        "title_en": "Hacked",
        "description_en": "x",
        "price": "1000",
        "num_in_stock": "0",
        "on_sale": "",
        "action": "delete",
        "photo": image_upload(),
    }
    assert client.get(url).status_code in (404, 405)
    assert client.post(url, crafted).status_code == 404
    assert snapshot(partner_a, product_a) == before
    assert AuditEntry.objects.count() == 0


@pytest.mark.parametrize("name", [n for n, kind in SELLER_URLS.items() if kind == "own"])
def test_own_urls_never_show_or_change_another_producers_data(client, producer_a, producer_b, name):
    user_a, partner_a, product_a = producer_a
    user_b, partner_b, product_b = producer_b
    before = snapshot(partner_a, product_a)
    client.force_login(user_b)
    url = reverse(f"seller:{name}")

    page = client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert product_a.title not in body
    assert partner_a.name not in body

    client.post(
        url,
        {
            "phone": "0909 000 111",
            "street_address": "Đã đổi",
            "title": "Mới",
            "price": "5000",
            "num_in_stock": "3",
            "partner": partner_a.pk,
        },
    )
    assert snapshot(partner_a, product_a) == before


@pytest.mark.parametrize("name", [n for n, kind in SELLER_URLS.items() if kind == "officer"])
def test_officer_urls_refuse_producers(client, producer_a, producer_b, name):
    user_a, partner_a, product_a = producer_a
    user_b, partner_b, product_b = producer_b
    Listing.objects.create(product=product_a)  # something an officer could approve
    before = snapshot(partner_a, product_a)
    client.force_login(user_b)
    url = (
        reverse(f"seller:{name}", args=[product_a.pk])
        if name in ("officer-review", "officer-translation-edit")
        else reverse(f"seller:{name}")
    )

    assert client.get(url).status_code == 403
    response = client.post(
        url,
        {
            "decision": "approve",
            "partner": partner_a.pk,
            "email": "x@example.vn",
            "title_en": "Hacked",
        },
    )
    assert response.status_code == 403
    assert snapshot(partner_a, product_a) == before
    assert mail.outbox == []


def test_wrong_invitation_token_changes_no_password(client, producer_a, producer_b):
    user_a, partner_a, product_a = producer_a
    user_b, _partner_b, _product_b = producer_b
    client.force_login(user_b)
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    url = reverse(
        "seller:accept-invitation",
        kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user_a.pk)), "token": "sai-ma"},
    )
    password_before = user_a.password
    response = client.post(
        url, {"new_password1": "Mat-khau-moi-2025!", "new_password2": "Mat-khau-moi-2025!"}
    )
    assert response.status_code == 200
    assert "Liên kết này đã được dùng hoặc đã hết hạn" in response.content.decode()
    user_a.refresh_from_db()
    assert user_a.password == password_before


@pytest.mark.parametrize("name", [n for n, kind in SELLER_URLS.items() if kind != "token"])
def test_anonymous_visitors_are_sent_to_login(client, producer_a, name):
    _user, _partner, product = producer_a
    args = {
        "product-edit": [product.pk],
        "photo-upload": [product.pk],
        "photo-action": [product.pk, 1],
        "officer-review": [product.pk],
        "officer-translation-edit": [product.pk],
        "order-detail": [1],
        "experience-edit": [1],
        "experience-schedule-add": [1],
        "experience-schedule": [1, 1],
        "experience-closed-day-add": [1],
        "experience-closed-day-delete": [1, 1],
        "experience-slot": [1],
    }.get(name, [])
    response = client.get(reverse(f"seller:{name}", args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("customer:login"))


def test_account_without_producer_is_refused(client, reference):
    from .factories import make_user

    client.force_login(make_user("khach@example.vn"))
    response = client.get(reverse("seller:products"))
    assert response.status_code == 403
    assert "chưa thuộc chủ thể OCOP nào" in response.content.decode()


class TestCraftedPosts:
    """Fields a producer may not set are not in its forms; sending them does nothing."""

    FORBIDDEN = {
        "is_public": "on",
        "stars": "5",
        "ocop_stars": "5",
        "certificate": "1",
        "status": "approved",
        "listing-status": "approved",
        "partner": "",
        "stockrecord": "",
    }

    def valid(self, **changes):
        data = {
            "title": "Bánh tráng sữa",
            "description": "Bánh tráng làm tay",
            "price": "45000",
            "num_in_stock": "20",
            "on_sale": "on",
        }
        data.update(changes)
        return data

    def test_editing_own_product_cannot_set_stars_certificate_or_approval(
        self, client, producer_a, producer_b
    ):
        user_a, partner_a, product_a = producer_a
        _user_b, partner_b, product_b = producer_b
        Listing.objects.create(product=product_a, status="pending")
        product_a.is_public = False
        product_a.save()
        client.force_login(user_a)

        crafted = self.valid(**{**self.FORBIDDEN, "partner": str(partner_b.pk)})
        response = client.post(reverse("seller:product-edit", args=[product_a.pk]), crafted)

        assert response.status_code == 302
        product_a.refresh_from_db()
        assert product_a.is_public is False
        assert Listing.objects.get(product=product_a).status == "pending"
        assert OcopCertificate.objects.count() == 0
        assert product_a.stockrecords.get().partner == partner_a

    def test_new_product_cannot_be_published_or_rated_by_its_producer(self, client, producer_a):
        user_a, partner_a, _product = producer_a
        from catalogue.models import Category

        client.force_login(user_a)
        data = self.valid(title="Mứt mãng cầu", category=Category.objects.get(code="1").pk)
        data.update(self.FORBIDDEN)
        response = client.post(reverse("seller:product-add"), data)

        assert response.status_code == 302
        listing = Listing.objects.get(product__title="Mứt mãng cầu")
        assert listing.status == "pending"
        assert listing.product.is_public is False
        assert OcopCertificate.objects.count() == 0
        assert listing.product.stockrecords.get().partner == partner_a

    def test_cannot_change_another_producers_price_or_stock(self, client, producer_a, producer_b):
        user_a, partner_a, product_a = producer_a
        _user_b, partner_b, product_b = producer_b
        before = snapshot(partner_b, product_b)
        client.force_login(user_a)

        response = client.post(
            reverse("seller:product-edit", args=[product_b.pk]),
            self.valid(price="1000", num_in_stock="0"),
        )
        assert response.status_code == 404
        # And naming the other producer's stock record on one's own product does nothing to it.
        sr_b = product_b.stockrecords.get()
        client.post(
            reverse("seller:product-edit", args=[product_a.pk]),
            self.valid(stockrecord=str(sr_b.pk), price="46000"),
        )
        assert snapshot(partner_b, product_b) == before
        assert product_a.stockrecords.get().price == 46000
