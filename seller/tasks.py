"""Background work of the seller area, enqueued by the scheduler (``run_scheduler``)."""

from django_tasks import task

from .reminders import send_expiry_reminders


@task()
def send_certificate_reminders():
    """Email producers whose certificate expires within 30 days; each reminder is sent once."""
    return send_expiry_reminders()
