"""Root URLs. Vietnamese at /, English under /en/; Wagtail's catch-all comes last.

Shop paths are stable: /cua-hang/ (Oscar: catalogue, search, basket, checkout, account and
its dashboard at /cua-hang/dashboard/), /nguoi-ban/ (the producers' seller area and the
officers' pages), /cms/ (Wagtail admin), /payments/ (Stripe's webhook, no language prefix).
"""

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.db import connection
from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.http import require_POST
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views import account as wagtail_account
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views
from cms.jsi18n import admin_javascript_catalogue
from pagecache import views as pagecache_views


def healthz(request):
    """Health check for the proxy and the orchestrator: "ok" once the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    # The CSRF cookie for the forms of cached pages (static/js/site.js).
    path("csrf.js", pagecache_views.csrf_cookie, name="csrf_cookie"),
    path("django-admin/", admin.site.urls),
    # Wagtail's logout refuses a GET but still deletes the session cookie while refusing
    # it, so any site could sign editors out: a GET must not reach it at all.
    path("cms/logout/", require_POST(wagtail_account.LogoutView.as_view())),
    # Wagtail's reports, officers only (cms.admin_reports), in front of the same paths.
    path("cms/reports/", include("cms.admin_reports")),
    # Wagtail's script translations with the project's Vietnamese over them (cms/jsi18n.py).
    path("cms/jsi18n/", admin_javascript_catalogue, name="wagtailadmin_javascript_catalog"),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("payments/", include("payments.urls")),  # Stripe webhook: no language prefix
    path("robots.txt", cms_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", cms_views.sitemap, name="sitemap"),
]

urlpatterns += i18n_patterns(
    # Booking experiences and the tourist's tickets (the experience page is the product's).
    path("cua-hang/trai-nghiem/", include("experiences.urls")),
    path("cua-hang/", include(apps.get_app_config("oscar").urls[0])),
    # The shopper's VietQR page (payments/providers/vietqr.py).
    path("cua-hang/chuyen-khoan/", include("payments.providers.vietqr_views")),
    path("nguoi-ban/", include("seller.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    # Uploaded media with safe headers (uploads.serving); production uses nginx or S3.
    from uploads.serving import media_urlpatterns

    urlpatterns += media_urlpatterns()
