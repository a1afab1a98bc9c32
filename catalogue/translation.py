"""Which words of a product a reader sees in the active language.

Vietnamese is the source: a product's ``title`` and ``description`` are Vietnamese, and
its English sits beside them (``title_en``, ``description_en``), written by the
producer or an officer. Where the reader's language has no text yet, the Vietnamese is
shown instead, marked as such (``lang="vi"`` and a short note, by the ``catalogue_i18n``
template filters) — never an empty box. This module is the one place that decides; the
officers' "needs translation" list asks it too (``untranslated_condition``).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language

SOURCE_LANGUAGE = "vi"
# The languages a product carries a translation for, each as ``<field>_<code>``.
TRANSLATED_LANGUAGES = ("en",)


@dataclass(frozen=True)
class Shown:
    """A text as shown: its words, their language, and whether it stands in for a
    missing translation."""

    text: str
    lang: str
    untranslated: bool = False


def reader_language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()


def _source_title(product):
    # Oscar's rule: a variant without its own title takes its parent's.
    if not product.title and product.parent_id:
        return product.parent.title, product.parent
    return product.title, product


def _shown(source, owner, field, lang):
    source = source or ""
    if lang == SOURCE_LANGUAGE or lang not in TRANSLATED_LANGUAGES:
        return Shown(source, SOURCE_LANGUAGE)
    translated = (getattr(owner, f"{field}_{lang}", "") or "").strip()
    if translated:
        return Shown(translated, lang)
    return Shown(source, SOURCE_LANGUAGE, untranslated=bool(source.strip()))


def shown_title(product, lang=None):
    source, owner = _source_title(product)
    return _shown(source, owner, "title", lang or reader_language())


def shown_description(product, lang=None):
    return _shown(product.description, product, "description", lang or reader_language())


def untranslated_condition(lang="en"):
    """Products lacking ``lang``: no title, or a Vietnamese description without its
    translation. Variants inherit their parent's words and are left out."""
    missing_title = Q(**{f"title_{lang}": ""})
    missing_description = ~Q(description="") & Q(**{f"description_{lang}": ""})
    return (missing_title | missing_description) & ~Q(structure="child")
