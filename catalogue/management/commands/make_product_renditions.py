"""Queue the renditions of every product photo that has none for its current original.

New photos get theirs when saved (catalogue.product_images); this is for photos stored
before renditions existed, or after changing ``WIDTHS`` (with --all).
"""

from django.core.management.base import BaseCommand
from oscar.core.loading import get_model

from catalogue.product_images import made_widths, make_product_renditions


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Remake every photo's renditions.")

    def handle(self, *args, all=False, **options):
        ProductImage = get_model("catalogue", "ProductImage")
        queued = 0
        for product_image in ProductImage.objects.exclude(original="").iterator():
            if all or not made_widths(product_image):
                make_product_renditions.enqueue(product_image.pk)
                queued += 1
        self.stdout.write(f"{queued} product photos queued")
