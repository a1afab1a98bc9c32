"""Pages in the visitor's language.

The site has one page tree per language (Wagtail's localisation, edited with
wagtail-localize): Vietnamese is the source tree at ``/``, its English translation a
sibling tree at ``/en/`` with English slugs. Every listing asks here for its pages so
that a visitor sees the pages of the active language, and the Vietnamese page where no
translation exists yet (never a gap in a list). ``route_in_other_trees`` lets an old or
other-language path under a prefix find its page, which ``redirect_to_translation``
then sends to the page's translation in the language of the prefix.
"""

from django.conf import settings
from django.db.models import Q, Subquery
from django.db.models.functions import Substr
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

# treebeard's materialised path: each level adds this many characters.
STEPLEN = Page.steplen


def active_language():
    """The content language of the request being served (``vi`` or ``en``)."""
    try:
        return get_supported_content_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return source_language()


def source_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def in_active_locale(queryset, language=None):
    """The pages of ``queryset`` in the active language, each other page only where it
    is Vietnamese and has no translation in the active language among ``queryset``.

    One query, whatever the number of pages: the translated keys are a subquery."""
    language = language or active_language()
    source = source_language()
    if language == source:
        return queryset.filter(locale__language_code=source)
    translated = queryset.filter(locale__language_code=language).values("translation_key")
    return queryset.filter(
        Q(locale__language_code=language)
        | (Q(locale__language_code=source) & ~Q(translation_key__in=Subquery(translated)))
    )


def children_in_locale(model, index, language=None):
    """Live children of ``index`` or of any of its translations, in the active language
    (with the Vietnamese fallback): what a listing page shows. No extra query for the
    translations of ``index``: their paths are matched in the same SQL."""
    parent_paths = Page.objects.filter(translation_key=index.translation_key).values("path")
    children = (
        model.objects.annotate(parent_path=Substr("path", 1, index.depth * STEPLEN))
        .filter(depth=index.depth + 1, parent_path__in=Subquery(parent_paths))
        .live()
    )
    return in_active_locale(children, language)


def translation_urls(page, request=None):
    """``{language: url}`` of the live translations of ``page`` (itself included).

    One query, kept on the page for the rest of the request: the hreflang links and the
    language switch both ask."""
    cached = getattr(page, "_translation_urls", None)
    if cached is not None:
        return cached
    # The home pages from the site lookup (cms.site_lookup) already know each other.
    translations = getattr(page, "translations_by_language", None)
    if translations is not None:
        translations = translations.values()
    else:
        translations = page.get_translations(inclusive=True).live().select_related("locale")
    urls = {}
    for translation in translations:
        url = translation.get_url(request)
        if url:
            urls[translation.locale.language_code] = url
    page._translation_urls = urls
    return urls


def route_in_other_trees(home, request, path_components):
    """Route ``path_components`` in the other languages' home pages; ``None`` if no tree
    has that path. Marks the request so that ``redirect_to_translation`` answers it."""
    for other in home.get_translations().live().specific():
        try:
            # Page.route, not the home page's own: it would come back here.
            result = Page.route(other, request, path_components)
        except Http404:
            continue
        request.routed_from_other_locale = True
        return result
    return None


def redirect_to_translation(page, request):
    """A permanent redirect to the translation of ``page`` in the active language, when
    the path that reached it belongs to another language's tree; ``None`` otherwise
    (then the page itself is shown, in the interface language of the prefix)."""
    if not getattr(request, "routed_from_other_locale", False):
        return None
    language = active_language()
    translation = (
        page.get_translations()
        .live()
        .filter(locale__language_code=language)
        .exclude(pk=page.pk)
        .first()
    )
    if translation is None:
        return None
    url = translation.get_url(request)
    if not url:
        return None
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
