"""A URLconf where the card's two links live elsewhere (test_links)."""

from django.http import HttpResponse
from django.urls import include, path


def view(request, **kwargs):
    return HttpResponse()


catalogue = ([path("<slug:product_slug>_<int:pk>/", view, name="detail")], "catalogue")
basket = ([path("basket/<int:pk>/", view, name="add")], "basket")
urlpatterns = [path("moved/", include(catalogue)), path("moved/", include(basket))]
