"""Search: Vietnamese found with or without diacritics, in any casing, best matches
first; the folded text follows the product, its producer and its groups; odd queries
answer normally."""

import json

import pytest
from oscar.core.loading import get_model

from catalogue import search

from .factories import NINH_KIEU, groups, offer, producer, small_catalogue

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
SEARCH = "/cua-hang/search/"


@pytest.fixture
def shop():
    return small_catalogue()


def found(client, q, **params):
    response = client.get(SEARCH, {"q": q, **params})
    assert response.status_code == 200
    return [p.title for p in response.context["products"]]


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Bánh tráng Thuận Hưng", "banh trang thuan hung"),
        ("Chợ nổi Cái Răng", "cho noi cai rang"),
        ("ĐẶC SẢN Đồng Tháp", "dac san dong thap"),
        ("Rượu nếp", "ruou nep"),
        ("", ""),
    ],
)
def test_fold_lowers_strips_marks_and_reads_d_bar_as_d(text, folded):
    assert search.fold(text) == folded


def test_tokens_drop_punctuation_quotes_and_emoji_and_are_capped():
    assert search.tokens("  'Bánh' \"tráng\" 🥥 100% ; DROP--  ") == [
        "banh",
        "trang",
        "100",
        "drop",
    ]
    assert search.tokens("a " * 500) == ["a"]
    assert len(search.tokens(" ".join(f"w{i}" for i in range(30)))) == search.MAX_TOKENS


@pytest.mark.parametrize(
    "q",
    ["banh trang thuan hung", "Bánh tráng Thuận Hưng", "BANH TRANG THUAN HUNG", "bánh Trang thuan"],
)
def test_typed_with_or_without_diacritics_finds_the_same_product(client, shop, q):
    assert found(client, q) == ["Bánh tráng Thuận Hưng"]


def test_cho_noi_finds_the_floating_market(client, shop):
    assert found(client, "cho noi") == ["Tour chợ nổi Cái Răng"]


def test_d_bar_is_typed_as_d(client, shop):
    assert found(client, "ruou nep phong dien") == ["Rượu nếp Phong Điền"]


def test_finds_by_producer_group_and_commune(client, shop):
    # HTX Mỹ Khánh makes products 1, 3 and 5.
    assert sorted(found(client, "my khanh")) == [
        "Bánh tráng Thuận Hưng",
        "Khô cá lóc",
        "Rượu nếp Phong Điền",
    ]
    # Group "Đồ uống" (and its English name).
    assert sorted(found(client, "do uong")) == ["Nước mãng cầu", "Rượu nếp Phong Điền"]
    assert sorted(found(client, "beverages")) == ["Nước mãng cầu", "Rượu nếp Phong Điền"]
    # Commune: Cơ sở Út Lan is in Phong Điền, and the wine's title says so too.
    assert sorted(found(client, "xa phong dien")) == ["Gạo thơm ST25", "Tour chợ nổi Cái Răng"]


def test_never_finds_hidden_or_unstocked_products(client, shop):
    assert found(client, "banh trang") == ["Bánh tráng Thuận Hưng"]


def test_exact_title_first_then_title_prefix_then_title_words_then_the_rest(client):
    g = groups()
    a = producer("Cơ sở Ba Nhi", "hkd", NINH_KIEU)
    offer("Quà tặng bánh tráng mè", g["1.3"], a, 50_000, 5)
    offer("Kẹo dừa", g["1.3"], a, 50_000, 5, description="Ăn kèm bánh tráng nướng.")
    offer("Bánh tráng", g["1.3"], a, 50_000, 3)
    offer("Bánh tráng phơi sương", g["1.3"], a, 50_000, 4)

    assert found(client, "banh trang") == [
        "Bánh tráng",
        "Bánh tráng phơi sương",
        "Quà tặng bánh tráng mè",
        "Kẹo dừa",
    ]


def test_search_combines_with_filters_and_counts_within_the_results(client, shop):
    response = client.get(SEARCH, {"q": "banh", "stars": "4"})

    assert [p.title for p in response.context["products"]] == ["Bánh pía Tân Lộc"]
    stars = {o.value: o.count for o in response.context["facet_by_name"]["stars"].options}
    assert stars == {"certified": 2, "5": 1, "4": 1, "3": 0}


def test_search_text_follows_the_producer_the_group_and_the_stock_record(client, shop):
    a = shop["producers"]["A"]
    a.name = "Hợp tác xã Bến Ninh Kiều"
    a.save()
    assert sorted(found(client, "ben ninh kieu")) == [
        "Bánh tráng Thuận Hưng",
        "Khô cá lóc",
        "Rượu nếp Phong Điền",
    ]
    assert found(client, "my khanh") == []

    spices = shop["groups"]["1.4"]
    spices.name = "Gia vị đặc sản"
    spices.save()
    moved = shop["products"][3]
    moved.categories.set([spices])
    assert found(client, "gia vi dac san") == ["Khô cá lóc"]

    record = moved.stockrecords.get()
    record.partner = shop["producers"]["C"]
    record.save()
    assert "Khô cá lóc" not in found(client, "ben ninh kieu")
    assert "Khô cá lóc" in found(client, "ut lan")


def test_renaming_a_product_updates_its_search_text(client, shop):
    product = shop["products"][6]
    product.title = "Nước ép thốt nốt"
    product.save()

    assert found(client, "thot not") == ["Nước ép thốt nốt"]
    assert found(client, "mang cau") == []


ODD = [
    "",
    " ",
    "%",
    "_",
    "%%__",
    "'",
    '"',
    "\\",
    "🥥🌾",
    "' OR 1=1 --",
    "'; DROP TABLE catalogue_product; --",
    "<script>alert(1)</script>",
    "b" * 5000,
    "bánh " * 300,
    "\x00",
    "null",
]


@pytest.mark.parametrize("q", ODD)
def test_odd_queries_answer_normally(client, shop, q):
    response = client.get(SEARCH, {"q": q})

    assert response.status_code == 200
    assert len(response.context["state"].q) <= search.MAX_QUERY_LENGTH
    assert Product.objects.count() == 10
    suggestions = client.get("/cua-hang/search/goi-y/", {"q": q})
    assert suggestions.status_code == 200


def test_an_empty_query_lists_the_catalogue(client, shop):
    response = client.get(SEARCH, {"q": ""})

    assert response.context["paginator"].count == 8


def test_percent_and_underscore_are_matched_literally(client):
    g = groups()
    a = producer("Cơ sở Ba Nhi", "hkd", NINH_KIEU)
    offer("Nước cốt dừa 100% nguyên chất", g["2.2"], a, 40_000)
    offer("Nước cốt dừa", g["2.2"], a, 40_000)

    # "%" is not a word; "100" is, and matches only the first.
    assert found(client, "100%") == ["Nước cốt dừa 100% nguyên chất"]


def test_suggestions_list_up_to_eight_best_titles_with_links(client):
    g = groups()
    a = producer("Cơ sở Ba Nhi", "hkd", NINH_KIEU)
    products = [offer(f"Bánh pía số {i}", g["1.3"], a, 50_000) for i in range(10)]
    exact = offer("Bánh pía", g["1.3"], a, 50_000)

    response = client.get("/cua-hang/search/goi-y/", {"q": "banh pia"})
    data = json.loads(response.content)

    assert response["Content-Type"] == "application/json"
    assert len(data["results"]) == 8
    assert data["results"][0] == {"title": "Bánh pía", "url": exact.get_absolute_url()}
    assert data["results"][1]["url"] == products[0].get_absolute_url()
    assert data["all_url"] == "/cua-hang/search/?q=banh+pia"
