from datetime import timedelta

from django.core.management.base import BaseCommand

from payments.reconcile import reconcile_open_checkouts


class Command(BaseCommand):
    help = "Finish card checkouts that Stripe authorised but neither browser nor webhook completed."

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=int, default=2)

    def handle(self, *args, minutes, **options):
        for number, outcome in reconcile_open_checkouts(timedelta(minutes=minutes)).items():
            self.stdout.write(f"{number}: {outcome}")
