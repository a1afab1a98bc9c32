import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from customer.tasks import clear_expired_sessions

pytestmark = pytest.mark.django_db


def test_expired_sessions_are_cleared_and_live_ones_kept(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    now = timezone.now()
    Session.objects.create(session_key="a" * 32, session_data="", expire_date=now - dt.timedelta(1))
    Session.objects.create(session_key="b" * 32, session_data="", expire_date=now + dt.timedelta(1))

    clear_expired_sessions.call()

    assert list(Session.objects.values_list("session_key", flat=True)) == ["b" * 32]
