"""sitemap.xml: every published public page and every public product, in both languages.

Drafts, private pages and the product stories (whose URL redirects to the product) are
left out; each URL lists its other-language twin as an alternate. URLs are given on the
host the sitemap was asked on, like the canonical links of the pages.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class RequestHostMixin:
    def get_domain(self, site=None):
        return self.request.get_host()


class PageSitemap(RequestHostMixin, WagtailSitemap):
    """Wagtail's page sitemap, each page once per language."""

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list.iterator():
            if not item.get_sitemap_urls(self.request):
                continue
            lastmod = item.last_published_at or item.latest_revision_created_at
            alternates = []
            for code in LANGUAGE_CODES:
                with translation.override(code):
                    location = f"{protocol}://{domain}{item.get_url(self.request)}"
                alternates.append({"lang_code": code, "location": location})
            for alternate in alternates:
                urls.append(
                    {
                        "item": item,
                        "location": alternate["location"],
                        "lastmod": lastmod,
                        "alternates": alternates,
                    }
                )
        return urls


class ProductSitemap(RequestHostMixin, WagtailSitemap):
    """The shop's public products: their page is the canonical URL of the product."""

    i18n = True
    alternates = True
    languages = LANGUAGE_CODES
    _urls = DjangoSitemap._urls

    def items(self):
        from catalogue.browse import offered_products

        return offered_products().order_by("pk").only("pk", "slug", "date_updated")

    def lastmod(self, product):
        return product.date_updated

    def location(self, product):
        return product.get_absolute_url()
