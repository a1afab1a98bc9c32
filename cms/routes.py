"""Which page a path leads to, from the shared cache.

Wagtail finds a page by walking the tree from the home page, one query per level and
one more for each specific page on the way (``Page.route``): four or five queries for a
village. The path → page answer changes only when pages are published, moved or
unpublished, which touches the ``site`` tag (``pagecache.tags``), so it is kept under
the tag's version (read in the same round trip as the answer) and the page is then read
with one query.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from wagtail.url_routing import RouteResult

from pagecache import tags

# Bounded so a crawler's paths do not pile up; an entry is replaced on any change.
SECONDS = 24 * 3600


def _keys(home, path_components):
    return f"cms:route:{home.pk}:{'/'.join(path_components)}", tags.KEY_PREFIX + tags.SITE


def cached(home, request, path_components):
    """The RouteResult of ``path_components`` under ``home`` if the cache knows it."""
    key, tag_key = _keys(home, path_components)
    found = cache.get_many([key, tag_key])
    entry, version = found.get(key), found.get(tag_key)
    if entry is None or version is None or entry["version"] != version:
        return None
    model = ContentType.objects.get_for_id(entry["content_type"]).model_class()
    page = model.objects.live().filter(pk=entry["page"]).first()
    if page is None:
        return None
    if entry["other_locale"]:
        request.routed_from_other_locale = True
    return RouteResult(page)


def remember(home, request, path_components, result, version):
    """Keep a result found by plain slug routing (a page reached by each of its slugs,
    nothing left for the page's own routes) under the version read before routing."""
    page, args, kwargs = result
    if args or kwargs or page.depth != home.depth + len(path_components) or version is None:
        return
    key, _tag_key = _keys(home, path_components)
    entry = {
        "version": version,
        "page": page.pk,
        "content_type": page.content_type_id,
        "other_locale": getattr(request, "routed_from_other_locale", False),
    }
    cache.set(key, entry, SECONDS)


def version():
    """The ``site`` tag's version, to be read before routing."""
    return tags.versions([tags.SITE])[tags.SITE]
