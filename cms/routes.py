"""Which page a path leads to, from the shared cache.

Wagtail finds a page by walking the tree from the home page, one query per level and
one more for each specific page on the way (``Page.route``): four or five queries for a
village. Then it asks for the view restrictions of the page and its ancestors (two
queries), and the language switch for the page's translations (one more). All of these
change only when pages are published, moved, unpublished or made private, which touches
the ``site`` tag (``pagecache.tags``). So the routed page itself, whether any view
restriction applies to it and the URLs of its translations are kept together under the
tag's version (read in the same round trip as the entry): a path seen before costs no
query until the site changes.
"""

from django.core.cache import cache
from wagtail.models import PageViewRestriction
from wagtail.url_routing import RouteResult

from pagecache import tags

# Bounded so a crawler's paths do not pile up; an entry is replaced on any change.
SECONDS = 24 * 3600


def _keys(home, path_components):
    return f"cms:route:2:{home.pk}:{'/'.join(path_components)}", tags.KEY_PREFIX + tags.SITE


def cached(home, request, path_components):
    """The RouteResult of ``path_components`` under ``home`` if the cache knows it."""
    key, tag_key = _keys(home, path_components)
    found = cache.get_many([key, tag_key])
    entry, version = found.get(key), found.get(tag_key)
    if entry is None or version is None or entry["version"] != version:
        return None
    page = entry["page"]
    # Read by cms.locales.translation_urls and Wagtail's privacy check (on_serve_page).
    page._translation_urls = entry["translation_urls"]
    if not entry["restricted"]:
        known_public(page)
    if entry["other_locale"]:
        request.routed_from_other_locale = True
    return RouteResult(page)


def known_public(page):
    """Answer Wagtail's privacy check (``on_serve_page``) for ``page`` without a query:
    its cache entry found no view restriction on it or its ancestors, and is read only
    while the ``site`` tag, which any new restriction touches, is unchanged."""
    page.get_view_restrictions = PageViewRestriction.objects.none


def home_is_public(home):
    """Whether no view restriction applies to ``home`` (a site's root in one language),
    kept like a route under the ``site`` tag's version: the home page is served without
    routing, so it has no route entry to hold the answer."""
    key, tag_key = f"cms:public:{home.pk}", tags.KEY_PREFIX + tags.SITE
    found = cache.get_many([key, tag_key])
    entry, version = found.get(key), found.get(tag_key)
    if entry is not None and version is not None and entry["version"] == version:
        return entry["public"]
    version = version if version is not None else tags.versions([tags.SITE])[tags.SITE]
    public = not home.get_view_restrictions().exists()
    cache.set(key, {"version": version, "public": public}, SECONDS)
    return public


def remember(home, request, path_components, result, version):
    """Keep a result found by plain slug routing (a page reached by each of its slugs,
    nothing left for the page's own routes) under the version read before routing."""
    from .locales import translation_urls

    page, args, kwargs = result
    if args or kwargs or page.depth != home.depth + len(path_components) or version is None:
        return
    key, _tag_key = _keys(home, path_components)
    entry = {
        "version": version,
        "page": page,
        "restricted": page.get_view_restrictions().exists(),
        "translation_urls": translation_urls(page, request),
        "other_locale": getattr(request, "routed_from_other_locale", False),
    }
    cache.set(key, entry, SECONDS)


def version():
    """The ``site`` tag's version, to be read before routing."""
    return tags.versions([tags.SITE])[tags.SITE]
