"""Product photos: WebP renditions made once when a photo is saved, printed with srcset,
sizes, width and height; the page's first card eager, the others lazy; an original shown
until its renditions exist; rendering a page makes no file."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from oscar.core.loading import get_model
from PIL import Image

from catalogue.product_images import WIDTHS, rendition_name
from seller.tests.factories import image_upload

from .factories import small_catalogue

pytestmark = pytest.mark.django_db

ProductImage = get_model("catalogue", "ProductImage")
INDEX = "/cua-hang/catalogue/"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.RENDITIONS_ON_SAVE = True
    return tmp_path


@pytest.fixture
def shop(no_page_cache):
    return small_catalogue()


@pytest.fixture
def photograph(django_capture_on_commit_callbacks):
    """Save a photo of a product as the dashboard would, and run what its commit queues."""

    def save(product, size=(800, 800), order=0):
        with django_capture_on_commit_callbacks(execute=True):
            image = ProductImage.objects.create(
                product=product, original=image_upload(size=size), display_order=order
            )
        image.refresh_from_db()
        return image

    return save


def files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def made_at(folder):
    """{file: modification time}: a file made again shows a new time."""
    return {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def card_images(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [media.img for media in soup.select("article.product-card .product-card__media")]


def test_saving_a_photo_makes_its_webp_renditions_once(media, shop, photograph):
    image = photograph(shop["products"][1])

    assert image.renditions == {"name": image.original.name, "widths": list(WIDTHS)}
    for width in WIDTHS:
        with Image.open(media / rendition_name(image.original.name, width)) as made:
            assert (made.format, made.size) == ("WEBP", (width, width))


def test_a_small_photo_gets_only_the_widths_it_can_fill(media, shop, photograph):
    image = photograph(shop["products"][1], size=(400, 300))

    assert image.renditions["widths"] == [200, 280]


def test_saving_a_photo_again_queues_nothing(
    media, shop, photograph, django_capture_on_commit_callbacks
):
    image = photograph(shop["products"][1])
    before = made_at(media)

    with django_capture_on_commit_callbacks(execute=True):
        image.display_order = 3
        image.save()

    assert made_at(media) == before


def test_cards_print_renditions_first_eager_the_others_lazy(client, media, shop, photograph):
    for number in (1, 6, 2):  # the first three of the listing's order
        photograph(shop["products"][number])
    before = files(media)

    response = client.get(INDEX)

    images = card_images(response)
    assert len(images) == 8
    first, second = images[0], images[1]
    assert first["fetchpriority"] == "high" and not first.has_attr("loading")
    assert [img.get("loading") for img in images[1:]] == ["lazy"] * 7
    name = shop["products"][6].images.get().original.name
    assert second["srcset"] == ", ".join(f"/media/{rendition_name(name, w)} {w}w" for w in WIDTHS)
    assert second["src"] == f"/media/{rendition_name(name, 800)}"
    assert second["sizes"] == "(min-width: 1200px) 270px, (min-width: 768px) 33vw, 50vw"
    assert (second["width"], second["height"]) == ("800", "800")
    # Rendering read the recorded renditions: it made no file (but the link Oscar puts
    # once in the media folder to its placeholder, for the cards without photos).
    assert [name for name in files(media) if name != "image_not_found.jpg"] == before


def test_a_photo_without_renditions_shows_its_original_and_no_photo_a_placeholder(
    client, media, settings, shop, photograph
):
    settings.RENDITIONS_ON_SAVE = False  # as when its task has not run yet
    image = photograph(shop["products"][1])

    response = client.get(INDEX)

    assert response.status_code == 200
    images = card_images(response)
    assert images[0]["src"] == image.original.url
    assert not images[0].has_attr("srcset")
    # Product 6 has no photo: Oscar's placeholder, sized like the others.
    assert images[1]["src"].endswith("image_not_found.jpg")
    assert (images[1]["width"], images[1]["height"]) == ("800", "800")


def test_product_page_gallery_first_photo_eager_with_its_place_in_alt(
    client, media, shop, photograph
):
    product = shop["products"][1]
    photograph(product, order=0)
    photograph(product, order=1)

    response = client.get(product.get_absolute_url())

    soup = BeautifulSoup(response.content, "html.parser")
    images = soup.select(".product-gallery__item img")
    assert [img["alt"] for img in images] == [
        "Bánh tráng Thuận Hưng (1/2)",
        "Bánh tráng Thuận Hưng (2/2)",
    ]
    assert images[0]["fetchpriority"] == "high" and images[1]["loading"] == "lazy"
    assert images[0]["srcset"].count(".webp ") == len(WIDTHS)
    assert images[0]["sizes"] == "(min-width: 1200px) 555px, (min-width: 768px) 50vw, 100vw"


def test_the_command_makes_the_renditions_of_photos_stored_before(
    media, settings, shop, photograph
):
    settings.RENDITIONS_ON_SAVE = False
    image = photograph(shop["products"][1])
    assert image.renditions == {}

    call_command("make_product_renditions", stdout=StringIO())

    image.refresh_from_db()
    assert image.renditions == {"name": image.original.name, "widths": list(WIDTHS)}


def test_a_card_drawn_before_its_renditions_shows_them_once_they_are_made(
    client, media, shop, settings, django_capture_on_commit_callbacks
):
    from catalogue.product_images import make_product_renditions

    product = shop["products"][1]  # the listing's first card
    settings.RENDITIONS_ON_SAVE = False  # the worker has not run yet
    image = ProductImage.objects.create(product=product, original=image_upload(size=(800, 800)))
    before = card_images(client.get(INDEX))[0]
    assert before["src"] == f"/media/{image.original.name}" and not before.get("srcset")

    # The worker's task records the widths with update(), which sends no signal: the
    # product's cached card and pages must still be drawn again.
    with django_capture_on_commit_callbacks(execute=True):
        make_product_renditions.call(image.pk)

    after = card_images(client.get(INDEX))[0]
    assert after["src"] == f"/media/{rendition_name(image.original.name, 800)}"
    assert after["srcset"]
