from django.core.management.base import BaseCommand

from seller.reminders import send_expiry_reminders


class Command(BaseCommand):
    help = "Email producers whose OCOP certificate expires within 30 days (once each)."

    def handle(self, *args, **options):
        sent = send_expiry_reminders()
        self.stdout.write(f"{sent} reminder(s) sent")
