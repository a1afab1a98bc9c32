from datetime import timedelta

from django.core.management.base import BaseCommand

from payments.reconcile import sweep


class Command(BaseCommand):
    help = (
        "Finish card payments left unfinished: authorised checkouts without an order and "
        "placed orders whose capture is due (the scheduler runs the same as a task)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=int, default=2)

    def handle(self, *args, minutes, **options):
        results = sweep(older_than=timedelta(minutes=minutes))
        for kind, done in results.items():
            for number, outcome in done.items():
                self.stdout.write(f"{kind} {number}: {outcome}")
