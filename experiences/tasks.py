"""Scheduled work of experiences (``settings.OCOP_SCHEDULE``), run by the task worker."""

from django_tasks import task

from . import booking, schedules


@task()
def generate_slots():
    """Keep every schedule's slots ``OCOP_SLOT_DAYS`` ahead; returns how many were made."""
    return schedules.generate_slots()


@task()
def expire_holds():
    """Holds that ran out are marked expired (their places were already free)."""
    return booking.expire_holds()
