"""Pages in the site search: producers, villages, news and content pages, and the
experiences one can book (found also by their village and meeting point).

Matched like products (``catalogue.search``): the query and the page's words are folded
(lowercase, no diacritics, "đ" as "d") and every word typed must occur. The candidate
pages are few (a city's producers, villages and news), so their words are folded here
rather than stored; past a few thousand pages a stored folded column, as products have,
would take over.
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


def page_results(query, limit=RESULT_LIMIT):
    """Live public pages whose folded words hold every folded word of the query;
    titles matching first. One query per page kind, private sections left out inside it."""
    words = tokens(query)
    if not words:
        return []
    found = []
    for model, kind in _kinds():
        pages = in_active_locale(public(model.objects.live()))
        if hasattr(model, "partner"):
            pages = pages.select_related("partner")
        for page in pages.defer_streamfields():
            if matches(_text(page), expand(words)):
                rank = 0 if matches(words_of(page.title), expand(words)) else 1
                summary = next(
                    (strip_tags(getattr(page, n)) for n in SEARCHED_FIELDS if getattr(page, n, "")),
                    "",
                )
                found.append((rank, page.title, PageResult(page.title, page.url, kind, summary)))
    found += _experience_results(words)
    found.sort(key=lambda item: (item[0], words_of(item[1])))
    return [result for _rank, _title, result in found[:limit]]


def _experience_results(words):
    """Experiences whose title, village, kind or meeting point hold every word: the
    product list finds them by title alone. The same few queries as the villages index."""
    from experiences import search

    found = []
    for card in search.find():
        village = card.village.title if card.village else ""
        text = words_of(" ".join([card.title, village, card.kind, card.meeting_point]))
        if all(word in text for word in words):
            rank = 0 if all(word in words_of(card.title) for word in words) else 1
            summary = " · ".join(part for part in (village, card.kind, card.duration) if part)
            found.append(
                (rank, card.title, PageResult(card.title, card.url, _("Trải nghiệm"), summary))
            )
    return found
