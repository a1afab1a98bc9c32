"""The one rule of what is for sale (catalogue.availability), and the roads that list
products: listing, search, suggestions, the home page's promotions and page blocks."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from catalogue.availability import is_for_sale
from cms import promotions
from cms.models import HomePinnedProduct
from cms.tests.factories import make_home

from .factories import (
    NINH_KIEU,
    WITHDRAWALS,
    certify,
    groups,
    offer,
    producer,
    withdraw,
)

Product = get_model("catalogue", "Product")
Selector = get_class("partner.strategy", "Selector")
CAN_THO = ZoneInfo("Asia/Ho_Chi_Minh")

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    g = groups()
    return g, producer("HTX Mỹ Khánh", "htx", NINH_KIEU)


def for_sale_titles(on=None):
    return sorted(Product.objects.for_sale(on).values_list("title", flat=True))


@pytest.mark.parametrize("how", WITHDRAWALS)
def test_a_withdrawn_product_is_not_for_sale_anywhere_the_rule_is_read(shop, how):
    # Given a certified product on sale and another one withdrawn in one way
    g, partner = shop
    kept = offer("Bánh pía Tân Lộc", g["1.3"], partner, 120_000, 4)
    gone = offer("Rượu nếp", g["2.1"], partner, 250_000, 4)
    withdraw(gone, how)
    gone.refresh_from_db()

    # Then the queryset, the one-product check and the strategy all refuse it
    assert for_sale_titles() == ["Bánh pía Tân Lộc"]
    assert (is_for_sale(kept), is_for_sale(gone)) == (True, False)
    info = Selector().strategy().fetch_for_product(gone)
    assert info.availability.is_purchase_permitted(1) == (
        False,
        "Sản phẩm này hiện không được bán.",
    )
    assert info.availability.code == "not-for-sale"


def test_certificate_states_decide_sale_and_stars(shop):
    g, partner = shop
    today = timezone.localdate()
    valid = offer("Có chứng nhận", g["1.3"], partner, 50_000, 4)
    never = offer("Chưa đánh giá", g["1.3"], partner, 50_000)
    expired = offer("Hết hạn", g["1.3"], partner, 50_000)
    certify(expired, 4, issued=today - dt.timedelta(days=37 * 31))
    allowed = offer("Hết hạn, cán bộ cho bán", g["1.3"], partner, 50_000)
    certify(allowed, 4, issued=today - dt.timedelta(days=37 * 31), sale_during_renewal=True)
    revoked = offer("Thu hồi", g["1.3"], partner, 50_000)
    certify(revoked, 4, revoked_on=today, revocation_reason="Vi phạm")
    renewed = offer("Thu hồi rồi công nhận lại", g["1.3"], partner, 50_000)
    certify(renewed, 4, issued=today - dt.timedelta(days=500), revoked_on=today - dt.timedelta(1))
    certify(renewed, 3, issued=today - dt.timedelta(days=2))
    # The flag is read on the latest certificate only: a newer revocation overrides it.
    flagged_then_revoked = offer("Cho bán rồi bị thu hồi", g["1.3"], partner, 50_000)
    certify(
        flagged_then_revoked,
        4,
        issued=today - dt.timedelta(days=40 * 31),
        sale_during_renewal=True,
    )
    certify(flagged_then_revoked, 3, issued=today - dt.timedelta(days=30), revoked_on=today)

    assert for_sale_titles() == sorted(
        ["Có chứng nhận", "Chưa đánh giá", "Hết hạn, cán bộ cho bán", "Thu hồi rồi công nhận lại"]
    )
    rated = dict(Product.objects.with_rating().values_list("title", "ocop_stars"))
    assert rated["Hết hạn, cán bộ cho bán"] is None  # sold, but without its stars
    assert rated["Thu hồi rồi công nhận lại"] == 3
    # and what pages may promote leaves out the lapsed one even though it sells
    promotable = sorted(Product.objects.promotable().values_list("title", flat=True))
    assert promotable == sorted(["Có chứng nhận", "Chưa đánh giá", "Thu hồi rồi công nhận lại"])
    assert [is_for_sale(p) for p in (valid, never, expired, allowed, revoked)] == [
        True,
        True,
        False,
        True,
        False,
    ]


def test_the_rule_turns_at_midnight_in_can_tho_without_anything_running(shop):
    # Given a certificate whose last day is 14/03/2027
    g, partner = shop
    product = offer("Bánh tráng", g["1.3"], partner, 45_000)
    certify(product, 4, issued=dt.date(2024, 3, 15))  # expires on 15/03/2027
    last_evening = dt.datetime(2027, 3, 14, 23, 59, tzinfo=CAN_THO)
    next_morning = dt.datetime(2027, 3, 15, 0, 1, tzinfo=CAN_THO)  # still the 14th in UTC

    with time_machine.travel(last_evening, tick=False):
        assert for_sale_titles() == ["Bánh tráng"]
    with time_machine.travel(next_morning, tick=False):
        assert for_sale_titles() == []
        assert is_for_sale(Product.objects.get(pk=product.pk)) is False


@pytest.mark.parametrize("how", WITHDRAWALS)
def test_listing_search_and_suggestions_never_show_a_withdrawn_product(client, shop, how):
    g, partner = shop
    offer("Bánh tráng Thuận Hưng", g["1.3"], partner, 45_000, 5)
    gone = offer(
        "Bánh tráng ẩn", g["1.3"], partner, 45_000, 5 if how == "approval-bypassed" else None
    )
    withdraw(gone, how)

    listing = client.get(reverse("catalogue:index"))
    found = client.get(reverse("search:search"), {"q": "banh trang"})
    suggested = client.get(reverse("search:suggest"), {"q": "banh"})

    shown = ["Bánh tráng Thuận Hưng"]
    assert [p.title for p in listing.context["products"]] == shown
    assert [p.title for p in found.context["products"]] == shown
    assert [r["title"] for r in suggested.json()["results"]] == shown
    assert listing.context["paginator"].count == found.context["paginator"].count == 1


@pytest.mark.parametrize("how", [*WITHDRAWALS, "expired-but-allowed"])
def test_home_page_promotes_neither_withdrawn_nor_lapsed_products(client, shop, how):
    # Given a 5★ product pinned first on the home page, then withdrawn (or, for the last
    # case, expired but let sell by officers), and another 5★ product pinned second
    g, partner = shop
    home = make_home()
    gone = offer("Rượu nếp 5 sao", g["2.1"], partner, 250_000, 5)
    kept = offer("Bánh pía 5 sao", g["1.3"], partner, 120_000, 5)
    for order, product in enumerate([gone, kept]):
        HomePinnedProduct.objects.create(page=home, product=product, sort_order=order)
    if how == "expired-but-allowed":
        gone.certificates.update(decision_date=dt.date(2020, 1, 1), expires_on=dt.date(2023, 1, 1))
        gone.certificates.update(sale_during_renewal=True)
        assert is_for_sale(Product.objects.get(pk=gone.pk))
    else:
        withdraw(gone, how)

    picked = promotions.home_promotions(home)
    page = client.get("/")

    assert [p.title for p in picked.pinned] == ["Bánh pía 5 sao"]
    # Each product is shown once (the pinned one is not repeated) and the gone one nowhere
    assert [p.title for p in picked.national] == []
    assert [p.title for p in picked.newly_certified] == []
    assert "Rượu nếp 5 sao" not in page.content.decode()
    assert "Bánh pía 5 sao" in page.content.decode()
