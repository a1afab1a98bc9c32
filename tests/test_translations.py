"""Every message of the project reads in both languages.

The project writes its messages in Vietnamese (msgids), so the English catalogue must
translate each one. Where the project's catalogue gives an English msgid (its own, or an
override of Oscar, Wagtail or Django), Vietnamese readers need it in the Vietnamese one.
The catalogues are read as they are on disk and the compiled .mo files must match them.
"""

import re
import subprocess
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from tests.ui_language import is_vietnamese, looks_english

LOCALE = Path(settings.BASE_DIR) / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def catalogue(language, domain="django"):
    with open(LOCALE / language / "LC_MESSAGES" / f"{domain}.po", "rb") as po:
        return read_po(po, locale=language)


def translated(message):
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings) and not message.fuzzy


def strings(message):
    return tuple(message.string) if isinstance(message.string, list | tuple) else (message.string,)


def label(message):
    return message.id if isinstance(message.id, str) else message.id[0]


def project_sources():
    """Msgids written in the project's own code and templates (not Oscar's or Wagtail's)."""
    sources = subprocess.run(
        ["git", "ls-files", "*.py", "*.html", "*.txt"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [Path(settings.BASE_DIR) / name for name in sources if not name.startswith("tests/")]


def test_every_project_message_has_an_english_translation():
    english = catalogue("en")

    missing = [label(m) for m in english if m.id and not translated(m)]

    assert missing == []


def test_the_english_catalogue_holds_every_message_the_project_writes():
    # A string added to the code without its English entry is found by makemessages'
    # own extractor; here the templates' {% translate "…" %} literals are checked.
    english = {label(m) for m in catalogue("en") if m.id}
    literal = re.compile(r'\{%\s*(?:translate|trans)\s+"([^"]+)"(?:\s+context\s+"[^"]*")?\s*%\}')
    absent = set()
    for path in project_sources():
        if path.suffix != ".html":
            continue
        for text in literal.findall(path.read_text(encoding="utf-8")):
            if is_vietnamese(text) and text not in english:
                absent.add(f"{path.relative_to(settings.BASE_DIR)}: {text}")

    assert sorted(absent) == []


def english_msgids():
    """The project's msgids written in English: Oscar's strings in the templates the
    project copied, which the English catalogue gives back unchanged."""
    return {
        label(m)
        for m in catalogue("en")
        if m.id and strings(m)[0] == label(m) and looks_english(PLACEHOLDER.sub("", label(m)))
    }


def test_every_english_msgid_has_a_vietnamese_translation():
    vietnamese = {label(m): m for m in catalogue("vi") if m.id}

    missing = sorted(
        i for i in english_msgids() if i not in vietnamese or not translated(vietnamese[i])
    )

    assert missing == []


def test_every_vietnamese_override_is_a_translation():
    # Empty, fuzzy, or the English copied unchanged: none of them is Vietnamese.
    untranslated = sorted(
        label(m)
        for m in catalogue("vi")
        if m.id
        and (
            not translated(m)
            or (strings(m)[0] == label(m) and looks_english(PLACEHOLDER.sub("", label(m))))
        )
    )

    assert untranslated == []


# Every catalogue the project keeps (vi also overrides Wagtail's script strings: djangojs).
CATALOGUES = sorted((p.parent.parent.name, p.stem) for p in LOCALE.glob("*/LC_MESSAGES/*.po"))


@pytest.mark.parametrize("language, domain", CATALOGUES)
def test_compiled_catalogues_match_their_sources(language, domain):
    po_path = LOCALE / language / "LC_MESSAGES" / f"{domain}.po"
    with open(po_path.with_suffix(".mo"), "rb") as mo:
        compiled = {(m.context, label(m)): strings(m) for m in read_mo(mo) if m.id}
    source = {
        (m.context, label(m)): strings(m)
        for m in catalogue(language, domain)
        if m.id and translated(m)
    }

    assert compiled == source


@pytest.mark.parametrize(
    ("language", "msgid", "expected"),
    [
        ("en", "Giỏ hàng", "Cart"),
        ("vi", "Null characters are not allowed.", "Không được chứa ký tự NUL."),
        ("vi", "The phone number entered is not valid.", "Số điện thoại không hợp lệ."),
        ("vi", "Enter a whole number.", "Hãy nhập một số nguyên."),
        ("vi", "Site summary", "Tổng quan trang web"),
        ("vi", "Add an image", "Thêm ảnh"),
    ],
)
def test_the_site_speaks_each_language(language, msgid, expected):
    with translation.override(language):
        assert translation.gettext(msgid) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("vi", "150.000\u00a0₫ · 30/11/2026"), ("en", "150,000\u00a0₫ · 30/11/2026")],
)
def test_money_and_dates_are_written_the_language_s_way(language, expected):
    import datetime

    template = Template(
        '{% load currency_filters %}{{ price|currency }} · {{ day|date:"SHORT_DATE_FORMAT" }}'
    )
    with translation.override(language):
        written = template.render(Context({"price": 150000, "day": datetime.date(2026, 11, 30)}))

    assert written == expected
