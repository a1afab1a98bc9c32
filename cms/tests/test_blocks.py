"""The shared StreamField blocks: each has an icon, a template, a description and a
preview value that renders; images need alt text; a call to action needs one link."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cms.blocks import CallToActionBlock, ImageBlock, StoryBlock

from .factories import groups, make_product

BLOCKS = dict(StoryBlock().child_blocks)


def test_the_block_set_is_the_one_issue_4_asks_for():
    assert list(BLOCKS) == [
        "text",
        "image",
        "gallery",
        "quote",
        "video",
        "products",
        "call_to_action",
    ]


TEMPLATES = {"products": "product_list"}
PREVIEW_TEXT = {
    "text": "Cách làm bánh tráng phơi sương",
    "image": "Chú thích ảnh",
    "gallery": "Bộ ảnh",
    "quote": "Bánh ngon là nhờ sương đêm ở Thuận Hưng.",
    "video": "Video minh họa",
    "products": "120.000\N{NO-BREAK SPACE}₫",
    "call_to_action": "Trở thành chủ thể OCOP",
}


@pytest.mark.parametrize("name", list(BLOCKS))
def test_every_block_has_an_icon_a_template_a_description_and_a_preview(admin_client, name):
    get_image_model().objects.create(title="Ảnh mẫu", file=get_test_image_file())
    make_product("Gạo ST25", groups()["1.2"], stars=5, price="120000")
    block = BLOCKS[name]

    response = admin_client.get("/cms/block-preview/", {"id": block.definition_prefix})

    assert block.meta.icon
    assert block.meta.template == f"blocks/{TEMPLATES.get(name, name)}.html"
    assert str(block.meta.description)
    assert response.status_code == 200
    html = response.content.decode()
    assert PREVIEW_TEXT[name] in html
    assert "css/site.css" in html  # previews wear the site's styles


def test_an_image_needs_its_alt_text(db):
    image = get_image_model().objects.create(title="Ảnh", file=get_test_image_file())
    block = ImageBlock()

    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": image.pk, "alt": "", "caption": ""}))
    assert block.clean(block.to_python({"image": image.pk, "alt": "Bánh tráng", "caption": ""}))


@pytest.mark.parametrize(
    "page, url, valid",
    [(None, "", False), (None, "https://example.com/", True)],
)
def test_a_call_to_action_needs_exactly_one_link(db, page, url, valid):
    block = CallToActionBlock()
    value = block.to_python(
        {"title": "Mời", "text": "", "button_label": "Xem", "page": page, "url": url}
    )
    if valid:
        assert block.clean(value)["url"] == url
    else:
        with pytest.raises(ValidationError):
            block.clean(value)
