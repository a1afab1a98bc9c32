"""The Permissions-Policy header: which browser features the site's pages may use.

Django 5.2 has no setting for it, so this middleware writes ``PERMISSIONS_POLICY``
(feature → list of allowed origins, ``"self"`` for the site, empty for nobody) on every
response that does not already carry one.
"""

from django.conf import settings


def header_value(policy):
    def allowlist(origins):
        return " ".join(o if o == "self" or o == "*" else f'"{o}"' for o in origins)

    return ", ".join(f"{feature}=({allowlist(origins)})" for feature, origins in policy.items())


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        value = header_value(settings.PERMISSIONS_POLICY)
        if value:
            response.headers.setdefault("Permissions-Policy", value)
        return response
