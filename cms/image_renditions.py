"""The renditions the site's templates show of Wagtail images, made when an image is saved.

``SPECS`` lists every filter spec a template passes to ``{% image %}``, ``{% picture %}``
or ``{% srcset_image %}``, written as there (a test holds the two together). When an
image is saved (uploaded, or its file or focal point changed) a task queued after the
commit makes all of them, so a visitor's request finds its renditions made and only
reads them; one missing (a task not yet run) is still made on request by Wagtail, so a
page is never left without its picture.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.models import Filter

# Cards of villages, producers and news (three to a row on wide screens); their lists
# prefetch these renditions (CARD_SPECS) for all cards in one query.
CARD = "format-{avif,webp,jpeg} fill-{320x200,640x400}"
CARD_SPECS = tuple(Filter.expand_spec(CARD.split()))

SPECS = (
    # cms/home_page.html: the hero, full width.
    "format-{avif,webp,jpeg} fill-{800x320,1200x480,1600x640}",
    CARD,
    # The head picture of village and producer pages, and of a news article.
    "format-{avif,webp,jpeg} fill-{480x320,960x640}",
    "format-{avif,webp,jpeg} fill-{480x300,960x600}",
    # Blocks (cms/blocks.py): a gallery's pictures and a single image.
    "format-{avif,webp,jpeg} fill-{320x240,640x480}",
    "format-{avif,webp,jpeg} width-{480,800,1200}",
)


def filter_specs():
    """Every single rendition spec of ``SPECS``, e.g. ``fill-320x200|format-webp``, and
    the picture shared pages give to social networks (cms.seo)."""
    from .seo import SHARE_IMAGE

    expanded = [spec for specs in SPECS for spec in Filter.expand_spec(specs.split())]
    return [*expanded, SHARE_IMAGE]


@task()
def make_image_renditions(image_id):
    """Make the image's renditions that do not exist yet; returns how many it has."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    return len(image.get_renditions(*filter_specs()))


def _saved(sender, instance, raw=False, **kwargs):
    if not raw and settings.RENDITIONS_ON_SAVE:
        transaction.on_commit(lambda: make_image_renditions.enqueue(instance.pk))


def connect():
    post_save.connect(_saved, sender=get_image_model(), dispatch_uid="cms.image_renditions")
