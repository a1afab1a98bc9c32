"""Scheduled work of the catalogue (``settings.OCOP_SCHEDULE``), run by the task worker."""

from django_tasks import task

from . import ratings


@task()
def refresh_ratings():
    """At midnight: the stored rating of products whose certificates start, expire or
    are revoked on the new day; returns how many products were refreshed."""
    return ratings.refresh_due()
