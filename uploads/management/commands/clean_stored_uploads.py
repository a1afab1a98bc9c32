"""Re-encode the uploads stored before every upload was (issue 9): run once after deploying.

Product photos, Wagtail images and certificate scans whose stored name was not generated
are checked and stored again as a clean copy under a generated name (the old file and a
Wagtail image's renditions are deleted). A file that is not an image (or a PDF, for a
scan) is reported and left for an officer to replace; media serving already keeps it
from running. Demo data loaded before this runs is renamed too, so a later
``load_demo_data`` adds its pictures again."""

import re
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction

from uploads import images, scans
from uploads.stored import guarded_fields

# What images.generated_name() gives: 32 hex digits and the extension.
GENERATED = re.compile(r"^[0-9a-f]{32}$")


def _is_generated(name):
    return GENERATED.match(PurePosixPath(name).stem) is not None


class Command(BaseCommand):
    help = "Store a clean, re-encoded copy of every upload stored under its uploader's name."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only list what would change.")

    def handle(self, *args, dry_run=False, **options):
        cleaned = refused = 0
        for (model, field_name), (cleaner, applies) in guarded_fields().items():
            if applies is not None:
                continue  # Wagtail's parked uploads are transient: finished or deleted
            # Old photos below today's minimum size are cleaned, not refused.
            clean = scans.checked if cleaner is scans.checked else images.reencoded
            for instance in model.objects.exclude(**{field_name: ""}).iterator():
                field_file = getattr(instance, field_name)
                if _is_generated(field_file.name):
                    continue
                try:
                    with field_file.open("rb") as stored:
                        original = ContentFile(stored.read(), name=field_file.name)
                    copy = clean(original)
                except (ValidationError, OSError) as error:
                    refused += 1
                    reason = "; ".join(getattr(error, "messages", [str(error)]))
                    self.stdout.write(f"left as is: {field_file.name}: {reason}")
                    continue
                cleaned += 1
                self.stdout.write(f"{'would clean' if dry_run else 'cleaned'}: {field_file.name}")
                if not dry_run:
                    self._replace(instance, field_name, copy)
        self.stdout.write(f"{cleaned} cleaned, {refused} left as is")

    @transaction.atomic
    def _replace(self, instance, field_name, copy):
        old = getattr(instance, field_name)
        storage, old_name = old.storage, old.name
        setattr(instance, field_name, copy)
        if hasattr(instance, "_set_image_file_metadata"):
            instance._set_image_file_metadata()
        instance.save()
        # A Wagtail image's renditions are rows to forget; a product photo's are remade
        # by the save above (catalogue.product_images).
        renditions = getattr(instance, "renditions", None)
        if hasattr(renditions, "all"):
            renditions.all().delete()
        transaction.on_commit(lambda: storage.delete(old_name))
