"""Scheduled work of accounts (``settings.OCOP_SCHEDULE``), run by the task worker."""

from importlib import import_module

from django.conf import settings
from django_tasks import task


@task()
def clear_expired_sessions():
    """Delete the sessions that ran out: they are kept in the database (also behind Redis),
    which Django never cleans up by itself."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
