"""pytest fixtures for card payments, shared by the payments and checkout test packages."""

import pytest
from django.db import connection

from . import testing


@pytest.fixture(scope="session")
def localstripe():
    """Base URL of a localstripe started for this test session (killed by PID at the end)."""
    process, base = testing.start_localstripe()
    yield base
    testing.stop(process)


@pytest.fixture
def stripe_settings(settings, localstripe):
    settings.STRIPE_PUBLISHABLE_KEY = testing.PUBLISHABLE_KEY
    settings.STRIPE_SECRET_KEY = testing.SECRET_KEY
    settings.STRIPE_WEBHOOK_SECRET = testing.WEBHOOK_SECRET
    settings.STRIPE_API_BASE = localstripe
    settings.STRIPE_JS_URL = f"{localstripe}/js.stripe.com/v3/"
    settings.STRIPE_TIMEOUT = 3
    return settings


def pytest_collection_modifyitems(config, items):
    # The oversell test needs real row locks: it runs on PostgreSQL (as in CI) and is
    # deselected, not skipped, on the embedded SQLite default.
    if connection.vendor == "postgresql":
        return
    keep, drop = [], []
    for item in items:
        (drop if item.get_closest_marker("postgresql") else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "postgresql: needs PostgreSQL row locks; deselected on SQLite"
    )
