"""Anonymous public pages served from a cache shared by every app process.

Outermost middleware: a hit skips everything else, including the database. Only GET and
HEAD requests of visitors who carry nothing personal (no session, basket or messages
cookie) are served or stored, and only pages a view marked public (``mark_public``) whose
response sets no cookie: a page that rendered a CSRF token, a message or anything else
about the visitor sets one, so it is never stored. Public forms send the CSRF cookie's value,
asked for once per visitor by a script (``{% csrf_on_use %}``, static/js/site.js).

The key holds the language, scheme, host, full path and the day (OCOP stars change at
midnight); freshness is decided by ``pagecache.tags``. The stored page keeps the final
headers, and each hit gets a fresh Content-Security-Policy nonce in header and body.

Each process also keeps the pages it served last (``LocalPages``): a hit on one of them
reads only the token of the last change anywhere (``tags.last_change``): one key, not
the page's hundred kilobytes nor its dozens of tags. While the token is the one under
which this process last found the page fresh, nothing changed since; when it moved, the
page's tags are read, and it is served only while they say it is fresh, as a page from
the shared cache is.
"""

import base64
import hashlib
import os
import re
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language_from_path

from . import tags

NONCE = re.compile(r"'nonce-([^']+)'")
CSP_HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")
HEADER = "X-Page-Cache"


def mark_public(request, params=()):
    """Let the page cache keep this request's page (when nothing personal is in it) if
    its query holds only ``params``, the ones the view reads: other parameters would
    only multiply the copies of one page."""
    request.page_cache_params = frozenset(params)


def personal_cookies():
    return {
        settings.SESSION_COOKIE_NAME,
        settings.OSCAR_BASKET_COOKIE_OPEN,
        CookieStorage.cookie_name,
    }


def _anonymous(request):
    return not (personal_cookies() & request.COOKIES.keys()) and (
        "HTTP_AUTHORIZATION" not in request.META
    )


def _language(request):
    return get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def page_key(request):
    where = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(where.encode()).hexdigest()
    return f"pagecache:page:{_language(request)}:{timezone.localdate().isoformat()}:{digest}"


def _storable(request, response):
    control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and hasattr(request, "page_cache_params")
        and request.GET.keys() <= request.page_cache_params
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in control for word in ("private", "no-store", "no-cache"))
        and response.get("Content-Language", _language(request)) == _language(request)
        and response.get("Content-Type", "").startswith("text/html")
    )


def _entry(response, rendered_at, shown):
    headers = list(response.headers.items())
    nonce = None
    for name, value in headers:
        if name in CSP_HEADERS and (found := NONCE.search(value)):
            nonce = found.group(1)
    return {
        "rendered_at": rendered_at,
        "tags": sorted(shown | {tags.SITE, tags.CATALOGUE}),
        "headers": [(n, v) for n, v in headers if n != "Content-Length"],
        "content": response.content,
        "nonce": nonce,
    }


def _replay(entry):
    content, headers = entry["content"], entry["headers"]
    old = entry["nonce"]
    if old:
        # The same length and alphabet as django-csp's nonces.
        new = base64.b64encode(os.urandom(16)).decode()
        content = content.replace(old.encode(), new.encode())
        headers = [(n, v.replace(old, new) if n in CSP_HEADERS else v) for n, v in headers]
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    response[HEADER] = "hit"
    return response


class LocalPages:
    """The pages this process served last, up to ``budget`` bytes of HTML (oldest use
    out first), each until the shared cache's copy would expire, with the change token
    under which it was last found fresh (``found_fresh``)."""

    def __init__(self, budget):
        self.budget = budget
        self.size = 0
        self.pages = OrderedDict()  # key: [entry, expires at, token it was fresh under]
        self.lock = threading.Lock()

    def get(self, key):
        """(entry, token it was last found fresh under, or None), or None."""
        with self.lock:
            found = self.pages.get(key)
            if found is None:
                return None
            entry, expires, token = found
            if expires <= time.time():
                self._drop(key)
                return None
            self.pages.move_to_end(key)
            return entry, token

    def put(self, key, entry, seconds):
        size = len(entry["content"])
        if size > self.budget:
            return
        with self.lock:
            if key in self.pages:
                self._drop(key)
            self.pages[key] = [entry, time.time() + seconds, None]
            self.size += size
            while self.size > self.budget:
                self._drop(next(iter(self.pages)))

    def found_fresh(self, key, entry, token):
        """``entry`` was fresh under ``token``; nothing if another thread has put a newer
        copy meanwhile, which was not checked."""
        with self.lock:
            found = self.pages.get(key)
            if found is not None and found[0] is entry:
                found[2] = token

    def _drop(self, key):
        entry, _expires, _token = self.pages.pop(key)
        self.size -= len(entry["content"])


# 16 MB of HTML a process: the hundred or so pages most visited.
local_pages = LocalPages(16 * 1024 * 1024)


def _still_fresh(key, entry, fresh_under):
    token = tags.last_change()  # before the tags: a change after it moves it
    if token is not None and token == fresh_under:
        return True
    if tags.fresh(entry["tags"], entry["rendered_at"]):
        local_pages.found_fresh(key, entry, token)
        return True
    return False


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with tags.reading():
            return self._respond(request)

    def _respond(self, request):
        seconds = settings.OCOP_PAGE_CACHE_SECONDS
        if not seconds or request.method not in ("GET", "HEAD") or not _anonymous(request):
            return self.get_response(request)
        try:
            key = page_key(request)
        except DisallowedHost:
            return self.get_response(request)  # Django answers it (400)
        kept = local_pages.get(key)
        if kept is not None and _still_fresh(key, *kept):
            return _replay(kept[0])
        entry = cache.get(key)
        if entry is not None and tags.fresh(entry["tags"], entry["rendered_at"]):
            local_pages.put(key, entry, seconds)
            return _replay(entry)

        rendered_at = tags.rendering_starts()
        with tags.recording() as shown:
            response = self.get_response(request)
        if _storable(request, response):
            entry = _entry(response, rendered_at, shown)
            tags.remember(entry["tags"], rendered_at)
            cache.set(key, entry, seconds)
            local_pages.put(key, entry, seconds)
            response[HEADER] = "miss"
        return response
