"""The catalogue's pages: browsing (index and group pages), search, suggestions and the
product page. Oscar loads these through get_class because the catalogue is forked."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from oscar.apps.catalogue import views as oscar_views
from oscar.core.loading import get_model

import params
import places
from pagecache import tags as page_tags
from pagecache.fragments import cached_value, lazy_items
from pagecache.middleware import mark_public

from . import availability, browse, search
from .reference import EXPERIENCE

# What an experience's page reads from the query (experiences.views.page_context).
EXPERIENCE_PARAMETERS = {"ngay", "thang", "slot", "adults", "children", "private_group", "language"}

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


class CatalogueView(TemplateView):
    """The listing: filters with counts, sort order and pages, all held in the URL."""

    template_name = "oscar/catalogue/browse.html"
    paginate_by = None  # OSCAR_PRODUCTS_PER_PAGE
    category = None

    def get_paginate_by(self):
        return self.paginate_by or settings.OSCAR_PRODUCTS_PER_PAGE

    def get(self, request, *args, **kwargs):
        if not hasattr(self, "catalogue"):
            self.catalogue = browse.Catalogue()
        self.state = self.catalogue.parse(request.GET, category=self.get_category())
        if not self.state.ignored:
            mark_public(request, browse.PARAMETERS)
        canonical = self.canonical_redirect()
        if canonical:
            return canonical
        self.notices = []
        if self.state.ignored:
            self.notices.append(_("Một số bộ lọc trong đường dẫn không hợp lệ nên đã được bỏ qua."))
        return super().get(request, *args, **kwargs)

    def get_category(self):
        return None

    def canonical_redirect(self):
        """A group chosen by parameter has its own page: send the shopper there."""
        if self.state.group and not self.state.q and self.category is None:
            return HttpResponseRedirect(self.catalogue.url(self.state))
        return None

    # What the listing's parts show (templates/oscar/catalogue/browse.html): computed
    # together, and only when a part is not in the cache (pagecache.fragments).
    LISTED = [
        "state",
        "facets",
        "facet_by_name",
        "products",
        "page_obj",
        "paginator",
        "page_links",
        "sort_options",
        "active_filters",
        "clear_url",
        "notices",
    ]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        state, catalogue = self.state, self.catalogue
        group = catalogue.group(state)
        ctx.update(lazy_items(self.listed, self.LISTED))
        ctx.update(
            # What the parts vary on: the listing's own address, page and sort included.
            listing_key=f"{self.request.path}|{catalogue.url(state)}",
            group=group,
            summary=self.get_summary(state, group),
            search_query=state.q,
            form_action=self.request.path,
        )
        return ctx

    def listed(self):
        state, catalogue = self.state, self.catalogue
        on = browse.today()
        counts = browse.cached(
            "counts", state, on, lambda: browse.facet_counts(state, catalogue, on)
        )
        per_page = self.get_paginate_by()
        paginator = Paginator(browse.sorted_ids(None, state, catalogue, on), per_page)
        paginator.count = counts["total"]
        number = state.page
        if number > paginator.num_pages:
            if state.page > 1:
                self.notices.append(
                    _("Trang %(asked)s không có; đây là trang cuối (trang %(last)s).")
                    % {"asked": state.page, "last": paginator.num_pages},
                )
            number = paginator.num_pages
        page = paginator.page(number)
        ids = browse.cached(
            "page",
            state,
            on,
            lambda: list(page.object_list),
            state.effective_sort,
            number,
            per_page,
        )
        products = browse.products_for_listing(ids)
        state = state.with_page(number)
        facets = browse.build_facets(state, catalogue, counts)
        return {
            "state": state,
            "facets": facets,
            "facet_by_name": {f.name: f for f in facets},
            "products": products,
            "page_obj": page,
            "paginator": paginator,
            "page_links": self.page_links(page, paginator),
            "sort_options": [
                {
                    "value": value,
                    "label": label,
                    "selected": value == state.effective_sort,
                    "url": catalogue.url(state.with_sort(value)),
                }
                for value, label in browse.SORTS.items()
                if value != browse.RELEVANCE or state.words
            ],
            "active_filters": self.active_filters(state, facets),
            "clear_url": catalogue.url(state.cleared()),
            "notices": self.notices,
        }

    def get_summary(self, state, group):
        if state.q:
            return _("Kết quả tìm kiếm cho “%(q)s”") % {"q": state.q}
        if group is not None:
            return group.display_name
        return _("Sản phẩm OCOP")

    def page_links(self, page, paginator):
        url = self.catalogue.url
        state = self.state
        numbers = sorted(
            {1, paginator.num_pages}
            | set(range(max(1, page.number - 2), min(paginator.num_pages, page.number + 2) + 1))
        )
        links, previous = [], 0
        for number in numbers:
            if number - previous > 1:
                links.append({"gap": True})
            links.append(
                {
                    "number": number,
                    "url": url(state.with_page(number)),
                    "current": number == page.number,
                }
            )
            previous = number
        return {
            "pages": links,
            "previous": url(state.with_page(page.number - 1)) if page.has_previous() else None,
            "next": url(state.with_page(page.number + 1)) if page.has_next() else None,
        }

    def active_filters(self, state, facets):
        chips = []
        for facet in facets:
            options = [o for option in facet.options for o in [option, *option.children]]
            for option in options:
                if option.selected:
                    chips.append({"label": option.label, "url": option.url})
        return chips


class ProductCategoryView(CatalogueView):
    """A product group's page: the listing with that group (and its subgroups) chosen."""

    def get_category(self):
        return self.category

    def get(self, request, *args, **kwargs):
        # The browsable groups are read once per request; the group comes from them.
        self.catalogue = browse.Catalogue()
        self.category = next(
            (c for c in self.catalogue.categories if c.pk == int(kwargs["pk"])), None
        )
        if self.category is None:
            raise Http404(_("Không có nhóm sản phẩm này."))
        expected = self.catalogue.category_url(self.category)
        if request.path != expected:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(f"{expected}?{query}" if query else expected)
        return super().get(request, *args, **kwargs)


class ProductSearchView(CatalogueView):
    """Search results: the listing narrowed to the words typed, best matches first."""

    def get_summary(self, state, group):
        if not state.q:
            return _("Tìm kiếm sản phẩm")
        return super().get_summary(state, group)


class SearchSuggestionsView(View):
    """Up to eight products for the words typed so far, as JSON for the search box."""

    def get(self, request):
        query = search.clean_query(params.text(request.GET, "q", max_length=browse.MAX_QUERY_TEXT))
        products = search.suggestions(browse.offered_products(), query)
        return JsonResponse(
            {
                "query": query,
                "results": [
                    {"title": p.display_title, "url": p.get_absolute_url()} for p in products
                ],
                "all_url": f"{reverse('search:search')}?{urlencode({'q': query})}",
            }
        )


def _producer(product):
    records = product.stockrecords.all()
    return records[0].partner if records else None


class ProductDetailView(oscar_views.ProductDetailView):
    """The product page, with its OCOP certificate and its producer."""

    def get(self, request, *args, **kwargs):
        mark_public(request, EXPERIENCE_PARAMETERS)
        return super().get(request, *args, **kwargs)

    def send_signal(self, request, response, product):
        # Oscar's product_viewed counts the view (an UPDATE on every GET) and keeps the
        # recently viewed products in a cookie: neither is shown on this site, and either
        # would keep the page out of the page cache. Views are counted from the logs.
        pass

    def get_object(self, queryset=None):
        """The product with its rating, photos and stock records, kept in the shared cache
        under its own tag and the catalogue's (``pagecache.fragments.cached_value``): any
        change of price, stock, certificate or photo reads it again."""
        if hasattr(self, "object"):
            return self.object
        pk = self.kwargs["pk"]
        return cached_value(
            f"product-page:{pk}", [page_tags.CATALOGUE, page_tags.product(pk)], self.read_object
        )

    def read_object(self):
        return get_object_or_404(
            availability.annotate_last_certificate(Product.objects.with_rating())
            .select_related("product_class", "parent")
            .prefetch_related(
                "images",
                Prefetch(
                    "stockrecords",
                    queryset=StockRecord.objects.select_related("partner").order_by("price"),
                ),
            ),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        product = self.object
        # Lazy: the parts of the page that show them are usually drawn from the cache
        # (templates/oscar/catalogue/detail.html), and then none of them is read.
        certificate = SimpleLazyObject(
            lambda: product.current_certificate if product.ocop_stars else None
        )
        producer = SimpleLazyObject(lambda: _producer(product))
        ctx.update(
            certificate=certificate,
            lapse=SimpleLazyObject(
                lambda: None if certificate else availability.lapse_for(product)
            ),
            producer=producer,
            producer_commune=SimpleLazyObject(
                lambda: places.ward_name(producer.commune_code) if producer else ""
            ),
            product_group=SimpleLazyObject(lambda: product.get_categories().first()),
        )
        if product.get_product_class().slug == EXPERIENCE["slug"]:
            # detail-for-class-trai-nghiem.html: the calendar and booking form.
            from experiences.views import page_context

            ctx.update(page_context(self.request, product))
        return ctx
