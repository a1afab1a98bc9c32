"""Reading request parameters strictly: the one way views turn query strings and posted
fields into values.

A parameter that is not what the view expects is treated as absent: the caller gets its
default and shows the ordinary page (or answers 404/400 where a missing value means that).
Nothing here raises, so a strange URL can never become a server error. The rules:

- Text is the value with surrounding spaces removed. A value holding a control character
  (NUL above all: PostgreSQL refuses it in any string) or longer than its bound is refused.
- Numbers are ASCII digits only, within bounds. ``str.isdigit`` and ``int`` accept
  "²" or "١٢" (one fails, the other parses): neither is a number a link of ours writes.
  No sign, no exponent; more digits than the maximum has are refused before ``int``.
- Choices are text found in the allowed values.
- A repeated parameter: a single value reads the last one, as ``QueryDict.get`` and a
  Django form bound to the same data do; ``choices`` reads them all, in order, once each.

It is a module of its own, beside the apps rather than in one of them, because every app
with views uses it (catalogue, cms, villages, profiles, checkout, seller, dashboard) and
it depends on none of them.
"""

import re
import unicodedata

# Text longer than this is no value any of our links or forms writes.
MAX_TEXT = 200
# PostgreSQL's ``integer``: no row id and no page number is larger.
MAX_INTEGER = 2**31 - 1
# How many values of a repeated parameter are looked at; the rest are ignored.
MAX_VALUES = 20

_DIGITS = re.compile(r"[0-9]+")
# Categories refused in text: controls (NUL, tab, newline, DEL, C1) and lone surrogates.
_REFUSED_CATEGORIES = {"Cc", "Cs"}


def _all(query, name):
    """Every string value of ``name`` in a QueryDict, or in a plain dict."""
    getlist = getattr(query, "getlist", None)
    if getlist is not None:
        found = getlist(name)
    elif name in query:
        found = query[name]
        found = found if isinstance(found, list | tuple) else [found]
    else:
        found = []
    return [value for value in found if isinstance(value, str)]


def clean(value, max_length=MAX_TEXT):
    """``value`` without surrounding spaces, or None when it is no acceptable text."""
    if not isinstance(value, str):
        return None
    value = value.strip(" ")
    if len(value) > max_length:
        return None
    if any(unicodedata.category(char) in _REFUSED_CATEGORIES for char in value):
        return None
    return value


def present(query, name):
    """Whether ``name`` was sent at all (even empty or refused)."""
    return bool(_all(query, name))


def text(query, name, default="", max_length=MAX_TEXT):
    """The last value of ``name`` as clean text, or ``default``."""
    values = _all(query, name)
    if not values:
        return default
    value = clean(values[-1], max_length)
    return default if value is None else value


def integer(query, name, default=None, minimum=0, maximum=MAX_INTEGER):
    """The last value of ``name`` as a whole number in [minimum, maximum], or ``default``."""
    value = text(query, name, None, max_length=len(str(maximum)))
    if value is None or not _DIGITS.fullmatch(value):
        return default
    number = int(value)
    return number if minimum <= number <= maximum else default


def choice(query, name, allowed, default=""):
    """The last value of ``name`` when it is one of ``allowed``, or ``default``."""
    value = text(query, name, None)
    return value if value is not None and value in allowed else default


def choices(query, name, allowed, limit=MAX_VALUES):
    """The allowed values of a repeated ``name``, in the order sent, each once; only the
    first ``limit`` values sent are looked at."""
    kept = []
    for value in _all(query, name)[:limit]:
        value = clean(value)
        if value is not None and value in allowed and value not in kept:
            kept.append(value)
    return kept


def integers(query, name, limit=MAX_VALUES, minimum=0, maximum=MAX_INTEGER):
    """The whole numbers among the values of a repeated ``name`` (ids ticked in a list),
    in the order sent, each once; only the first ``limit`` values sent are looked at."""
    kept = []
    for value in _all(query, name)[:limit]:
        value = clean(value, max_length=len(str(maximum)))
        if value is not None and _DIGITS.fullmatch(value):
            number = int(value)
            if minimum <= number <= maximum and number not in kept:
                kept.append(number)
    return kept


def count(query, name):
    """How many values of ``name`` were sent, good or bad."""
    return len(_all(query, name))
