"""Wagtail's reports are the officers' alone.

The site history, workflow and aging-pages reports list every page's title, state and
editors. Producers reach the Wagtail admin only to edit their own profile and stories, so
another producer's unpublished page title or editor must not show through a report. These
URL patterns sit in front of Wagtail's own (``config/urls.py``), with the same paths: every
link Wagtail builds still points here, and only officers get through. (The Reports menu is
hidden from the others in ``cms/wagtail_hooks.py``; this module is imported by the URL
configuration only, since importing Wagtail's admin URLs from a hooks file would build them
before every app's hooks are registered.)
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.urls import path, reverse
from wagtail.admin.auth import permission_denied
from wagtail.admin.urls import reports

from catalogue.roles import is_officer


def officers_only(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        if not is_officer(request.user):
            return permission_denied(request)
        return view(request, *args, **kwargs)

    return guarded


urlpatterns = [
    path(str(pattern.pattern), officers_only(pattern.callback)) for pattern in reports.urlpatterns
]
