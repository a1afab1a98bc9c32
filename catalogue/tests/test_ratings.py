"""The current rating kept on the product (catalogue.ratings): every certificate change
refreshes it, the midnight task moves it across the day boundary, and until the task
has run the rules still read the certificates."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue import browse, ratings, tasks
from catalogue.availability import is_for_sale
from catalogue.certification import OcopCertificate
from catalogue.roles import OFFICERS

from .factories import certify, groups, offer, producer, small_catalogue
from .test_certification import _user

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
CAN_THO = ZoneInfo("Asia/Ho_Chi_Minh")
# A certificate decided on 15/03/2024 stops counting on 15/03/2027 (its expires_on).
ISSUED = dt.date(2024, 3, 15)
EXPIRES = dt.date(2027, 3, 15)


def at(day, hour=0, minute=1):
    return time_machine.travel(dt.datetime.combine(day, dt.time(hour, minute), CAN_THO), tick=False)


def stored(product):
    product = Product.objects.get(pk=product.pk)
    return (
        product.rating_stars,
        product.rating_blocks_sale,
        product.rating_lapsed,
        product.rating_changes_on,
    )


def listed_with_stars(stars):
    state = browse.BrowseState(stars=(str(stars),))
    catalogue = browse.Catalogue()
    products = browse.filtered(state, catalogue, on=browse.today())
    return list(products.values_list("title", flat=True))


@pytest.fixture
def shop():
    return groups(), producer("HTX Mỹ Khánh")


def test_a_certificate_expiring_on_day_d_before_and_after_the_midnight_task(shop):
    # Given a 4★ certificate that stops counting on 15/03/2027, recorded the day before
    g, partner = shop
    with at(EXPIRES - dt.timedelta(days=1), 9):
        product = offer("Bánh tráng", g["1.3"], partner, 45_000)
        certify(product, 4, issued=ISSUED)
        # then the product stores 4★ for sale, due for a refresh on the 15th
        assert stored(product) == (4, False, False, EXPIRES)
        assert listed_with_stars(4) == ["Bánh tráng"]
        assert ratings.is_stored_day(None) is True

    # When the 15th begins and the task has not run yet
    with at(EXPIRES):
        # then the column still holds 4★, but nothing reads it: the certificates decide
        assert stored(product) == (4, False, False, EXPIRES)
        assert ratings.is_stored_day(None) is False
        assert listed_with_stars(4) == []
        assert is_for_sale(Product.objects.get(pk=product.pk)) is False
        assert Product.objects.with_rating().get(pk=product.pk).ocop_stars is None

        # When the midnight task runs
        assert tasks.refresh_ratings.call() == 1

        # then the product stores no stars, not for sale, lapsed, nothing due any more
        assert stored(product) == (None, True, True, None)
        assert ratings.is_stored_day(None) is True
        assert listed_with_stars(4) == []
        assert is_for_sale(Product.objects.get(pk=product.pk)) is False
        assert list(Product.objects.promotable()) == []

    # and the next day reads the same from the columns
    with at(EXPIRES + dt.timedelta(days=1)):
        assert ratings.is_stored_day(None) is True
        assert Product.objects.with_rating().get(pk=product.pk).ocop_stars is None


def test_a_certificate_starting_tomorrow_counts_from_tomorrow(shop):
    g, partner = shop
    today = timezone.localdate()
    tomorrow = today + dt.timedelta(days=1)
    product = offer("Mật ong", g["1.3"], partner, 90_000)
    certify(product, 5, issued=tomorrow)
    assert stored(product) == (None, False, False, tomorrow)
    assert listed_with_stars(5) == []

    with at(tomorrow):
        # before the task, the certificates already give the stars
        assert listed_with_stars(5) == ["Mật ong"]
        assert ratings.refresh_due() == 1
        assert stored(product)[:3] == (5, False, False)
        assert ratings.is_stored_day(None) is True
        assert listed_with_stars(5) == ["Mật ong"]


def test_the_task_is_idempotent_and_touches_only_products_due(shop):
    g, partner = shop
    with at(EXPIRES - dt.timedelta(days=1), 9):
        due = offer("Bánh pía", g["1.3"], partner, 60_000)
        certify(due, 3, issued=ISSUED)
        steady = offer("Khô cá", g["1.3"], partner, 80_000)
        certify(steady, 5, issued=dt.date(2026, 1, 10))
    with at(EXPIRES):
        before_steady = stored(steady)
        assert ratings.refresh_due() == 1
        after_first = (stored(due), stored(steady))
        assert ratings.refresh_due() == 0
        assert (stored(due), stored(steady)) == after_first
        assert stored(steady) == before_steady == (5, False, False, dt.date(2029, 1, 10))


def test_the_task_is_scheduled_at_midnight(settings):
    assert settings.OCOP_SCHEDULE["catalogue.tasks.refresh_ratings"] == "0 0 * * *"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"


def test_every_certificate_change_refreshes_the_product(shop):
    g, partner = shop
    today = timezone.localdate()
    product = offer("Nem", g["1.3"], partner, 50_000)
    other = offer("Chả", g["1.3"], partner, 50_000)
    assert stored(product)[0] is None

    # save (factories, forms, loaders)
    first = certify(product, 3)
    assert stored(product)[0] == 3
    second = certify(product, 4)
    assert stored(product)[0] == 4

    # queryset update
    OcopCertificate.objects.filter(pk=second.pk).update(
        revoked_on=today, revocation_reason="Vi phạm"
    )
    assert stored(product)[0] == 3

    # a certificate moved to another product refreshes both
    moved = OcopCertificate.objects.get(pk=first.pk)
    moved.product = other
    moved.save()
    assert (stored(product)[:3], stored(other)[0]) == ((None, True, True), 3)

    # model delete, queryset delete
    OcopCertificate.objects.get(pk=second.pk).delete()
    assert stored(product)[:3] == (None, False, False)
    OcopCertificate.objects.filter(product=other).delete()
    assert stored(other)[:3] == (None, False, False)


def test_the_officers_pages_refresh_the_product(client):
    from oscar.test.factories import create_product

    product = create_product()
    cert = certify(create_product(), 4)  # another product: a control
    _user(client, OFFICERS, "officer@example.vn")
    add = {
        "product": product.pk,
        "score": "92",
        "stars": "5",
        "level": "central",
        "issuing_body": "Bộ Nông nghiệp và Môi trường",
        "decision_number": "MẪU-77/QĐ-BNNMT",
        "decision_date": (timezone.localdate() - dt.timedelta(days=10)).isoformat(),
    }
    assert client.post("/cms/ocop_certificates/new/", add).status_code == 302
    assert stored(product)[0] == 5
    recorded = OcopCertificate.objects.get(product=product)
    revoke = {"revoked_on": timezone.localdate().isoformat(), "revocation_reason": "Vi phạm"}
    response = client.post(f"/cms/ocop_certificates/edit/{recorded.pk}/", revoke)
    assert response.status_code == 302
    assert stored(product)[:3] == (None, True, True)
    assert stored(cert.product)[0] == 4


def _facets_and_pages():
    catalogue = browse.Catalogue()
    on = browse.today()
    results = []
    for stars in ((), ("5",), ("4", "3"), ("certified",)):
        state = browse.BrowseState(stars=stars)
        results.append(browse.facet_counts(state, catalogue, on))
        results.append(list(browse.sorted_ids(browse.filtered(state, catalogue, on=on), state)))
    results.append(sorted(Product.objects.for_sale().values_list("pk", flat=True)))
    results.append(sorted(Product.objects.promotable().values_list("pk", flat=True)))
    return results


def test_the_columns_answer_as_the_certificates_do(monkeypatch):
    # Given a catalogue with every kind of certificate (valid, expired, revoked, allowed)
    small_catalogue()
    assert ratings.is_stored_day(None) is True
    from_columns = _facets_and_pages()
    # When the same questions are asked of the certificates
    monkeypatch.setattr(ratings, "is_stored_day", lambda on: False)
    for module in ("catalogue.browse", "catalogue.availability"):
        monkeypatch.setattr(f"{module}.is_stored_day", lambda on: False)
    # then the answers are the same
    assert _facets_and_pages() == from_columns


def test_the_synthetic_catalogue_stores_the_ratings():
    # Given a synthetic catalogue (bulk_create saves no certificate one by one)
    call_command("load_reference_data", verbosity=0)
    call_command("make_synthetic_catalogue", products=60, verbosity=0)
    products = Product.objects.filter(upc__startswith="SYN")
    # then each product stores the highest stars of its certificates in force
    expected = {pk: None for pk in products.values_list("pk", flat=True)}
    for certificate in OcopCertificate.objects.certified():
        expected[certificate.product_id] = max(
            expected[certificate.product_id] or 0, certificate.stars
        )
    assert dict(products.values_list("pk", "rating_stars")) == expected
    assert any(expected.values())


def test_saving_a_product_loaded_before_a_certificate_keeps_the_stored_rating(shop):
    # Given a product loaded before its certificate was recorded
    g, partner = shop
    product = offer("Bánh tét", g["1.3"], partner, 70_000)
    loaded = Product.objects.get(pk=product.pk)
    certify(product, 4)
    # When that old copy is edited and saved
    loaded.title = "Bánh tét lá cẩm"
    loaded.save()
    # then the title changes and the rating the certificate gave stays
    assert Product.objects.get(pk=product.pk).title == "Bánh tét lá cẩm"
    assert stored(product)[0] == 4
