"""The 30-day warning before a certificate expires, emailed to its producer.

Run daily (``manage.py send_certificate_reminders``). Safe to run twice, or in two
places at once: a certificate's reminder is recorded (unique per certificate and kind)
in the same transaction that sends it, so a second run finds it and skips, and a failed
send leaves nothing recorded and is retried next run."""

import logging

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import override
from oscar.core.loading import get_model

from .models import CertificateReminder, ReminderKind

OcopCertificate = get_model("catalogue", "OcopCertificate")
logger = logging.getLogger(__name__)

DAYS_BEFORE = 30


def due_certificates(on=None):
    """Certified, in force, expiring within 30 days, not renewed, not yet reminded."""
    return (
        OcopCertificate.objects.expiring_within(DAYS_BEFORE, on)
        .filter(renewals__isnull=True)
        .exclude(reminders__kind=ReminderKind.EXPIRY_30_DAYS)
        .select_related("product")
        .distinct()
        .order_by("expires_on", "pk")
    )


def recipients_for(certificate):
    emails = {
        user.email
        for stockrecord in certificate.product.stockrecords.select_related("partner")
        for user in stockrecord.partner.users.all()
        if user.email and user.is_active
    }
    return sorted(emails)


def send_expiry_reminders(on=None):
    """Send every reminder due; returns the number sent."""
    on = on or timezone.localdate()
    sent = 0
    for certificate in due_certificates(on):
        recipients = recipients_for(certificate)
        if not recipients:
            logger.warning("No producer email for certificate %s; not reminded", certificate.pk)
            continue
        try:
            with transaction.atomic():
                CertificateReminder.objects.create(
                    certificate=certificate,
                    kind=ReminderKind.EXPIRY_30_DAYS,
                    recipients=", ".join(recipients),
                )
                _send(certificate, recipients, on)
        except IntegrityError:
            continue  # another run got there first
        sent += 1
    return sent


def _send(certificate, recipients, on):
    context = {
        "certificate": certificate,
        "product": certificate.product,
        "days_left": (certificate.expires_on - on).days,
    }
    with override("vi"):
        subject = render_to_string("seller/email/certificate_reminder_subject.txt", context)
        body = render_to_string("seller/email/certificate_reminder_body.txt", context)
    send_mail(subject.strip(), body, None, recipients)
