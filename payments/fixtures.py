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


@pytest.fixture
def stripe_down_at(monkeypatch, stripe_settings):
    """``stripe_down_at("payment_intents.capture")``: from now on that one call (or every
    call, with "*") goes to a port where nothing listens, as when Stripe is unreachable.
    Calling it with nothing brings Stripe back."""
    import stripe

    from . import stripe_api

    real = stripe_api.client

    def down(*calls):
        if not calls:
            monkeypatch.setattr(stripe_api, "client", real)
            return

        def client():
            api = real()
            dead = stripe.StripeClient(
                stripe_settings.STRIPE_SECRET_KEY,
                base_addresses={"api": testing.closed_base()},
                max_network_retries=0,
                http_client=stripe.RequestsClient(timeout=2),
            ).v1
            if "*" in calls:
                return dead
            for call in calls:
                service, method = call.split(".")
                setattr(getattr(api, service), method, getattr(getattr(dead, service), method))
            return api

        monkeypatch.setattr(stripe_api, "client", client)

    return down
