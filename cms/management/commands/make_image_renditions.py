"""Queue the making of every Wagtail image's renditions (cms.image_renditions.SPECS).

Images saved from now on get theirs when saved; this is for images stored before, or
after a template starts showing a new size. Renditions that exist are kept.
"""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from cms.image_renditions import make_image_renditions


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def handle(self, *args, **options):
        ids = list(get_image_model().objects.values_list("pk", flat=True))
        for pk in ids:
            make_image_renditions.enqueue(pk)
        self.stdout.write(f"{len(ids)} images queued")
