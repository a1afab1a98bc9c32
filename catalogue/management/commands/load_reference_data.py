from django.core.management.base import BaseCommand

from catalogue import reference


class Command(BaseCommand):
    help = "Load the OCOP product groups and product classes (idempotent)."

    def handle(self, *args, **options):
        reference.load_all()
        self.stdout.write(self.style.SUCCESS("OCOP reference data loaded."))
