"""Wagtail images: the renditions templates show are made when an image is saved, and a
page's render only reads them."""

import re
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.core.management import call_command
from django.utils.text import smart_split
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, Filter
from wagtail.images.tests.utils import get_test_image_file

from cms.image_renditions import CARD, SPECS, filter_specs
from villages.models import VillageIndexPage, VillagePage

from .factories import make_home

pytestmark = pytest.mark.django_db

IMAGE_TAG = re.compile(r"{%\s*(?:image|picture|srcset_image)\s+(.*?)%}")


def template_specs():
    """{spec as written: [templates]} of every image tag under templates/."""
    found = {}
    for folder in django_settings.TEMPLATES[0]["DIRS"]:
        for path in Path(folder).rglob("*.html"):
            for inside in IMAGE_TAG.findall(path.read_text()):
                bits = list(smart_split(inside))[1:]
                specs = []
                for bit in bits:
                    if "=" in bit or bit == "as":
                        break
                    specs.append(bit)
                found.setdefault(" ".join(specs), []).append(path.name)
    return found


def test_every_spec_a_template_shows_is_made_on_save():
    assert set(template_specs()) <= set(SPECS)


@pytest.fixture
def saved_image(settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path
    settings.RENDITIONS_ON_SAVE = True
    with django_capture_on_commit_callbacks(execute=True):
        image = get_image_model().objects.create(
            title="Chợ nổi", file=get_test_image_file(size=(1600, 1000))
        )
    return image


def test_saving_an_image_makes_every_rendition(saved_image):
    made = set(saved_image.renditions.values_list("filter_spec", flat=True))

    assert made == {Filter(spec).spec for spec in filter_specs()}
    # AVIF, WebP and JPEG of each size, and the JPEG shared on social networks.
    assert len(made) == 3 * (3 + 2 + 2 + 2 + 2 + 3) + 1


def test_the_home_page_shows_its_pictures_from_made_renditions(
    client, saved_image, no_page_cache, monkeypatch
):
    home = make_home()
    home.hero_image = saved_image
    home.save_revision().publish()
    villages = home.add_child(instance=VillageIndexPage(title="Làng du lịch", slug="lang"))
    village = villages.add_child(
        instance=VillagePage(title="Làng du lịch Mỹ Khánh", slug="my-khanh", image=saved_image)
    )
    village.save_revision().publish()
    made = []

    def make(image, *filters):
        made.extend(f.spec for f in filters)
        return {}

    # Wagtail calls this (with nothing to make) after looking for the renditions.
    monkeypatch.setattr(AbstractImage, "create_renditions", make)
    monkeypatch.setattr(AbstractImage, "create_rendition", make)

    response = client.get("/")

    assert made == []
    soup = BeautifulSoup(response.content, "html.parser")
    picture = soup.select_one(".home-hero picture")
    assert [s["type"] for s in picture.select("source")] == ["image/avif", "image/webp"]
    assert picture.source["srcset"].count("w, ") == 2  # 800, 1200 and 1600 wide
    img = picture.img
    assert img["fetchpriority"] == "high" and not img.has_attr("loading")
    assert (img["width"], img["height"]) == ("800", "320")
    card = soup.select_one(".village-card picture img")
    assert card["loading"] == "lazy" and (card["width"], card["height"]) == ("320", "200")


def test_cards_show_the_card_spec():
    # Their lists prefetch CARD_SPECS: a card asking for another size would make it.
    for template in ("village_card.html", "producer_card.html", "news_index_page.html"):
        assert [spec for spec, where in template_specs().items() if template in where] == [CARD]


def test_the_command_makes_the_renditions_of_images_stored_before(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = get_image_model().objects.create(title="Cũ", file=get_test_image_file())
    assert image.renditions.count() == 0  # RENDITIONS_ON_SAVE is off in tests

    call_command("make_image_renditions", stdout=StringIO())

    assert image.renditions.count() == len(filter_specs())
