"""English for products: shown on /en/ where it is written; where it is not, the
Vietnamese is shown marked lang="vi" with a short note, never an empty box; Vietnamese
pages never change."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from catalogue.translation import shown_description, shown_title, untranslated_condition

from .factories import NINH_KIEU, groups, offer, producer

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")

NOTE_TITLE = "(not yet translated)"
NOTE_DESCRIPTION = "Not yet translated into English; shown in Vietnamese."


@pytest.fixture
def shop():
    g = groups()
    maker = producer("HTX Thuận Hưng", "htx", NINH_KIEU)
    plain = offer(
        "Bánh tráng phơi sương", g["1.3"], maker, 45_000, 4, description="<p>Bánh dẻo.</p>"
    )
    english = offer(
        "Mật ong hoa tràm", g["1.2"], maker, 120_000, 4, description="<p>Mật ong rừng.</p>"
    )
    english.title_en = "Cajeput-flower honey"
    english.description_en = "<p>Forest honey.</p>"
    english.save()
    return {"plain": plain, "english": english}


def url_in(lang, name, *args, **kwargs):
    with translation.override(lang):
        return reverse(name, args=args, kwargs=kwargs)


def product_url(lang, product):
    with translation.override(lang):
        return product.get_absolute_url()


def h1(html):
    return re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()


def test_the_active_language_decides_and_vietnamese_stands_in_marked(shop):
    plain, english = shop["plain"], shop["english"]
    assert shown_title(english, "en").text == "Cajeput-flower honey"
    assert shown_title(english, "vi").text == "Mật ong hoa tràm"
    fallback = shown_title(plain, "en")
    assert (fallback.text, fallback.lang, fallback.untranslated) == (
        "Bánh tráng phơi sương",
        "vi",
        True,
    )
    assert shown_description(plain, "vi").untranslated is False
    with translation.override("en"):
        assert english.display_title == "Cajeput-flower honey"
        assert plain.display_description == "<p>Bánh dẻo.</p>"


def test_untranslated_product_page_on_en_is_marked_vietnamese_with_a_note(client, shop):
    html = client.get(product_url("en", shop["plain"])).content.decode()

    assert h1(html) == (
        '<span lang="vi">Bánh tráng phơi sương</span>'
        f'<small class="translation-note" data-untranslated> {NOTE_TITLE}</small>'
    )
    assert (
        '<div lang="vi"><p>Bánh dẻo.</p></div>'
        f'<p class="translation-note" data-untranslated>{NOTE_DESCRIPTION}</p>'
    ) in html


def test_translated_product_page_on_en_shows_the_english(client, shop):
    html = client.get(product_url("en", shop["english"])).content.decode()

    assert h1(html) == "Cajeput-flower honey"
    assert "<p>Forest honey.</p>" in html
    assert "data-untranslated" not in html
    assert "Mật ong rừng" not in html
    assert '<meta property="og:title" content="Cajeput-flower honey' in html
    assert '"name": "Cajeput-flower honey"' in html or '"name":"Cajeput-flower honey"' in html


@pytest.mark.parametrize("which", ["plain", "english"])
def test_vietnamese_pages_are_unchanged(client, shop, which):
    product = shop[which]
    html = client.get(product_url("vi", product)).content.decode()

    assert h1(html) == product.title
    assert product.description in html
    assert 'lang="vi"><' not in html.split("<body", 1)[1]
    assert "data-untranslated" not in html
    assert "Forest honey" not in html


def test_cards_and_suggestions_follow_the_language(client, shop):
    listing = client.get(url_in("en", "catalogue:index")).content.decode()
    assert '<a href="' in listing
    assert ">Cajeput-flower honey</a></h3>" in listing
    assert (
        '<span lang="vi">Bánh tráng phơi sương</span>'
        f'<small class="translation-note" data-untranslated> {NOTE_TITLE}</small></a></h3>'
    ) in listing
    vietnamese = client.get(url_in("vi", "catalogue:index")).content.decode()
    assert ">Mật ong hoa tràm</a></h3>" in vietnamese
    assert "data-untranslated" not in vietnamese

    def suggested(lang, q):
        response = client.get(url_in(lang, "search:suggest"), {"q": q})
        return [r["title"] for r in json.loads(response.content)["results"]]

    assert suggested("en", "honey") == ["Cajeput-flower honey"]
    assert suggested("vi", "honey") == ["Mật ong hoa tràm"]
    assert suggested("en", "phoi suong") == ["Bánh tráng phơi sương"]


def test_basket_line_shows_the_english_title(client, shop):
    english = shop["english"]
    client.post(url_in("en", "basket:add", pk=english.pk), {"quantity": 1})

    html = client.get(url_in("en", "basket:summary")).content.decode()
    assert ">Cajeput-flower honey</a></h3>" in html
    html = client.get(url_in("vi", "basket:summary")).content.decode()
    assert ">Mật ong hoa tràm</a></h3>" in html


def test_needs_translation_condition(shop):
    plain, english = shop["plain"], shop["english"]
    untranslated = set(
        Product.objects.filter(untranslated_condition()).values_list("pk", flat=True)
    )
    assert untranslated == {plain.pk}

    # A title alone is not enough while the Vietnamese description waits for its English.
    Product.objects.filter(pk=english.pk).update(description_en="")
    plain.title_en = "Dew-dried rice paper"
    plain.description_en = "<p>Soft.</p>"
    plain.save()
    untranslated = set(
        Product.objects.filter(untranslated_condition()).values_list("pk", flat=True)
    )
    assert untranslated == {english.pk}


def test_english_words_are_in_the_folded_search_text(shop):
    english = Product.objects.get(pk=shop["english"].pk)
    assert english.search_text.startswith(" mat ong hoa tram cajeput flower honey ")
    assert " forest honey " in english.search_text
    assert english.search_title == "mat ong hoa tram cajeput flower honey"
