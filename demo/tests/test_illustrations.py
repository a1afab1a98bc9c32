"""The demo's drawn pictures: chosen by what a product is, distinct for every product,
producer and village, and redrawn in place for a database of an earlier demo."""

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings
from oscar.core.loading import get_model
from wagtail.images import get_image_model

from catalogue import reference
from demo import data, images, producer_summaries, stories
from demo.illustrations import draw, motif_for
from demo.loader import PRODUCT_IMAGE_DIR, WAGTAIL_IMAGE_DIR, DemoLoader

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
WagtailImage = get_image_model()


@pytest.mark.parametrize(
    "title, group, motif",
    [
        ("Bánh tráng phơi sương Thuận Hưng Xưa", "1", "rice_paper"),
        ("Mật ong hoa tràm Mật Vàng chai 500 ml", "1", "honey"),
        ("Bưởi da xanh Hòa An Phát", "1", "fruit"),
        ("Bánh pía đậu xanh Ngọc Phát hộp 4 cái", "1", "pastry"),
        ("Trà hoa đậu biếc Sông Hậu Việt hộp 50 g", "1", "tea"),
        ("Cao chùm ngây Phương Nam Xanh lọ 100 g", "3", "herbal"),
        ("Giỏ lục bình đựng đồ Thạnh Phú (bộ 3)", "4", "basket"),
        ("Mai vàng bonsai Bà Bộ Xanh (cây 5 năm)", "5", "plant"),
        ("Đi chợ nổi Cái Răng lúc bình minh", "6", "river"),
        ("Một ngày ở phum sóc Khmer Phú Tâm", "6", "pagoda"),
        ("Sản phẩm chưa biết", "2", "bottle"),  # nothing known in the title: its group's
    ],
)
def test_a_product_is_drawn_as_what_it_is(title, group, motif):
    assert motif_for(title, group)[0] == motif


def test_every_demo_product_gets_a_picture_of_its_own():
    pictures = {
        spec.key: draw(spec.key, spec.title, spec.category.split(".")[0]).svg()
        for spec in data.all_products()
    }

    assert len(set(pictures.values())) == len(pictures)
    assert all(svg.startswith("<svg ") and svg.endswith("</svg>") for svg in pictures.values())


def test_the_same_key_draws_the_same_picture_as_svg_and_raster():
    first = draw("banh-trang-phoi-suong", "Bánh tráng phơi sương", "1")
    again = draw("banh-trang-phoi-suong", "Bánh tráng phơi sương", "1")

    assert first.svg() == again.svg()
    assert first.image((80, 80)).tobytes() == again.image((80, 80)).tobytes()


def digest(picture):
    return hashlib.sha256(picture).hexdigest()


def test_every_producer_and_village_gets_a_picture_of_its_own():
    producers = []
    for spec in data.PRODUCERS:
        main = next(p for p in data.all_products() if p.producer == spec.key)
        producers.append(images.producer_picture(spec.key, main.title, main.category[0]))
    villages = [images.village_scene(v.slug, v.motif) for v in data.VILLAGES]

    assert len({digest(p) for p in producers}) == len(data.PRODUCERS)
    assert len({digest(v) for v in villages}) == len(data.VILLAGES)


def test_every_producer_has_a_written_summary():
    for spec in data.PRODUCERS:
        story = stories.PRODUCER_STORIES.get(spec.key)
        summary = story.summary if story else producer_summaries.SUMMARIES[spec.key]
        assert len(summary) > 60, spec.key
        # not the old generated line "<kind> ở <commune>, TP Cần Thơ."
        assert not summary.endswith("TP Cần Thơ."), spec.key
    assert set(producer_summaries.SUMMARIES) <= {p.key for p in data.PRODUCERS}


@pytest.mark.django_db
def test_an_earlier_demos_pictures_are_redrawn_in_place(tmp_path):
    """Given a database loaded by an earlier demo (a product picture of style 2 and a
    village picture without a style), the next load points both at the new drawings;
    a picture uploaded by someone else is left alone."""
    reference.load_all()
    spec = data.all_products()[0]
    with override_settings(MEDIA_ROOT=tmp_path):
        loader = DemoLoader()
        product = Product.objects.create(title=spec.title, code=f"demo-{spec.key}")
        old = f"{PRODUCT_IMAGE_DIR}/{spec.key}-2.jpg"
        default_storage.save(old, ContentFile(images.product_card("x", "x", "1")))
        picture = ProductImage.objects.create(
            product=product, code=f"demo-{spec.key}", original=old
        )
        village = data.VILLAGES[0]
        old_scene = f"{WAGTAIL_IMAGE_DIR}/{village.slug}.jpg"
        default_storage.save(old_scene, ContentFile(images.village_scene("x", "river")))
        scene = WagtailImage.objects.create(title="x", file=old_scene, width=1200, height=800)

        loader.product_image(product, spec)
        redrawn = loader.wagtail_image(
            village.slug,
            village.title,
            lambda: images.village_scene(village.slug, village.motif),
            images.SCENE_STYLE,
        )

        picture.refresh_from_db()
        assert picture.original.name == f"{PRODUCT_IMAGE_DIR}/{spec.key}-{images.CARD_STYLE}.jpg"
        assert redrawn.pk == scene.pk
        assert redrawn.file.name == f"{WAGTAIL_IMAGE_DIR}/{village.slug}-{images.SCENE_STYLE}.jpg"

        uploaded = "images/products/2026/11/photo.jpg"
        default_storage.save(uploaded, ContentFile(images.product_card("y", "y", "1")))
        picture.original = uploaded
        picture.save()
        loader.product_image(product, spec)
        picture.refresh_from_db()
        assert picture.original.name == uploaded
