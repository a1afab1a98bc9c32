"""Oscar's search app, forked so that its URL (/cua-hang/search/) serves the catalogue's
own search, which needs no search server (see catalogue.search and docs/search.md)."""

from django.urls import path
from oscar.apps.search import apps
from oscar.core.loading import get_class


class SearchConfig(apps.SearchConfig):
    name = "search"

    def ready(self):
        super().ready()
        self.search_view = get_class("catalogue.views", "ProductSearchView")
        self.suggest_view = get_class("catalogue.views", "SearchSuggestionsView")

    def get_urls(self):
        urls = [
            path("", self.search_view.as_view(), name="search"),
            path("goi-y/", self.suggest_view.as_view(), name="suggest"),
        ]
        return self.post_process_urls(urls)
