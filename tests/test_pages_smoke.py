"""Every public page of the demo answers in both languages with one <h1>; unknown URLs 404.

The demo data is loaded once for the module, inside a transaction rolled back at the
end, so the pages are read as a newcomer's fresh `make run` shows them.
"""

import re

import pytest
from django.utils import translation
from oscar.core.loading import get_model

from cms.programme import ensure_programme_page
from conftest import demo_for_module

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")

H1 = re.compile(r"<h1[\s>]")
LANGUAGE_PREFIXES = {"vi": "", "en": "/en"}
NOT_FOUND_PHRASE = {"vi": "Không tìm thấy trang này", "en": "We can’t find that page"}


def _demo_paths():
    from villages.models import VillageIndexPage, VillagePage

    with translation.override("vi"):
        product = Product.objects.browsable().order_by("pk").first()
        group = Category.objects.browsable().filter(depth=1).order_by("path").first()
        paths = {
            "home": "/",
            "product": product.get_absolute_url(),
            "category": group.get_absolute_url(),
            "villages": VillageIndexPage.objects.live().get(locale__language_code="vi").url,
            "programme": ensure_programme_page().url,
            "basket": "/cua-hang/basket/",
            "login": "/cua-hang/accounts/login/",
        }
        for village in VillagePage.objects.live().filter(locale__language_code="vi"):
            paths[f"village {village.slug}"] = village.url
    return paths


@pytest.fixture(scope="module")
def demo_paths(django_db_setup, django_db_blocker):
    """{name: path without language prefix} of the pages the demo publishes."""
    with demo_for_module(django_db_blocker):
        yield _demo_paths()


def test_demo_publishes_the_pages_this_module_checks(demo_paths):
    names = set(demo_paths)
    villages = {name for name in names if name.startswith("village ")}

    assert {"home", "product", "category", "villages", "programme", "basket", "login"} < names
    assert len(villages) >= 5


def check_page(client, url, language):
    """What is wrong with a page, or "" when it answers 200 in its language with one <h1>.

    A Vietnamese page's path under /en/ redirects to its English translation: followed."""
    response = client.get(url, follow=True)
    if response.status_code != 200:
        return f"{url}: {response.status_code}"
    html = response.content.decode()
    if len(H1.findall(html)) != 1:
        return f"{url}: {len(H1.findall(html))} <h1>"
    if f'<html lang="{language}"' not in html:
        return f"{url}: not in {language}"
    return ""


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    "name", ["home", "product", "category", "villages", "programme", "basket", "login"]
)
def test_demo_page_answers_with_one_h1(client, demo_paths, name, language):
    assert check_page(client, LANGUAGE_PREFIXES[language] + demo_paths[name], language) == ""


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_village_page_answers_with_one_h1(client, demo_paths, language):
    villages = [path for name, path in demo_paths.items() if name.startswith("village ")]

    problems = [
        check_page(client, LANGUAGE_PREFIXES[language] + path, language) for path in villages
    ]

    assert [problem for problem in problems if problem] == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    "path", ["/khong-co-trang-nay/", "/lang-du-lich/khong-co-lang-nay/", "/cua-hang/khong-co/"]
)
def test_unknown_urls_answer_404_with_the_friendly_page(client, demo_paths, language, path):
    response = client.get(LANGUAGE_PREFIXES[language] + path)

    html = response.content.decode()
    assert response.status_code == 404
    assert NOT_FOUND_PHRASE[language] in html
    assert len(H1.findall(html)) == 1
