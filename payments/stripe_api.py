"""The one place that talks to Stripe (or to localstripe in local and test runs)."""

import stripe
from django.conf import settings


def configured():
    """Card payments are offered only when both keys are set."""
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_PUBLISHABLE_KEY)


def client():
    options = {}
    if settings.STRIPE_API_BASE:
        options["base_addresses"] = {"api": settings.STRIPE_API_BASE.rstrip("/")}
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        # One quick retry on a dropped connection; idempotency keys make it safe.
        max_network_retries=1,
        http_client=stripe.RequestsClient(timeout=settings.STRIPE_TIMEOUT),
        **options,
    ).v1


def card_amount_allowed(amount):
    return settings.STRIPE_MIN_VND <= amount <= settings.STRIPE_MAX_VND
