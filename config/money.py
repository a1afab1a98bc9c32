"""Oscar's ``currency`` filter, remembered: ``{% load money %}{{ price|currency }}``
prints exactly what ``{% load currency_filters %}`` prints (OSCAR_CURRENCY_FORMAT's
"150.000 ₫"), the one money format, by calling it.

Babel formats an amount in about 0.15 ms, and a listing prints dozens of prices, most of
them alike: the product cards load this library, and each (amount, currency, language)
is formatted once per process. Oscar's own templates keep its library (a second library
under its name is a clash that Django's checks report).
"""

from functools import lru_cache

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.translation import get_language
from oscar.templatetags import currency_filters

register = template.Library()


@register.filter(name="currency")
def currency(value, currency_format=None):
    try:
        return _formatted(value, currency_format, get_language())
    except TypeError:  # an amount that cannot be a key: formatted each time
        return currency_filters.currency(value, currency_format)


@lru_cache(maxsize=4096)
def _formatted(value, currency_format, language):
    # Equal amounts (150000, Decimal("150000.00")) share a key: Babel formats the
    # number, so they print alike. ``language`` is the active one while it formats.
    return currency_filters.currency(value, currency_format)


@receiver(setting_changed)
def _forget(setting, **kwargs):
    if setting in ("OSCAR_CURRENCY_FORMAT", "OSCAR_DEFAULT_CURRENCY", "LANGUAGES"):
        _formatted.cache_clear()
