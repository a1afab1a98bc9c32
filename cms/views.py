"""robots.txt and sitemap.xml, at the site's root."""

from django.http import HttpResponse
from django.urls import reverse
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from .sitemaps import PageSitemap, ProductSitemap

# Private or per-visitor areas: nothing there for a search engine.
DISALLOWED = (
    "/cua-hang/basket/",
    "/cua-hang/checkout/",
    "/cua-hang/dashboard/",
    "/cms/",
    "/nguoi-ban/",
)
SITEMAPS = {"pages": PageSitemap, "products": ProductSitemap}


def robots_txt(request):
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {path}" for path in DISALLOWED]
    lines += [f"Disallow: /en{path}" for path in DISALLOWED if not path.startswith("/cms/")]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap(request):
    return wagtail_sitemap(request, sitemaps=SITEMAPS)
