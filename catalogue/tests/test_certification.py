"""The OCOP certificate lifecycle and who may change it."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import timezone, translation
from oscar.test.factories import create_product

from catalogue.certification import OcopCertificate, star_label
from catalogue.choices import CertificateStatus, IssuingLevel
from catalogue.models import Product
from catalogue.roles import OFFICERS, PRODUCERS, ensure_groups

pytestmark = pytest.mark.django_db

ISSUED = dt.date(2024, 3, 15)
CAN_THO_TIME = ZoneInfo("Asia/Ho_Chi_Minh")


def certify(product, stars=4, score="80", issued=ISSUED, **extra):
    cert = OcopCertificate(
        product=product,
        score=Decimal(score),
        stars=stars,
        level=IssuingLevel.CITY,
        issuing_body="UBND thành phố Cần Thơ",
        decision_number=f"MẪU-{OcopCertificate.objects.count() + 1}/QĐ-UBND",
        decision_date=issued,
        **extra,
    )
    cert.full_clean()
    cert.save()
    return cert


def stars_of(product):
    return Product.objects.with_rating().get(pk=product.pk).ocop_stars


def test_expiry_defaults_to_36_months_after_the_decision():
    cert = certify(create_product())
    assert cert.expires_on == dt.date(2027, 3, 15)


def test_valid_certificate_expires_on_its_day_without_any_job_then_renewal_restores_stars():
    product = create_product()
    first = certify(product, stars=4, score="80")

    with time_machine.travel(dt.datetime(2027, 3, 14, 23, 0, tzinfo=CAN_THO_TIME), tick=False):
        assert stars_of(product) == 4
        assert first.status() == CertificateStatus.VALID
        assert Product.objects.get(pk=product.pk).ocop_rating == 4

    with time_machine.travel(dt.datetime(2027, 3, 15, 0, 5, tzinfo=CAN_THO_TIME), tick=False):
        assert stars_of(product) is None
        assert first.status() == CertificateStatus.EXPIRED
        assert Product.objects.get(pk=product.pk).ocop_label == ""
        assert not Product.objects.certified().filter(pk=product.pk).exists()

        renewal = certify(product, stars=5, score="91", issued=dt.date(2027, 3, 15), renews=first)
        assert stars_of(product) == 5
        assert Product.objects.get(pk=product.pk).ocop_label == "Sản phẩm OCOP quốc gia 5 sao"

    # History is kept: the renewal is a new record and the old one is untouched.
    first.refresh_from_db()
    assert list(product.certificates.order_by("decision_date")) == [first, renewal]
    assert (first.stars, first.expires_on) == (4, dt.date(2027, 3, 15))


def test_expiry_follows_the_city_time_zone():
    product = create_product()
    certify(product)
    # 2027-03-14 18:00 UTC is already 2027-03-15 01:00 in Cần Thơ: expired there.
    with time_machine.travel(dt.datetime(2027, 3, 14, 18, 0, tzinfo=dt.UTC), tick=False):
        assert stars_of(product) is None


def test_revoked_certificate_stops_counting_at_once():
    product = create_product()
    cert = certify(product)
    today = dt.date.today()
    cert.revoked_on = today
    cert.revocation_reason = "Không đánh giá lại"
    cert.full_clean()
    cert.save()
    assert stars_of(product) is None
    assert cert.status() == CertificateStatus.REVOKED


def test_one_and_two_stars_are_not_certified_ocop_products():
    product = create_product()
    certify(product, stars=2, score="45", issued=dt.date.today())
    assert stars_of(product) is None
    assert product.certificates.in_force().count() == 1


def test_highest_certificate_in_force_gives_the_rating():
    product = create_product()
    certify(product, stars=3, score="60", issued=dt.date.today() - dt.timedelta(days=400))
    certify(product, stars=4, score="75", issued=dt.date.today() - dt.timedelta(days=10))
    assert stars_of(product) == 4


@pytest.mark.parametrize(
    ("score", "stars"), [("69", 4), ("70", 3), ("89.9", 5), ("90", 4), ("49", 3)]
)
def test_stars_must_match_the_score_band(score, stars):
    with pytest.raises(ValidationError) as error:
        certify(create_product(), stars=stars, score=score)
    assert "stars" in error.value.message_dict
    assert OcopCertificate.objects.count() == 0


@pytest.mark.parametrize(
    ("stars", "label"),
    [(3, "OCOP 3 sao"), (4, "OCOP 4 sao"), (5, "Sản phẩm OCOP quốc gia 5 sao")],
)
def test_star_labels_speak_to_newcomers(stars, label):
    assert star_label(stars) == label


def test_a_badge_drawn_once_per_language_speaks_each_pages_language():
    # Badges are drawn once per stars, size and language (ocop_tags): never the other
    # language's, whichever was drawn first.
    badge = Template('{% load ocop_tags %}{% ocop_badge product "card" %}')
    rated = Context({"product": SimpleNamespace(ocop_rating=5)})

    drawn = {}
    for language in ("vi", "en", "vi", "en"):
        with translation.override(language):
            drawn.setdefault(language, set()).add(badge.render(rated))

    assert {language: len(found) for language, found in drawn.items()} == {"vi": 1, "en": 1}
    assert "Sản phẩm OCOP quốc gia 5 sao" in drawn["vi"].pop()
    assert "National 5-star OCOP product" in drawn["en"].pop()
    assert badge.render(Context({"product": SimpleNamespace(ocop_rating=None)})) == ""


# --- Who may change certificates -------------------------------------------------------

ADD_URL = "/cms/ocop_certificates/new/"


def _user(client, group_name, email):
    officers, producers = ensure_groups()
    user = User.objects.create_user(email, email, "pw-123456789", is_staff=False)
    user.groups.add(officers if group_name == OFFICERS else producers)
    if group_name == PRODUCERS:
        # Even a producer who can reach the Wagtail admin must not touch certificates.
        from django.contrib.auth.models import Permission

        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return user


def _form(product):
    return {
        "product": product.pk,
        "score": "92",
        "stars": "5",
        "level": "central",
        "issuing_body": "Bộ Nông nghiệp và Môi trường",
        "decision_number": "MẪU-77/QĐ-BNNMT",
        "decision_date": "2026-01-10",
    }


def test_officer_records_a_certificate(client):
    officer = _user(client, OFFICERS, "officer@example.vn")
    product = create_product()
    response = client.post(ADD_URL, _form(product))
    assert response.status_code == 302
    cert = OcopCertificate.objects.get()
    assert (cert.stars, cert.created_by, cert.expires_on) == (5, officer, dt.date(2029, 1, 10))


def test_producer_cannot_create_certificate_even_with_a_crafted_post(client):
    _user(client, PRODUCERS, "producer@example.vn")
    product = create_product()
    assert client.get(ADD_URL).status_code in (302, 403)
    response = client.post(ADD_URL, _form(product))
    assert response.status_code in (302, 403)
    assert OcopCertificate.objects.count() == 0


def test_producer_cannot_revoke_or_edit_a_certificate(client):
    product = create_product()
    cert = certify(product)
    _user(client, PRODUCERS, "producer@example.vn")
    response = client.post(
        f"/cms/ocop_certificates/edit/{cert.pk}/",
        {"revoked_on": "2025-01-01", "revocation_reason": "x"},
    )
    assert response.status_code in (302, 403)
    cert.refresh_from_db()
    assert cert.revoked_on is None


def test_officer_edit_cannot_rewrite_the_decision_only_revoke(client):
    product = create_product()
    cert = certify(product)
    _user(client, OFFICERS, "officer@example.vn")
    response = client.post(
        f"/cms/ocop_certificates/edit/{cert.pk}/",
        {"stars": "5", "score": "95", "revoked_on": "2025-06-01", "revocation_reason": "Vi phạm"},
    )
    assert response.status_code == 302
    cert.refresh_from_db()
    assert (cert.stars, cert.score, cert.revoked_on) == (4, Decimal("80.0"), dt.date(2025, 6, 1))


def test_renewal_form_keeps_the_old_certificate(client):
    product = create_product()
    old = certify(product)
    _user(client, OFFICERS, "officer@example.vn")
    page = client.get(f"/cms/ocop_certificates/copy/{old.pk}/")
    assert page.status_code == 200
    form = _form(product) | {"renews": old.pk, "stars": "4", "score": "85", "level": "city"}
    assert client.post(f"/cms/ocop_certificates/copy/{old.pk}/", form).status_code == 302
    assert OcopCertificate.objects.count() == 2
    new = OcopCertificate.objects.exclude(pk=old.pk).get()
    assert new.renews == old
    old.refresh_from_db()
    assert old.decision_number.startswith("MẪU-1")


def test_officer_lets_an_expired_certificates_product_sell_and_the_audit_trail_says_so(client):
    # Given a product whose only certificate expired, so it is not for sale
    from audit.models import AuditEntry

    product = create_product(title="Mắm thái", price=Decimal("85000"), num_in_stock=5)
    cert = certify(product, issued=timezone.localdate() - dt.timedelta(days=37 * 31))
    assert not Product.objects.for_sale().filter(pk=product.pk).exists()
    officer = _user(client, OFFICERS, "officer@example.vn")

    # When an officer ticks "on sale while awaiting re-evaluation" in the Wagtail admin
    response = client.post(f"/cms/ocop_certificates/edit/{cert.pk}/", {"sale_during_renewal": "on"})

    # Then the product sells again, still without stars, and the change is on record
    assert response.status_code == 302
    assert list(Product.objects.for_sale().with_rating().values_list("pk", "ocop_stars")) == [
        (product.pk, None)
    ]
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.new_value.endswith("; cho bán khi chờ đánh giá lại")) == (
        officer,
        True,
    )


def test_producer_cannot_let_an_expired_product_sell_even_with_a_crafted_post(client):
    product = create_product()
    cert = certify(product, issued=timezone.localdate() - dt.timedelta(days=37 * 31))
    _user(client, PRODUCERS, "producer@example.vn")

    response = client.post(f"/cms/ocop_certificates/edit/{cert.pk}/", {"sale_during_renewal": "on"})

    assert response.status_code in (302, 403)
    cert.refresh_from_db()
    assert cert.sale_during_renewal is False
    assert not Product.objects.for_sale().filter(pk=product.pk).exists()
