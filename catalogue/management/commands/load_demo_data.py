import logging
import secrets
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from oscar.core.loading import get_model

from demo import data
from demo.loader import DemoLoader

OcopCertificate = get_model("catalogue", "OcopCertificate")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

# Loggers that report every page published, stock alert and background task: lines
# that would bury the login details printed at the end.
CHATTY_LOGGERS = ("wagtail", "django_tasks", "oscar.alerts")


@contextmanager
def quiet(names, verbosity):
    loggers = [logging.getLogger(name) for name in names] if verbosity < 2 else []
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Fill the site with sample data of Cần Thơ: producers, products, OCOP certificates, "
        "tourism villages, the home page and local accounts. Safe to run again: only what "
        "is missing is added."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the sample data although these settings do not allow it (production): "
            "the sample accounts then get a random password, printed once.",
        )

    def handle(self, *args, **options):
        password = data.DEMO_PASSWORD
        if not settings.DEMO_DATA_ALLOWED:
            if not options["force"]:
                raise CommandError(
                    "These settings do not allow the sample data: it adds sample producers, "
                    "products, certificates and accounts to a real site. Use --force to load "
                    "it anyway (the accounts then get a random password)."
                )
            # The README's password must never open a real site.
            password = secrets.token_urlsafe(18)
        started = time.monotonic()
        with quiet(CHATTY_LOGGERS, options["verbosity"]):
            # unary plus drops the kinds that stayed at zero
            created = +DemoLoader(password=password).run()
        elapsed = time.monotonic() - started

        if created:
            summary = ", ".join(f"{count} {kind}" for kind, count in sorted(created.items()))
            self.stdout.write(f"Created {summary}.")
        else:
            self.stdout.write("The demo data was already there: nothing to add.")
        self.stdout.write(
            f"Catalogue: {Partner.objects.count()} producers, {Product.objects.count()} products "
            f"and experiences, {OcopCertificate.objects.certified().count()} certificates in "
            f"force ({OcopCertificate.objects.count()} on record)."
        )
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded in {elapsed:.1f} s."))

        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        accounts = "\n".join(
            f"    {a.email}" + (" (officer)" if a.officer else f" (producer: {a.producer})")
            for a in data.ACCOUNTS
        )
        self.stdout.write(
            "\nSample data for local use only; the accounts below share one password.\n"
            f"  Site:            {base}/\n"
            f"  Shop dashboard:  {base}/cua-hang/dashboard/\n"
            f"  Wagtail admin:   {base}/cms/\n"
            f"  Seller area:     {base}/nguoi-ban/ (producers; officers at /nguoi-ban/can-bo/)\n"
            f"  Accounts:\n{accounts}\n"
            f"  Password:        {password}\n"
        )
