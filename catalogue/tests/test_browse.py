"""Browsing: filters, facet counts for combined filters, sorting, pages, URLs, bad input."""

from urllib.parse import urlsplit

import pytest
from django.http import QueryDict
from django.urls import reverse

from catalogue import browse

from .factories import CAI_RANG, NINH_KIEU, PHONG_DIEN, small_catalogue

pytestmark = pytest.mark.django_db

INDEX = "/cua-hang/catalogue/"


@pytest.fixture
def shop():
    return small_catalogue()


def titles(response):
    return [p.title for p in response.context["products"]]


def counts(response, facet):
    """{value: count} of a facet, subgroups included."""
    found = {}
    for option in response.context["facet_by_name"][facet].options:
        found[option.value] = option.count
        for child in option.children:
            found[child.value] = child.count
    return found


def category_url(category):
    return browse.Catalogue().category_url(category)


def test_listing_shows_public_offered_products_best_rated_first(client, shop):
    response = client.get(INDEX)

    assert response.status_code == 200
    # Recommended: stars first (5, 4, 3, none), best-selling first among equals.
    assert titles(response) == [
        "Bánh tráng Thuận Hưng",  # 5★, 10 sold
        "Nước mãng cầu",  # 5★, 1 sold
        "Bánh pía Tân Lộc",  # 4★, 50 sold
        "Rượu nếp Phong Điền",  # 4★, 7 sold
        "Tour chợ nổi Cái Răng",  # 4★, 0 sold
        "Khô cá lóc",  # 3★
        "Gạo thơm ST25",  # none, 99 sold
        "Trà thảo mộc",  # none (its certificate expired)
    ]
    assert response.context["paginator"].count == 8


def test_facet_counts_without_filters(client, shop):
    response = client.get(INDEX)

    assert counts(response, "stars") == {"certified": 6, "5": 2, "4": 3, "3": 1}
    assert counts(response, "kind") == {"htx": 3, "tht": 0, "dn": 3, "hkd": 2}
    assert counts(response, "price") == {
        "0-50k": 2,
        "50-100k": 2,
        "100-200k": 2,
        "200-500k": 1,
        "500k-": 1,
    }
    assert counts(response, "commune") == {NINH_KIEU: 3, CAI_RANG: 3, PHONG_DIEN: 2}
    group_counts = counts(response, "group")
    assert {k: group_counts[k] for k in ("1", "2", "3", "4", "5", "6")} == {
        "1": 4,
        "2": 2,
        "3": 1,
        "4": 0,
        "5": 0,
        "6": 1,
    }


def test_facet_counts_follow_the_other_filters_stars_and_commune(client, shop):
    response = client.get(INDEX, {"stars": "5", "commune": NINH_KIEU})

    assert titles(response) == ["Bánh tráng Thuận Hưng"]
    # Stars counted within Ninh Kiều (products 1, 3, 5); communes within 5★ (1, 6).
    assert counts(response, "stars") == {"certified": 3, "5": 1, "4": 1, "3": 1}
    assert counts(response, "commune") == {NINH_KIEU: 1, CAI_RANG: 1}
    assert counts(response, "kind") == {"htx": 1, "tht": 0, "dn": 0, "hkd": 0}
    assert counts(response, "price")["0-50k"] == 1
    assert sum(counts(response, "price").values()) == 1
    group_counts = counts(response, "group")
    assert (group_counts["1"], group_counts["1.3"], group_counts["1.2"], group_counts["2"]) == (
        1,
        1,
        0,
        0,
    )


def test_facet_counts_on_a_group_page_with_a_price_band(client, shop):
    food = shop["groups"]["1"]
    response = client.get(category_url(food), {"price": "100-200k"})

    assert response.status_code == 200
    assert titles(response) == ["Bánh pía Tân Lộc", "Khô cá lóc"]
    assert counts(response, "stars") == {"certified": 2, "5": 0, "4": 1, "3": 1}
    # Prices counted over the whole food group: products 1, 4 / 2, 3.
    assert counts(response, "price") == {
        "0-50k": 2,
        "50-100k": 0,
        "100-200k": 2,
        "200-500k": 0,
        "500k-": 0,
    }
    # Groups counted over the price band alone: products 2 (1.3) and 3 (1.2).
    group_counts = counts(response, "group")
    assert (group_counts["1"], group_counts["1.2"], group_counts["1.3"], group_counts["2"]) == (
        2,
        1,
        1,
        0,
    )
    assert counts(response, "kind") == {"htx": 1, "tht": 0, "dn": 1, "hkd": 0}


def test_a_group_includes_its_subgroups_and_a_subgroup_only_itself(client, shop):
    g = shop["groups"]
    assert sorted(titles(client.get(category_url(g["1"])))) == [
        "Bánh pía Tân Lộc",
        "Bánh tráng Thuận Hưng",
        "Gạo thơm ST25",
        "Khô cá lóc",
    ]
    assert sorted(titles(client.get(category_url(g["1.2"])))) == ["Gạo thơm ST25", "Khô cá lóc"]


def test_several_values_of_one_facet_add_up(client, shop):
    response = client.get(INDEX, {"stars": ["4", "5"], "kind": ["dn", "hkd"]})

    assert titles(response) == ["Nước mãng cầu", "Bánh pía Tân Lộc", "Tour chợ nổi Cái Răng"]


def test_certified_only_leaves_out_uncertified_and_expired(client, shop):
    response = client.get(INDEX, {"stars": "certified"})

    assert response.context["paginator"].count == 6
    assert "Gạo thơm ST25" not in titles(response)
    assert "Trà thảo mộc" not in titles(response)


@pytest.mark.parametrize(
    "sort, expected",
    [
        ("price-asc", ["Gạo thơm ST25", "Bánh tráng Thuận Hưng", "Nước mãng cầu"]),
        ("price-desc", ["Tour chợ nổi Cái Răng", "Rượu nếp Phong Điền", "Khô cá lóc"]),
        ("bestselling", ["Gạo thơm ST25", "Bánh pía Tân Lộc", "Bánh tráng Thuận Hưng"]),
        ("newest", ["Trà thảo mộc", "Tour chợ nổi Cái Răng", "Nước mãng cầu"]),
    ],
)
def test_sort_orders(client, shop, sort, expected):
    response = client.get(INDEX, {"sort": sort})

    assert titles(response)[:3] == expected


def test_pages_split_the_listing_and_keep_the_filters(client, shop, settings):
    settings.OSCAR_PRODUCTS_PER_PAGE = 3

    first = client.get(INDEX, {"stars": "certified"})
    second = client.get(first.context["page_links"]["next"])

    assert titles(first) == ["Bánh tráng Thuận Hưng", "Nước mãng cầu", "Bánh pía Tân Lộc"]
    assert titles(second) == ["Rượu nếp Phong Điền", "Tour chợ nổi Cái Răng", "Khô cá lóc"]
    assert first.context["page_links"]["next"] == f"{INDEX}?stars=certified&page=2"
    assert second.context["page_links"]["next"] is None


def test_a_page_past_the_end_shows_the_last_page_with_a_message(client, shop, settings):
    settings.OSCAR_PRODUCTS_PER_PAGE = 3

    response = client.get(INDEX, {"page": "9"})

    assert response.status_code == 200
    assert response.context["page_obj"].number == 3
    assert titles(response) == ["Gạo thơm ST25", "Trà thảo mộc"]
    assert "Trang 9 không có; đây là trang cuối (trang 3)." in response.content.decode()


def test_a_group_chosen_by_parameter_redirects_to_its_page_keeping_the_filters(client, shop):
    drinks = shop["groups"]["2"]

    response = client.get(INDEX, {"group": "2", "stars": "4"})

    assert response.status_code == 302
    assert response["Location"] == f"{category_url(drinks)}?stars=4"


def test_a_group_page_at_an_old_slug_redirects_to_the_canonical_one(client, shop):
    food = shop["groups"]["1"]

    response = client.get(f"{INDEX}category/cu_{food.pk}/?stars=5")

    assert response.status_code == 301
    assert response["Location"] == f"{category_url(food)}?stars=5"


# The URL is the state


STATES = [
    "",
    "stars=5",
    "stars=4&stars=5&commune=31135&kind=dn&price=50-100k&price=500k-&sort=price-desc&page=2",
    "q=banh+trang&stars=certified&group=1.3&sort=newest",
    "q=cho+noi&page=3",
    "kind=hkd&sort=bestselling",
]


@pytest.mark.parametrize("query", STATES)
def test_state_round_trips_through_its_url(shop, query):
    catalogue = browse.Catalogue()
    state = catalogue.parse(QueryDict(query))

    url = urlsplit(catalogue.url(state))
    again = catalogue.parse(QueryDict(url.query), category=_category_of(catalogue, url.path))

    assert again == state
    assert not state.ignored


def test_every_filter_link_on_a_page_parses_to_the_state_it_promises(client, shop):
    response = client.get(INDEX, {"stars": "4", "price": "100-200k"})
    catalogue = browse.Catalogue()
    state = response.context["state"]

    for facet in response.context["facets"]:
        for option in facet.options:
            url = urlsplit(option.url)
            parsed = catalogue.parse(
                QueryDict(url.query), category=_category_of(catalogue, url.path)
            )
            assert parsed == state.toggle(facet.name, option.value), option.url


def _category_of(catalogue, path):
    for category in catalogue.categories:
        if catalogue.category_url(category) == path:
            return category
    assert path in (reverse("catalogue:index"), reverse("search:search")), path
    return None


# Bad input is a normal page

NASTY = [
    "stars=6",
    "stars=-1",
    "stars=abc&stars=5",
    "stars=" + "5" * 400,
    "group=99",
    "group=1&group=2",
    "group=../../etc",
    "commune=00000",
    "commune=31135'%20OR%201=1--",
    "kind=xyz",
    "price=1-2",
    "price=%00",
    "sort=drop",
    "sort=relevance",
    "page=0",
    "page=-5",
    "page=abc",
    "page=99999999999999999999999999",
    "page=1e9",
    "page=%F0%9F%98%80",
    "stars=5&" + "&".join(f"commune={i}" for i in range(300)),
    "q=%25&stars=5",
    "%ZZ=1",
]


@pytest.mark.parametrize("query", NASTY)
@pytest.mark.parametrize("where", ["index", "group", "search"])
def test_nasty_query_strings_answer_with_a_normal_page(client, shop, query, where):
    path = {
        "index": INDEX,
        "group": category_url(shop["groups"]["1"]),
        "search": "/cua-hang/search/",
    }[where]

    response = client.get(f"{path}?{query}", follow=True)

    assert response.status_code == 200
    assert "products" in response.context


def test_an_ignored_filter_is_said_and_the_rest_applies(client, shop):
    response = client.get(INDEX, {"stars": ["5", "9"], "kind": "nope"})

    assert titles(response) == ["Bánh tráng Thuận Hưng", "Nước mãng cầu"]
    assert response.context["state"].stars == ("5",)
    assert "Một số bộ lọc trong đường dẫn không hợp lệ nên đã được bỏ qua." in (
        response.content.decode()
    )


def test_unknown_group_page_is_a_404(client, shop):
    assert client.get(f"{INDEX}category/khong-co_999999/").status_code == 404


# Star badges


def test_badge_reads_the_listing_annotation_without_a_query(shop, django_assert_num_queries):
    from django.template import Context, Template

    from catalogue.models import Product

    products = list(
        Product.objects.with_rating().filter(
            pk__in=[shop["products"][1].pk, shop["products"][2].pk, shop["products"][4].pk]
        )
    )
    template = Template("{% load ocop_tags %}{% for p in ps %}[{% ocop_badge p %}]{% endfor %}")

    with django_assert_num_queries(0):
        html = template.render(Context({"ps": sorted(products, key=lambda p: p.pk)}))

    badges = [b.strip() for b in html.split("[")[1:]]
    assert "Sản phẩm OCOP quốc gia 5 sao" in badges[0]
    assert "OCOP 4 sao" in badges[1] and "quốc gia" not in badges[1]
    assert badges[2] == "]"  # uncertified: nothing


def test_badges_on_cards_product_page_and_basket_line(client, shop):
    bread = shop["products"][1]

    listing = client.get(INDEX).content.decode()
    page = client.get(bread.get_absolute_url()).content.decode()
    client.post(reverse("basket:add", kwargs={"pk": bread.pk}), {"quantity": 1})
    basket = client.get(reverse("basket:summary")).content.decode()

    assert listing.count('class="ocop-badge ocop-badge--5 ocop-badge--card"') == 2
    assert listing.count('class="ocop-badge ocop-badge--4 ocop-badge--card"') == 3
    assert "Sản phẩm OCOP quốc gia 5 sao" in page
    assert "ocop-badge--5" in basket
    assert "Sản phẩm OCOP quốc gia 5 sao" in basket


def test_product_page_shows_the_certificate_in_force(client, shop):
    bread = shop["products"][1]
    certificate = bread.certificates.get()

    response = client.get(bread.get_absolute_url())
    html = response.content.decode()

    assert response.context["certificate"] == certificate
    assert f"Số {certificate.decision_number} ngày {certificate.decision_date:%d/%m/%Y}" in html
    assert certificate.expires_on.strftime("%d/%m/%Y") in html
    assert "Trung ương" in html
    assert "HTX Mỹ Khánh" in html and "Phường Ninh Kiều" in html


def test_product_page_of_an_expired_certificate_shows_no_stars(client, shop):
    tea = shop["products"][8]

    response = client.get(tea.get_absolute_url())

    assert not response.context["certificate"]  # read lazily: a proxy of None
    assert "ocop-badge" not in response.content.decode()


def group_labels(response):
    """{value: label} of the group facet, subgroups included."""
    found = {}
    for option in response.context["facet_by_name"]["group"].options:
        found[option.value] = option.label
        for child in option.children:
            found[child.value] = child.label
    return found


@pytest.mark.usefixtures("no_page_cache")
def test_a_renamed_or_hidden_group_shows_on_the_next_listing(client, shop):
    """Each process keeps the groups (``pagecache.fragments.kept_index``): a group's
    change reaches the very next listing all the same."""
    from catalogue.models import Category

    subgroup = Category.objects.get(code="1.3")
    key = browse.group_key(subgroup)
    assert group_labels(client.get(INDEX))[key] == subgroup.name

    subgroup.name = "Bánh dân gian Nam Bộ"
    subgroup.save()
    assert group_labels(client.get(INDEX))[key] == "Bánh dân gian Nam Bộ"

    root = Category.objects.get(code="3")
    assert browse.group_key(root) in group_labels(client.get(INDEX))
    root.is_public = False
    root.save()
    assert browse.group_key(root) not in group_labels(client.get(INDEX))
