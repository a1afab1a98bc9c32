"""Which language a page speaks: the visible interface text of an HTML page, sorted into
Vietnamese and not-Vietnamese, with what the database holds set aside.

The interface (labels, buttons, headings, messages, placeholders, alt text) must speak the
page's language; names and content written by people (products, producers, villages,
pages) come from the database and are left to the content checks. Vietnamese is told by
its letters: almost every Vietnamese phrase carries a diacritic (ă â đ ê ô ơ ư or a tone
mark), English never does.
"""

import re
import unicodedata
from html.parser import HTMLParser

from django.apps import apps
from django.db import models

# Letters only Vietnamese uses among the site's two languages.
VIETNAMESE_LETTERS = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE
)
WORD = re.compile(r"[^\W\d_]{2,}")
# Attributes whose text a person reads or hears.
READ_ATTRIBUTES = ("title", "alt", "placeholder", "aria-label", "aria-description")
SKIPPED_ELEMENTS = {"script", "style", "template", "noscript", "svg", "code", "pre"}
# Words the same in both languages: brands, the programme's name, units and abbreviations.
NEUTRAL_WORDS = {
    "ocop",
    "stripe",
    "vietqr",
    "visa",
    "mastercard",
    "email",
    "e-mail",
    "facebook",
    "zalo",
    "openstreetmap",
    "leaflet",
    "wagtail",
    "oscar",
    "django",
    "htx",
    "tht",
    "qr",
    "ok",
    "km",
    "kg",
    "ml",
    "vnd",
    "mb",
    "jpg",
    "png",
    "pdf",
    "gif",
    "webp",
    "csv",
    "url",
    "sms",
    "id",
    "cms",
    "ocb",
    "vietcombank",
    "demo",
    "online",
    "website",
    "internet",
    "wifi",
    "gmail",
    "video",
    "youtube",
    "tiktok",
    "logo",
}


class _TextParser(HTMLParser):
    """Collects (where, text) for text nodes and read attributes outside skipped elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.stack = []
        self.skip_depth = 0

    def handle_starttag(self, tag, attrs):
        void = tag in {"img", "input", "br", "hr", "meta", "link", "source", "area", "wbr"}
        attributes = dict(attrs)
        hidden = "hidden" in attributes or attributes.get("aria-hidden") == "true"
        if not void:
            self.stack.append((tag, hidden))
            if tag in SKIPPED_ELEMENTS or hidden:
                self.skip_depth += 1
        if self.skip_depth or hidden:
            return
        for name in READ_ATTRIBUTES:
            if attributes.get(name):
                self.found.append((f"<{tag} {name}>", attributes[name]))
        if tag == "input" and attributes.get("type") in {"submit", "button"}:
            if attributes.get("value"):
                self.found.append(("<input value>", attributes["value"]))

    def handle_endtag(self, tag):
        while self.stack:
            opened, hidden = self.stack.pop()
            if opened in SKIPPED_ELEMENTS or hidden:
                self.skip_depth -= 1
            if opened == tag:
                break

    def handle_data(self, data):
        if self.skip_depth:
            return
        text = " ".join(data.split())
        if text:
            tag = self.stack[-1][0] if self.stack else ""
            self.found.append((f"<{tag}>", text))


def visible_texts(html):
    """[(where, text)] a person reads or hears on the page, in document order."""
    parser = _TextParser()
    parser.feed(html)
    return [(where, text) for where, text in parser.found if text]


def is_vietnamese(text):
    return bool(VIETNAMESE_LETTERS.search(unicodedata.normalize("NFC", text)))


def words(text):
    return WORD.findall(text)


def looks_english(text):
    """Words without a Vietnamese letter that are not brand or unit names."""
    if is_vietnamese(text):
        return False
    return any(word.lower() not in NEUTRAL_WORDS for word in words(text))


def database_text():
    """Every text value the database holds, NFC, one string: names and written content.

    Text found in it came from people, not from the interface, so it is not judged here.
    """
    pieces = []
    for model in apps.get_models():
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | models.JSONField)
        ]
        if not fields or not model._meta.managed or model._meta.proxy:
            continue
        if model._meta.app_label in {"sessions", "admin", "auth", "contenttypes", "axes"}:
            continue
        for row in model.objects.values_list(*fields):
            pieces.extend(str(value) for value in row if value)
    return unicodedata.normalize("NFC", "\n".join(pieces))


def from_database(text, known):
    """Whether the text (or each of its lines split on separators) is written in the DB."""
    text = unicodedata.normalize("NFC", text)
    if text in known:
        return True
    parts = [part.strip(" ·|,:()–—-") for part in re.split(r"[·|,:()–—]", text)]
    return all(not words(part) or part in known for part in parts)


def foreign_texts(html, language, known):
    """[(where, text)] on a page in `language` that speak the other language and are not
    from the database."""
    wrong = looks_english if language == "vi" else is_vietnamese
    return [
        (where, text)
        for where, text in visible_texts(html)
        if wrong(text) and not from_database(text, known)
    ]
