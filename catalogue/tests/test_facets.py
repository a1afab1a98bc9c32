"""The browsing rows (``ProductFacets``): kept in step with every change that moves a
product in or out of a filter, and giving the very counts and orders the joins give."""

import datetime as dt
import random
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import F
from django.http import QueryDict
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import PartnerFactory

from catalogue import browse
from catalogue.facets import key, split

from .factories import (
    CAI_RANG,
    NINH_KIEU,
    PHONG_DIEN,
    ProductCategory,
    ProductRecord,
    StockRecord,
    certify,
    groups,
    offer,
    producer,
)

pytestmark = pytest.mark.django_db

ProductFacets = get_model("catalogue", "ProductFacets")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Product = get_model("catalogue", "Product")
Listing = get_model("seller", "Listing")


def row(product):
    return ProductFacets.objects.get(product=product)


def test_keys_hold_each_value_once_in_order():
    assert key(["b", "a", "b", None, ""]) == "|a|b|"
    assert key([]) == ""
    assert split("|a|b|") == ["a", "b"]
    assert split("") == []


# Each change updates the row


@pytest.fixture
def product():
    g = groups()
    a = producer("HTX Mỹ Khánh", "htx", NINH_KIEU)
    return offer("Bánh tráng Thuận Hưng", g["1.3"], a, 45_000, 4, purchases=3)


def test_a_new_product_gets_its_row(product):
    facets = row(product)

    group = product.categories.get()
    assert (facets.offered, facets.stars, facets.purchases) == (True, 4, 3)
    assert facets.category_paths == f"|{group.path}|"
    assert (facets.communes, facets.kinds) == (f"|{NINH_KIEU}|", "|htx|")
    assert facets.price_bands == "|0-50k|"
    assert facets.price == Decimal("45000")


def test_a_new_price_moves_the_product_to_its_band(product):
    record = product.stockrecords.get()
    record.price = Decimal("250000")
    record.save()

    facets = row(product)
    assert (facets.price_bands, facets.price) == ("|200-500k|", Decimal("250000"))


def test_a_change_of_stock_alone_writes_no_row(product):
    # Checkouts reserve stock: they must not rewrite (and lock) the product's row.
    ProductFacets.objects.filter(product=product).update(price_bands="|untouched|")
    record = product.stockrecords.get()
    record.num_in_stock = 3
    record.save()

    assert row(product).price_bands == "|untouched|"


def test_a_stock_record_moved_to_another_producer_takes_its_commune_and_kind(product):
    record = product.stockrecords.get()
    record.partner = producer("Công ty Tân Lộc", "dn", CAI_RANG)
    record.save()

    facets = row(product)
    assert (facets.communes, facets.kinds) == (f"|{CAI_RANG}|", "|dn|")


def test_a_second_producer_adds_its_values_and_the_lowest_price(product):
    StockRecord.objects.create(
        product=product,
        partner=producer("Cơ sở Út Lan", "hkd", PHONG_DIEN),
        partner_sku="second",
        price_currency="VND",
        price=Decimal("30000"),
        num_in_stock=5,
    )

    facets = row(product)
    assert facets.communes == key([NINH_KIEU, PHONG_DIEN])
    assert (facets.kinds, facets.price_bands, facets.price) == (
        "|hkd|htx|",
        "|0-50k|",
        Decimal("30000"),
    )


def test_a_product_without_stock_records_is_not_offered(product):
    product.stockrecords.get().delete()

    facets = row(product)
    assert (facets.offered, facets.communes, facets.price) == (False, "", None)


def test_the_producers_new_commune_and_kind_reach_its_products(product):
    partner = product.stockrecords.get().partner
    partner.commune_code = PHONG_DIEN
    partner.kind = "tht"
    partner.save()

    facets = row(product)
    assert (facets.communes, facets.kinds) == (f"|{PHONG_DIEN}|", "|tht|")


def test_groups_added_and_removed_are_kept(product):
    g = groups()
    first = product.categories.get()

    product.categories.add(g["2.1"])
    assert row(product).category_paths == key([first.path, g["2.1"].path])

    ProductCategory.objects.filter(product=product, category=first).delete()
    assert row(product).category_paths == f"|{g['2.1'].path}|"

    g["2.1"].product_set.clear()
    assert row(product).category_paths == ""


@pytest.mark.parametrize(
    "change, stars, offered",
    [
        ("certified 5 stars", 5, True),
        ("revoked", None, False),
        ("expired, may sell during renewal", None, True),
    ],
)
def test_certificate_changes_set_the_stars(product, change, stars, offered):
    certificates = OcopCertificate.objects.filter(product=product)
    if change == "certified 5 stars":
        certify(product, 5)
    elif change == "revoked":
        certificates.update(revoked_on=timezone.localdate())
    else:
        long_ago = timezone.localdate() - dt.timedelta(days=365 * 4)
        certificates.update(decision_date=long_ago, sale_during_renewal=True)
        certificates.update(expires_on=long_ago + dt.timedelta(days=365 * 3))

    facets = row(product)
    assert (facets.stars, facets.offered) == (stars, offered)


def test_a_hidden_product_is_not_offered(product):
    product.is_public = False
    product.save()

    assert row(product).offered is False


@pytest.mark.parametrize(
    "status, on_sale, offered",
    [("pending", True, False), ("approved", False, False), ("approved", True, True)],
)
def test_a_listing_decides_whether_a_sellers_product_is_offered(product, status, on_sale, offered):
    listing = Listing.objects.create(product=product, status="pending")
    listing.status, listing.on_sale = status, on_sale
    listing.save()

    assert row(product).offered is offered


def test_purchases_follow_oscars_counter_updated_without_signals(product):
    ProductRecord.objects.filter(product=product).update(num_purchases=F("num_purchases") + 2)

    assert row(product).purchases == 5

    ProductRecord.objects.filter(product=product).delete()
    assert row(product).purchases == 0


def test_rebuild_restores_rows_written_around_the_signals(product):
    ProductFacets.objects.filter(product=product).update(offered=False, stars=None, communes="")

    call_command("rebuild_product_facets", stdout=open("/dev/null", "w"))

    facets = row(product)
    assert (facets.offered, facets.stars, facets.communes) == (True, 4, f"|{NINH_KIEU}|")


# The rows give what the joins give


def varied_catalogue():
    """A synthetic catalogue, with a few products given a second group, a second
    producer, a hidden flag or a withheld listing, so keys hold several values."""
    call_command("make_synthetic_catalogue", products=240, stdout=open("/dev/null", "w"))
    rng = random.Random(14)
    products = list(Product.objects.order_by("pk"))
    g = groups()
    extra = PartnerFactory(name="Cơ sở thứ hai", kind="tht", commune_code=CAI_RANG)
    for product in rng.sample(products, 12):
        product.categories.add(g[rng.choice(["2.1", "3.1", "1.2"])])
    for index, product in enumerate(rng.sample(products, 12)):
        StockRecord.objects.create(
            product=product,
            partner=extra,
            partner_sku=f"extra-{index}",
            price_currency="VND",
            price=Decimal(rng.choice([20_000, 75_000, 600_000])),
            num_in_stock=1,
        )
    for product in rng.sample(products, 5):
        product.is_public = False
        product.save()
    for product in rng.sample(products, 5):
        Listing.objects.create(product=product, status="pending")
    StockRecord.objects.filter(product__in=rng.sample(products, 5)).delete()


def random_states(seed, count):
    """``count`` random browsing states over the catalogue's communes, groups and values."""
    catalogue = browse.Catalogue()
    communes = sorted(
        set(StockRecord.objects.values_list("partner__commune_code", flat=True)) - {""}
    )
    rng = random.Random(seed)
    return [catalogue.parse(random_query(rng, catalogue, communes)) for _ in range(count)]


def random_query(rng, catalogue, communes):
    pairs = []
    if rng.random() < 0.3:
        pairs.append(("q", rng.choice(["banh", "tra", "gao thom", "ca"])))
    for value in rng.sample(browse.STAR_VALUES, rng.choice([0, 0, 1, 2])):
        pairs.append(("stars", value))
    if rng.random() < 0.5:
        pairs.append(("group", rng.choice(list(catalogue.by_key))))
    for value in rng.sample(communes, rng.choice([0, 0, 1, 2])):
        pairs.append(("commune", value))
    for value in rng.sample(["htx", "tht", "dn", "hkd"], rng.choice([0, 0, 1])):
        pairs.append(("kind", value))
    for value in rng.sample(list(browse.PRICE_BANDS_BY_KEY), rng.choice([0, 0, 1, 2])):
        pairs.append(("price", value))
    query = QueryDict(mutable=True)
    for name, value in pairs:
        query.appendlist(name, value)
    return query


def meaningful(counts):
    """Counts without the values no option shows (no commune, no price)."""
    return {
        facet: {k: n for k, n in value.items() if k not in (None, "")}
        if isinstance(value, dict)
        else value
        for facet, value in counts.items()
    }


def test_rows_give_the_counts_and_orders_of_the_joins_for_random_states():
    varied_catalogue()
    catalogue = browse.Catalogue()
    compared = 0
    for state in random_states(148, 40):
        joined = meaningful(browse.joined_facet_counts(state, catalogue))
        rows = meaningful(browse.row_facet_counts(state, catalogue))
        assert rows == joined, state
        for sort in browse.SORTS:
            if sort == browse.RELEVANCE and not state.words:
                continue
            sorted_state = state.with_sort(sort)
            expected = list(
                browse.sorted_ids(browse.filtered(sorted_state, catalogue), sorted_state)
            )
            assert list(browse.row_sorted_ids(sorted_state, catalogue)) == expected, (
                state,
                sort,
            )
        compared += joined["total"] > 0
    # The states were not all empty.
    assert compared >= 20


def test_a_product_hidden_by_a_bulk_update_leaves_the_listings_at_once():
    # No signal is sent: the database itself takes the row out of the listings.
    product = offer("Bánh tráng Thuận Hưng", groups()["1.3"], producer("HTX A"), 45_000, 4)
    assert row(product).offered

    Product.objects.filter(pk=product.pk).update(is_public=False)

    assert not row(product).offered
