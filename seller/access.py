"""Who may enter the seller area, and the one way its views reach objects.

Every producer object is fetched through the signed-in user's partners
(``request.user.partners``), so another producer's product, stock or price is simply
not found (404): there is no object-level check that a view could forget.
"""

from django.contrib.auth.mixins import AccessMixin
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse_lazy
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

LOGIN_URL = reverse_lazy("customer:login")


def partners_of(user):
    return user.partners.order_by("pk")


def stockrecords_of(user):
    """The user's offers: one per product per producer it belongs to."""
    return (
        StockRecord.objects.filter(partner__users=user)
        .select_related("product", "partner", "product__listing")
        .order_by("product__title", "pk")
    )


def stockrecord_or_404(user, product_pk):
    stockrecord = stockrecords_of(user).filter(product_id=product_pk).first()
    if stockrecord is None:
        raise Http404
    return stockrecord


def image_or_404(user, product_pk, image_pk):
    image = ProductImage.objects.filter(
        pk=image_pk, product_id=product_pk, product__stockrecords__partner__users=user
    ).first()
    if image is None:
        raise Http404
    return image


def products_with_images(queryset):
    return queryset.prefetch_related(
        Prefetch("product__images", queryset=ProductImage.objects.order_by("display_order"))
    )


class SellerRequiredMixin(AccessMixin):
    """Signed in, and one of a producer's users; anyone else is told where to go."""

    login_url = LOGIN_URL

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.partners = list(partners_of(request.user))
        if not self.partners:
            return render(request, "seller/not_a_seller.html", status=403)
        self.partner = self.partners[0]
        request.seller_partner = self.partner  # for the layout's header
        return super().dispatch(request, *args, **kwargs)


class OfficerRequiredMixin(AccessMixin):
    """An officer's page: needs ``permission`` (held by the officers' group)."""

    login_url = LOGIN_URL
    permission = "seller.approve_listing"
    raise_exception = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not request.user.has_perm(self.permission):
            return render(request, "seller/officer/forbidden.html", status=403)
        return super().dispatch(request, *args, **kwargs)
