"""Pages in the site search: producers, villages, news and content pages, and the
experiences one can book (found also by their village and meeting point).

Matched like products (``catalogue.search``): the query and the page's words are folded
(lowercase, no diacritics, "đ" as "d") and every word typed must occur. The candidate
pages are few (a city's producers, villages and news), so their words are folded here
and kept in each process's memory (``documents``) in two parts: the pages until the
site or a producer changes (prices change all day, and no page shows one); the
experiences, with their villages, until the site or the catalogue changes. Past a few
thousand pages a stored folded column, as products have, would take over.
"""

from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from catalogue.search import tokens, words_of
from catalogue.synonyms import expand, matches

from .locales import in_active_locale
from .visibility import public

RESULT_LIMIT = 6
# Each kind's extra fields that hold words worth finding, besides the title.
SEARCHED_FIELDS = ("summary", "intro", "search_description")


@dataclass
class PageResult:
    title: str
    url: str
    kind: str
    summary: str


def _kinds():
    from profiles.models import ProducerPage
    from villages.models import VillagePage

    from .models import NewsPage, StandardPage

    return (
        (ProducerPage, _("Chủ thể OCOP")),
        (VillagePage, _("Làng du lịch")),
        (NewsPage, _("Tin tức")),
        (StandardPage, _("Trang thông tin")),
    )


def _text(page):
    parts = [page.title]
    parts += [str(getattr(page, name, "") or "") for name in SEARCHED_FIELDS]
    partner = getattr(page, "partner", None)
    if partner is not None:
        parts += [partner.name, partner.commune_name]
    commune = getattr(page, "commune_name", "")
    if commune:
        parts.append(commune)
    return words_of(strip_tags(" ".join(parts)))


@dataclass
class Document:
    """A page or experience as the search reads it: its folded words and its result."""

    words: str
    title_words: str
    result: PageResult
    # Pages match synonyms too; experiences, found beside the product list, the words typed.
    synonyms: bool = True

    def rank(self, words, terms):
        """0 when the title holds the query, 1 when the rest does, None otherwise."""
        if self.synonyms:
            if not matches(self.words, terms):
                return None
            return 0 if matches(self.title_words, terms) else 1
        if not all(word in self.words for word in words):
            return None
        return 0 if all(word in self.title_words for word in words) else 1


def page_results(query, limit=RESULT_LIMIT):
    """Live public pages whose folded words hold every folded word of the query;
    titles matching first."""
    words = tokens(query)
    if not words:
        return []
    terms = expand(words)
    found = []
    for document in documents():
        rank = document.rank(words, terms)
        if rank is not None:
            found.append((rank, document.title_words, document.result))
    found.sort(key=lambda item: item[:2])
    return [result for _rank, _title, result in found[:limit]]


def documents():
    """Every page and experience the search can find, in the active language: read and
    folded once per change of what they show (and per day), not per search, and kept
    in each process's memory as an index (``kept_index``)."""
    from pagecache import tags
    from pagecache.fragments import kept_index

    pages = kept_index("site-search-pages", (tags.SITE, tags.PRODUCERS), _page_documents)
    experiences = kept_index(
        "site-search-experiences", (tags.SITE, tags.CATALOGUE), _experience_documents
    )
    return pages + experiences


def _page_documents():
    """One query per page kind, private sections left out inside it."""
    found = []
    for model, kind in _kinds():
        pages = in_active_locale(public(model.objects.live()))
        if hasattr(model, "partner"):
            pages = pages.select_related("partner")
        for page in pages.defer_streamfields():
            summary = next(
                (strip_tags(getattr(page, n)) for n in SEARCHED_FIELDS if getattr(page, n, "")),
                "",
            )
            result = PageResult(page.title, page.url, str(kind), summary)
            found.append(Document(_text(page), words_of(page.title), result))
    return found


def _experience_documents():
    """Experiences by title, village, kind or meeting point: the product list finds them
    by title alone. The same few queries as the villages index."""
    from experiences import search

    found = []
    for card in search.find():
        village = card.village.title if card.village else ""
        summary = " · ".join(part for part in (village, card.kind, card.duration) if part)
        result = PageResult(card.title, card.url, str(_("Trải nghiệm")), str(summary))
        text = words_of(" ".join([card.title, village, card.kind, card.meeting_point]))
        found.append(Document(text, words_of(card.title), result, synonyms=False))
    return found
