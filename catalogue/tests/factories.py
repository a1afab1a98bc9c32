"""Catalogue test data: producers in real Cần Thơ wards, offered products in OCOP groups,
certificates in force (or not) today."""

import datetime as dt
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import PartnerFactory

from catalogue.certification import VALIDITY_MONTHS, OcopCertificate
from catalogue.choices import IssuingLevel
from catalogue.reference import GOODS, load_product_classes, load_product_groups

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")
ProductRecord = get_model("analytics", "ProductRecord")

NINH_KIEU = "31135"
CAI_RANG = "31186"
PHONG_DIEN = "31299"
SCORES = {1: "20", 2: "40", 3: "60", 4: "80", 5: "92"}


def groups():
    """The OCOP groups and product classes from the reference data: {code: category}."""
    load_product_groups()
    load_product_classes()
    return {c.code: c for c in Category.objects.all()}


def producer(name, kind="htx", commune=NINH_KIEU):
    return PartnerFactory(name=name, kind=kind, commune_code=commune)


def certify(product, stars, issued=None, **extra):
    issued = issued or timezone.localdate() - dt.timedelta(days=30)
    return OcopCertificate.objects.create(
        product=product,
        score=Decimal(SCORES[stars]),
        stars=stars,
        level=IssuingLevel.CENTRAL if stars == 5 else IssuingLevel.CITY,
        issuing_body="UBND thành phố Cần Thơ",
        decision_number=f"{100 + OcopCertificate.objects.count()}/QĐ-UBND",
        decision_date=issued,
        **extra,
    )


def offer(
    title,
    group,
    partner,
    price,
    stars=None,
    description="",
    purchases=0,
    is_public=True,
    stocked=True,
):
    """A product in ``group`` (a Category) offered by ``partner`` at ``price`` VND."""
    product = Product.objects.create(
        title=title,
        description=description,
        product_class=ProductClass.objects.get(slug=GOODS["slug"]),
        structure=Product.STANDALONE,
        is_public=is_public,
    )
    ProductCategory.objects.create(product=product, category=group)
    if stocked:
        StockRecord.objects.create(
            product=product,
            partner=partner,
            partner_sku=f"sku-{product.pk}",
            price_currency="VND",
            price=Decimal(price),
            num_in_stock=20,
        )
    if stars:
        certify(product, stars)
    if purchases:
        ProductRecord.objects.create(product=product, num_purchases=purchases)
    return product


def small_catalogue():
    """Ten products whose facets are worked out by hand in test_browse.py.

    Offered and public (the listing shows them):
      1 Bánh tráng Thuận Hưng   1.3  5★  A (htx, Ninh Kiều)   45 000
      2 Bánh pía Tân Lộc        1.3  4★  B (dn, Cái Răng)    120 000
      3 Khô cá lóc              1.2  3★  A                   180 000
      4 Gạo thơm ST25           1.2  –   C (hkd, Phong Điền)  30 000
      5 Rượu nếp Phong Điền     2.1  4★  A                   250 000
      6 Nước mãng cầu           2.2  5★  B                    60 000
      7 Tour chợ nổi Cái Răng   6.1  4★  C                   650 000
      8 Trà thảo mộc            3.1  5★ expired → –  B        95 000
        (officers let it sell while it is re-evaluated: listed, without stars)
    Never listed: 9 not public (5★), 10 without a stock record (5★).
    """
    g = groups()
    a = producer("HTX Mỹ Khánh", "htx", NINH_KIEU)
    b = producer("Công ty Tân Lộc", "dn", CAI_RANG)
    c = producer("Cơ sở Út Lan", "hkd", PHONG_DIEN)
    p = {}
    p[1] = offer("Bánh tráng Thuận Hưng", g["1.3"], a, 45_000, 5, purchases=10)
    p[2] = offer("Bánh pía Tân Lộc", g["1.3"], b, 120_000, 4, purchases=50)
    p[3] = offer("Khô cá lóc", g["1.2"], a, 180_000, 3, purchases=5)
    p[4] = offer("Gạo thơm ST25", g["1.2"], c, 30_000, None, purchases=99)
    p[5] = offer("Rượu nếp Phong Điền", g["2.1"], a, 250_000, 4, purchases=7)
    p[6] = offer("Nước mãng cầu", g["2.2"], b, 60_000, 5, purchases=1)
    p[7] = offer("Tour chợ nổi Cái Răng", g["6.1"], c, 650_000, 4)
    p[8] = offer("Trà thảo mộc", g["3.1"], b, 95_000)
    certify(
        p[8], 5, issued=timezone.localdate() - dt.timedelta(days=365 * 4), sale_during_renewal=True
    )
    p[9] = offer("Bánh tráng ẩn", g["1.3"], a, 45_000, 5, is_public=False)
    p[10] = offer("Bánh tráng chưa bán", g["1.3"], a, 45_000, 5, stocked=False)
    return {"groups": g, "producers": {"A": a, "B": b, "C": c}, "products": p}


# Every way a product stops being for sale (catalogue.availability), for parametrize.
WITHDRAWALS = ["hidden", "not-approved", "approval-bypassed", "paused", "revoked", "expired"]


def withdraw(product, how, on=None):
    """Make ``product`` not for sale in one of the ways of ``WITHDRAWALS``."""
    from seller.models import Listing, ListingStatus

    on = on or timezone.localdate()
    if how == "hidden":
        Product.objects.filter(pk=product.pk).update(is_public=False)
    elif how == "not-approved":
        # As the seller area saves a producer's new product: hidden, waiting for officers.
        Listing.objects.create(product=product, status=ListingStatus.PENDING)
        Product.objects.filter(pk=product.pk).update(is_public=False)
    elif how == "approval-bypassed":
        # is_public switched on behind the listing's back (e.g. Oscar's dashboard form).
        Listing.objects.create(product=product, status=ListingStatus.REJECTED)
    elif how == "paused":
        Listing.objects.create(product=product, status=ListingStatus.APPROVED, on_sale=False)
        Product.objects.filter(pk=product.pk).update(is_public=False)
    elif how == "revoked":
        # Its certificates (one is recorded if it had none) are revoked from today.
        if not product.certificates.exists():
            certify(product, 4, issued=on - dt.timedelta(days=400))
        product.certificates.update(revoked_on=on, revocation_reason="Không duy trì điều kiện")
    elif how == "expired":
        # Its certificates (one is recorded if it had none) ended yesterday at the latest.
        if not product.certificates.exists():
            certify(product, 4)
        issued = on - relativedelta(months=VALIDITY_MONTHS) - dt.timedelta(days=1)
        product.certificates.update(
            decision_date=issued, expires_on=issued + relativedelta(months=VALIDITY_MONTHS)
        )
    else:
        raise ValueError(how)
