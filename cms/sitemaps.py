"""sitemap.xml: every published public page and every public product, in both languages.

Drafts, private pages and the product stories (whose URL redirects to the product) are
left out; each URL lists its other-language twins as alternates: a page's translations
(cms.locales), a product's same path under the other prefix. URLs are given on the
host the sitemap was asked on, like the canonical links of the pages.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class RequestHostMixin:
    def get_domain(self, site=None):
        return self.request.get_host()


class PageSitemap(RequestHostMixin, WagtailSitemap):
    """Wagtail's page sitemap over every language's tree: each page at its own URL,
    with its live translations (and the Vietnamese page as x-default) as alternates."""

    def items(self):
        from django.db.models import Q
        from wagtail.models import Page

        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        within = Q()
        for root in roots:
            within |= Page.objects.descendant_of_q(root, inclusive=True)
        return (
            Page.objects.filter(within)
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        from wagtail.models import Page

        items = [
            item
            for item in self.paginator.page(page).object_list
            if item.get_sitemap_urls(self.request)
        ]
        # The translations of the whole paginator page in one query.
        group = {}
        twins = (
            Page.objects.live()
            .public()
            .filter(translation_key__in={item.translation_key for item in items})
            .select_related("locale")
        )
        for twin in twins:
            url = twin.get_url(self.request)
            if url:
                group.setdefault(twin.translation_key, {})[twin.locale.language_code] = url
        urls = []
        for item in items:
            by_language = group.get(item.translation_key, {})
            alternates = [
                {"lang_code": code, "location": f"{protocol}://{domain}{by_language[code]}"}
                for code in LANGUAGE_CODES
                if code in by_language
            ]
            if settings.LANGUAGE_CODE in by_language:
                default = by_language[settings.LANGUAGE_CODE]
                alternates.append(
                    {"lang_code": "x-default", "location": f"{protocol}://{domain}{default}"}
                )
            urls.append(
                {
                    "item": item,
                    "location": f"{protocol}://{domain}{item.get_url(self.request)}",
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
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
