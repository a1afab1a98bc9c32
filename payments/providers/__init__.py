"""The registry of payment providers, in the order of ``settings.OCOP_PAYMENT_PROVIDERS``.

Adding a way to pay touches only its own module and that setting.
"""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from .base import Outcome, PaymentError, Provider

__all__ = [
    "Outcome",
    "PaymentError",
    "Provider",
    "all_providers",
    "available_providers",
    "get_provider",
    "provider_for",
]


@cache
def _registry(paths):
    providers = {}
    for path in paths:
        provider = import_string(path)()
        providers[provider.code] = provider
        for alias in getattr(provider, "aliases", ()):
            providers.setdefault(alias, provider)
    return providers


def _providers():
    return _registry(tuple(settings.OCOP_PAYMENT_PROVIDERS))


def all_providers():
    seen = []
    for provider in _providers().values():
        if provider not in seen:
            seen.append(provider)
    return seen


def get_provider(code):
    """The provider registered as ``code``; LookupError when there is none."""
    try:
        return _providers()[str(code)]
    except KeyError:
        raise LookupError(f"No payment provider {code!r}") from None


def provider_for(order):
    """The provider of ``order``, from its payment Source (LookupError without one)."""
    codes = order.sources.values_list("source_type__code", flat=True)
    for code in codes:
        try:
            return get_provider(code)
        except LookupError:
            continue
    raise LookupError(f"Order {order.number} has no payment source of a known provider")


def available_providers(total_vnd, basket=None):
    """The providers for this total and what ``basket`` holds (None: not known)."""
    return [p for p in all_providers() if p.is_available(int(total_vnd)) and p.accepts(basket)]
