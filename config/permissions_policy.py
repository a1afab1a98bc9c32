"""The Permissions-Policy header: which browser features the site's pages may use.

Django 5.2 has no setting for it, so this middleware writes ``PERMISSIONS_POLICY``
(feature → list of allowed origins, ``"self"`` for the site, empty for nobody) on every
response that does not already carry one; a view that needs more (the camera of the
seller area's ticket scanner) says so with :func:`allow_features`.
"""

from functools import wraps

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


def allow_features(**features):
    """A view decorator: its responses allow ``features`` on top of the site's policy, e.g.
    ``allow_features(camera=["self"])`` for the ticket scanner, the one page that films.
    Feature names are written with ``_`` for ``-``."""
    allowed = {name.replace("_", "-"): origins for name, origins in features.items()}

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            policy = {**settings.PERMISSIONS_POLICY, **allowed}
            response.headers["Permissions-Policy"] = header_value(policy)
            return response

        return wrapped

    return decorator
