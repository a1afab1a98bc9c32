"""Wagtail admin's JavaScript catalogue, with the project's own `djangojs` catalogues
(locale/<lang>/LC_MESSAGES/djangojs.po) laid over Wagtail's.

Wagtail's scripts (the sidebar, the page editor) read their words from this catalogue,
and its Vietnamese one is mostly empty; Django's catalogue view only reads the packages
it is given, never LOCALE_PATHS, so the project's translations are added here, last, so
they win.
"""

from django.conf import settings
from django.views.i18n import JavaScriptCatalog
from wagtail.admin.localization import get_localized_response


class AdminJavaScriptCatalog(JavaScriptCatalog):
    def get_paths(self, packages):
        return [*super().get_paths(packages), *map(str, settings.LOCALE_PATHS)]


catalogue = AdminJavaScriptCatalog.as_view(packages=["wagtail.admin"])


def admin_javascript_catalogue(request, *args, **kwargs):
    """In the editor's language, as Wagtail's own view (wagtail.admin.views.i18n)."""
    return get_localized_response(catalogue, request, *args, **kwargs)
