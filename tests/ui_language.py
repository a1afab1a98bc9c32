"""Which language a page speaks: its visible interface text, sorted into Vietnamese and
English, with names and written content from the database set aside.

The interface (labels, buttons, headings, messages, placeholders, alt text, the Wagtail
admin's menus) must speak the page's language; names and content written by people
(products, producers, villages, pages, provinces and communes) are judged elsewhere.
Vietnamese is told by its letters: nearly every Vietnamese phrase carries a diacritic
(ă â đ ê ô ơ ư or a tone mark), English never does; the few Vietnamese words written
without one ("trang", "sao", "xong") are learned from the project's own messages.
"""

import html
import json
import re
import unicodedata
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.pofile import read_po
from django.apps import apps
from django.conf import settings
from django.db import connection

# Letters only Vietnamese uses among the site's two languages.
VIETNAMESE_LETTERS = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE
)
WORD = re.compile(r"[^\W\d_]{2,}")
TAG = re.compile(r"<[^>]+>")
# Attributes whose text a person reads or hears.
READ_ATTRIBUTES = ("title", "alt", "placeholder", "aria-label")
SKIPPED_ELEMENTS = {"script", "style", "template", "svg", "code", "pre", "textarea"}
VOID_ELEMENTS = {"img", "input", "br", "hr", "meta", "link", "source", "area", "wbr", "col"}
# Words the same in both languages: brands, the programme's name, units, abbreviations
# and loanwords Vietnamese uses as they are.
NEUTRAL_WORDS = {
    "ocop",
    "stripe",
    "vietqr",
    "napas",
    "visa",
    "mastercard",
    "email",
    "facebook",
    "zalo",
    "youtube",
    "tiktok",
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
    "gr",
    "vnd",
    "kb",
    "mb",
    "jpg",
    "jpeg",
    "png",
    "pdf",
    "gif",
    "webp",
    "heic",
    "csv",
    "url",
    "sms",
    "id",
    "cms",
    "seo",
    "demo",
    "online",
    "website",
    "internet",
    "wifi",
    "video",
    "logo",
    "st",
    "en",
    "vi",
    "english",
}
FILE_NAME = re.compile(r"^[\w.-]+\.(jpe?g|png|webp|gif|heic|pdf|csv|svg)$", re.IGNORECASE)
# Time-zone names on the Wagtail account page (Asia/Ho_Chi_Minh …) are identifiers.
TIME_ZONE = re.compile(r"^[A-Z][A-Za-z_+-]*(/[A-Za-z0-9_+-]+)+$|^[A-Z]{2,5}\d?([A-Z]{3})?$")


class _TextParser(HTMLParser):
    """Collects (where, text) for text nodes and read attributes outside hidden parts,
    and the labels of the JSON that Wagtail's scripts render (its sidebar menu)."""

    def __init__(self, language=None):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.found = []
        self.stack = []  # (tag, skips)
        self.json_script = False

    @property
    def skipping(self):
        return any(skips for _, skips in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        hidden = (
            "hidden" in attributes
            or attributes.get("aria-hidden") == "true"
            or attributes.get("type") == "hidden"
        )
        # Text marked as another language (the language switch's "Tiếng Việt", a
        # Vietnamese name or text shown untranslated on /en/) is meant to be in it.
        other = attributes.get("lang", "").split("-")[0]
        if self.language and tag != "html" and other and other != self.language:
            hidden = True
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, hidden or tag in SKIPPED_ELEMENTS))
        self.json_script = tag == "script" and attributes.get("type") == "application/json"
        if self.skipping or hidden:
            return
        for name in READ_ATTRIBUTES:
            if attributes.get(name):
                self.found.append((f"<{tag} {name}>", attributes[name]))
        if tag == "input" and attributes.get("type") in {"submit", "button"}:
            if attributes.get("value"):
                self.found.append(("<input value>", attributes["value"]))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if self.json_script and self.stack and self.stack[-1][0] == "script":
            self.json_script = False
            self.found.extend(("<json label>", label) for label in _json_labels(data))
            return
        if self.skipping:
            return
        text = " ".join(data.split())
        if text:
            tag = self.stack[-1][0] if self.stack else ""
            self.found.append((f"<{tag}>", text))


def _json_labels(data):
    try:
        value = json.loads(data)
    except ValueError:
        return []
    labels = []

    def walk(node):
        if isinstance(node, dict):
            for key, item in node.items():
                if key in {"label", "title", "text"} and isinstance(item, str):
                    labels.append(" ".join(TAG.sub(" ", item).split()))
                else:
                    walk(item)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(value)
    return [label for label in labels if label]


def visible_texts(page_html, language=None):
    """[(where, text)] a person reads or hears on the page, in document order (without
    the parts marked as written in a language other than `language`)."""
    parser = _TextParser(language)
    parser.feed(page_html)
    return [(where, text) for where, text in parser.found if text]


def nfc(text):
    return unicodedata.normalize("NFC", text)


def is_vietnamese(text):
    return bool(VIETNAMESE_LETTERS.search(nfc(text)))


def words(text):
    return WORD.findall(text)


@cache
def _catalogue_msgids():
    with open(Path(settings.BASE_DIR) / "locale/en/LC_MESSAGES/django.po", "rb") as po:
        return [m.id if isinstance(m.id, str) else m.id[0] for m in read_po(po) if m.id]


@cache
def vietnamese_plain_words():
    """Vietnamese words written without a diacritic ("trang", "sao"), from the project's
    own Vietnamese messages."""
    found = set()
    for msgid in _catalogue_msgids():
        found.update(w.lower() for w in words(msgid) if not is_vietnamese(w))
    return frozenset(found)


def _code(token):
    """Codes and abbreviations read the same in both languages: GHN, GYK7PQ3M, ST25."""
    return token.isupper() and (len(token) <= 4 or any(c.isdigit() for c in token))


def looks_english(text):
    """Text without a Vietnamese letter holding a word that is neither Vietnamese nor a
    name both languages share (nor a file name, a code or a time zone)."""
    text = text.strip()
    if is_vietnamese(text) or TIME_ZONE.match(text) or FILE_NAME.match(text):
        return False
    plain = vietnamese_plain_words()
    tokens = [t.strip(".,:;!?()[]'\"…") for t in text.split()]
    return any(
        w.lower() not in NEUTRAL_WORDS and w.lower() not in plain
        for token in tokens
        if not _code(token)
        for w in words(token)
    )


def database_text():
    """Every name and written text the site shows from data, NFC, one string: the
    database's text fields (rich text without its tags) and the names of provinces and
    communes (places)."""
    import places

    tables = set(connection.introspection.table_names())
    pieces = [name for _, name in places.provinces()]
    for code, _ in places.provinces():
        pieces.extend(name for _, name in places.wards(code))
    for model in apps.get_models():
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            # StreamField stores JSON too (its internal type says so).
            if field.get_internal_type() in {"CharField", "TextField", "JSONField"}
        ]
        if not fields or model._meta.proxy or model._meta.db_table not in tables:
            continue
        if model._meta.app_label in {"sessions", "admin", "contenttypes", "axes"}:
            continue
        for row in model.objects.values_list(*fields):
            for value in row:
                if not value:
                    continue
                if hasattr(value, "get_prep_value"):  # a StreamField's blocks, as stored
                    value = value.get_prep_value()
                if isinstance(value, dict | list):
                    value = json.dumps(value, ensure_ascii=False)
                value = str(value)
                pieces.append(html.unescape(TAG.sub(" ", value)))
    return nfc("\n".join(" ".join(piece.split()) for piece in pieces))


def _trimmed(part):
    """The part without the words of the interface around a name ("No. … of …")."""
    tokens = [token.strip(".,;:!?…") for token in part.split()]
    while tokens and not is_vietnamese(tokens[0]):
        tokens.pop(0)
    while tokens and not is_vietnamese(tokens[-1]):
        tokens.pop()
    return " ".join(tokens)


def _written(text, known):
    """Whether the text is written in the database as whole words."""
    return bool(text) and re.search(rf"(?<!\w){re.escape(text)}(?!\w)", known) is not None


def from_database(text, known, foreign=is_vietnamese):
    """Whether the parts of the text in the `foreign` language (split at separators)
    are written in the database, so names or content rather than the interface. A
    Vietnamese part is taken without the interface's words around it ("No. … of …")."""
    text = nfc(text)
    if _written(text, known):
        return True
    parts = [p for p in re.split(r"\s*[·|,:;()–—/×]\s*|\s+-\s+", text) if words(p)]
    return all(
        not foreign(part)
        or _written(part, known)
        or (is_vietnamese(part) and _written(_trimmed(part), known))
        for part in parts
    )


def foreign_texts(page_html, language, known):
    """[(where, text)] on a page in `language` that speak the other language and are not
    names or content from the database."""
    foreign = looks_english if language == "vi" else is_vietnamese
    return [
        (where, text)
        for where, text in visible_texts(page_html, language)
        if foreign(text) and not from_database(text, known, foreign)
    ]
