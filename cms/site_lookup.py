"""The Wagtail site of a request and its settings, from the shared cache.

Wagtail finds a request's site with a query (``Site.find_for_request``) and its settings
with another (``SiteSettings.for_request``), on every request. Both change only when the
site tree or the settings are saved, which touches the ``site`` tag (``pagecache.tags``):
so they are kept under the host with that tag's version, which is read in the same cache
round trip as the entry, and put where Wagtail looks first (the request's
``_wagtail_site`` and the settings' attribute on the request).
"""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from wagtail.models import Site

from pagecache import tags

from .site_settings import SiteSettings

# Long enough to serve a day of requests from one entry; a change replaces it at once.
SECONDS = 24 * 3600


def _root_with_translations(root):
    """The site's home page as its specific class, knowing its live translations (each of
    them knowing the others, with what the home page's head reads: locale, hero image)."""
    root = root.specific
    if hasattr(root, "translations_by_language"):
        pages = (
            type(root)
            .objects.filter(translation_key=root.translation_key)
            .live()
            .select_related("locale", "hero_image")
        )
        known = {page.locale.language_code: page for page in pages}
        for page in [root, *known.values()]:
            page.translations_by_language = known
    return root


def attach(request):
    """Put the request's site and site settings on it, from the cache when current."""
    try:
        key = f"cms:site:3:{request.get_host()}:{request.get_port()}"
    except DisallowedHost:
        return  # Django answers 400; a host outside ALLOWED_HOSTS gets no cache entry
    tag_key = tags.KEY_PREFIX + tags.SITE
    found = cache.get_many([key, tag_key])
    entry, version = found.get(key), found.get(tag_key)
    tags.noted(tags.SITE, version)
    if version is None:
        version = tags.versions([tags.SITE])[tags.SITE]
    if entry is None or entry["version"] != version:
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page = _root_with_translations(site.root_page)
        entry = {
            "version": version,
            "site": site,
            "settings": SiteSettings.for_site(site) if site is not None else None,
        }
        cache.set(key, entry, SECONDS)
    request._wagtail_site = entry["site"]
    if entry["settings"] is not None:
        entry["settings"]._request = request
        setattr(request, SiteSettings.get_cache_attr_name(), entry["settings"])


class SiteLookupMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # Files are served without Wagtail: their requests need no site.
        self.files = tuple(p for p in (settings.MEDIA_URL, settings.STATIC_URL) if p)

    def __call__(self, request):
        if not request.path_info.startswith(self.files):
            attach(request)
        return self.get_response(request)
