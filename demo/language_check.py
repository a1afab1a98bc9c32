"""How much Vietnamese an English visitor of the demo still reads.

``vietnamese_words(html)`` lists the visible words of a page (text and image alt text,
not scripts, styles or the ``<head>``) that carry Vietnamese diacritics and are not part
of a name the demo gives: producers, villages, products and communes keep their local
spelling on English pages. The demo's tests hold the English pages to a small share.
"""

import re
from html.parser import HTMLParser

from . import data, pages_en

VIETNAMESE_LETTERS = re.compile(
    r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE
)
WORD = re.compile(r"\w+")
HIDDEN = {"script", "style", "head", "template", "noscript"}


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        alt = dict(attrs).get("alt")
        if alt and not self.hidden:
            self.parts.append(alt)

    def handle_endtag(self, tag):
        if tag in HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, text):
        if not self.hidden:
            self.parts.append(text)


def visible_words(html):
    parser = _VisibleText()
    parser.feed(html)
    return WORD.findall(" ".join(parser.parts))


def name_words():
    """Words of the names the demo gives (lowercase): they stay Vietnamese in English."""
    names = [data.SITE_NAME, "Cần Thơ", "Hậu Giang", "Sóc Trăng", "Ninh Kiều"]
    names += [p.name for p in data.PRODUCERS] + [p.commune for p in data.PRODUCERS]
    names += [p.street for p in data.PRODUCERS]
    names += [v.title for v in data.VILLAGES] + [v.commune for v in data.VILLAGES]
    names += [t.title for t in pages_en.VILLAGES.values()]
    names += [p.title for p in data.all_products()]
    return {word.lower() for name in names for word in WORD.findall(name)}


def vietnamese_words(html, names=None):
    """(visible words, the Vietnamese ones among them that are not names)."""
    names = name_words() if names is None else names
    words = visible_words(html)
    return words, [w for w in words if VIETNAMESE_LETTERS.search(w) and w.lower() not in names]
