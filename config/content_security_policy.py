"""The Content-Security-Policy header: django-csp's middleware, plus what moves at run time.

The policy itself is ``CONTENT_SECURITY_POLICY`` in the settings. Two parts cannot be
fixed when the settings load, so they are added per response here:

- Stripe.js is allowed from the origin of ``STRIPE_JS_URL`` as it is *now*: Stripe's own
  in production, a localstripe started for the test session in tests and local runs.
- The Wagtail admin (``/cms/``) gets the exemption its own pages need, the directives of
  ``CMS_CSP_REPLACE`` (why: see the settings); the shop and the seller area never get it.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings

# Stripe's published policy for Stripe.js and its Elements (docs.stripe.com/security/guide,
# "Content Security Policy"): the script, the frames it draws card fields and 3-D Secure
# challenges in, and the API it calls. Address autocomplete (maps.googleapis.com) is not
# used by the card form, so it is not allowed.
STRIPE_SOURCES = {
    "script-src": ["https://js.stripe.com", "https://*.js.stripe.com"],
    "frame-src": ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
    "connect-src": ["https://api.stripe.com"],
}


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def stripe_sources(js_url):
    """Sources Stripe.js needs when loaded from ``js_url``.

    Stripe itself: its published list. Any other origin (localstripe) serves the script,
    its card frames and its API from that one origin.
    """
    js_origin = origin(js_url)
    if not js_origin:
        return {}
    if js_origin == "https://js.stripe.com":
        return STRIPE_SOURCES
    return {"script-src": [js_origin], "frame-src": [js_origin], "connect-src": [js_origin]}


def merged(*updates):
    result = {}
    for update in updates:
        for directive, sources in (update or {}).items():
            result.setdefault(directive, [])
            result[directive] += [s for s in sources if s not in result[directive]]
    return result


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        parts.update = merged(stripe_sources(settings.STRIPE_JS_URL), parts.update)
        if request.path_info.startswith(settings.CMS_CSP_PATH):
            parts.replace = {**settings.CMS_CSP_REPLACE, **(parts.replace or {})}
        return parts
