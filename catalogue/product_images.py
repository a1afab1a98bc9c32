"""Product photos in the sizes the site shows them: square WebP renditions, made once.

Every photo gets one square, centre-cropped WebP per width in ``WIDTHS`` (capped at the
original's shorter side) when it is saved: a task queued after the transaction commits
(``connect()``), so no visitor ever waits for one. The widths made are recorded on the
photo (``ProductImage.renditions``), so a page knows its ``srcset`` without touching the
storage; a photo whose renditions are not made yet (or whose task failed) is shown from
its original, never as a broken image. ``{% product_image %}``
(catalogue.templatetags.product_image_tags) is the one place that prints a product photo.
"""

from io import BytesIO
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_save
from django_tasks import task
from oscar.core.loading import get_model
from PIL import Image, ImageOps

from pagecache import tags as page_tags

# Cards are drawn 180–280 CSS pixels wide, the product page's photo up to 560. Each
# width is a step just above a common need: a half-width card on a 412 px phone at
# 1.75x (Lighthouse's) needs 361 px, so 400 rather than 360, which would send 560.
WIDTHS = (200, 280, 400, 560, 800)
QUALITY = 75
FOLDER = "images/products/renditions"


def rendition_name(original_name, width):
    """The storage name of one rendition: beside its siblings, named after its original."""
    stem = PurePosixPath(original_name).with_suffix("").as_posix().replace("/", "--")
    return f"{FOLDER}/{stem}.{width}.webp"


def make_renditions(product_image):
    """Write the photo's renditions (overwriting any) and return the widths made."""
    with product_image.original.open("rb") as handle:
        source = ImageOps.exif_transpose(Image.open(handle))
        source.load()
    side = min(source.size)
    widths = [width for width in WIDTHS if width <= side] or [side]
    square = ImageOps.fit(source.convert("RGB"), (side, side), Image.Resampling.LANCZOS)
    for width in widths:
        buffer = BytesIO()
        square.resize((width, width), Image.Resampling.LANCZOS).save(
            buffer, "WEBP", quality=QUALITY, method=6
        )
        name = rendition_name(product_image.original.name, width)
        if default_storage.exists(name):
            default_storage.delete(name)
        default_storage.save(name, ContentFile(buffer.getvalue()))
    return widths


@task()
def make_product_renditions(image_id):
    """Make one photo's renditions and record them; a photo deleted meanwhile is skipped."""
    ProductImage = get_model("catalogue", "ProductImage")
    product_image = ProductImage.objects.filter(pk=image_id).first()
    if product_image is None or not product_image.original:
        return []
    widths = make_renditions(product_image)
    # update(), not save(): a save would queue this task again. The original's name is
    # kept with the widths, so a photo replaced meanwhile is not given them.
    ProductImage.objects.filter(pk=image_id).update(
        renditions={"name": product_image.original.name, "widths": widths}
    )
    # The pages and cards that show the photo (pagecache) are drawn again with them.
    page_tags.touch(page_tags.product(product_image.product_id))
    return widths


def made_widths(product_image):
    """The widths made of the photo's current original ([] until they are)."""
    made = product_image.renditions or {}
    return made.get("widths", []) if made.get("name") == product_image.original.name else []


def _saved(sender, instance, raw=False, **kwargs):
    # Oscar's dashboard saves every photo of a product when one is added or reordered:
    # only a photo whose original has no renditions yet queues the task.
    if raw or not settings.RENDITIONS_ON_SAVE or not instance.original or made_widths(instance):
        return
    transaction.on_commit(lambda: make_product_renditions.enqueue(instance.pk))


def srcset(product_image):
    """(src, srcset, width) of a photo: its renditions, or its original alone until then.

    ``product_image`` is a ProductImage or Oscar's placeholder dict for a product
    without photos (``{"original": "image_not_found.jpg", "is_missing": True}``, the
    file Oscar's ``MissingProductImage`` puts in the media folder)."""
    if isinstance(product_image, dict):
        name, widths = product_image["original"], []
    else:
        name, widths = product_image.original.name, made_widths(product_image)
    if not widths:
        return default_storage.url(name), "", max(WIDTHS)
    urls = [(default_storage.url(rendition_name(name, w)), w) for w in widths]
    return urls[-1][0], ", ".join(f"{url} {w}w" for url, w in urls), widths[-1]


def connect():
    ProductImage = get_model("catalogue", "ProductImage")
    post_save.connect(_saved, sender=ProductImage, dispatch_uid="catalogue.product_images")
