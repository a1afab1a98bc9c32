"""Wagtail choosers for the commerce objects that pages point at.

Defined once here so that page fields (through ``cms.wagtail_hooks``) and StreamField
blocks (``cms.blocks``) use the same chooser."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet

from catalogue.roles import is_officer


class VisibleProductsMixin:
    """A producer in the admin may choose public products and its own, never another
    producer's product still waiting for approval; officers choose from all."""

    def visible_products(self):
        products = self.model_class.objects.all()
        user = self.request.user
        if is_officer(user):
            return products
        return products.filter(Q(is_public=True) | Q(stockrecords__partner__users=user)).distinct()

    def get_object_list(self):
        return self.visible_products()

    def get_object(self, pk):
        return self.visible_products().get(pk=pk)

    def get_objects(self, pks):
        return self.visible_products().filter(pk__in=pks)


class ProductChooseView(VisibleProductsMixin, chooser_views.ChooseView):
    pass


class ProductChooseResultsView(VisibleProductsMixin, chooser_views.ChooseResultsView):
    pass


class ProductChosenView(VisibleProductsMixin, chooser_views.ChosenView):
    pass


class ProductChosenMultipleView(VisibleProductsMixin, chooser_views.ChosenMultipleView):
    pass


class ProductChooserViewSet(ChooserViewSet):
    model = "catalogue.Product"
    icon = "tag"
    choose_one_text = _("Chọn sản phẩm")
    choose_another_text = _("Chọn sản phẩm khác")
    edit_item_text = _("Sửa sản phẩm")
    search_fields = ["title", "upc"]
    choose_view_class = ProductChooseView
    choose_results_view_class = ProductChooseResultsView
    chosen_view_class = ProductChosenView
    chosen_multiple_view_class = ProductChosenMultipleView


class PartnerChooserViewSet(ChooserViewSet):
    model = "partner.Partner"
    icon = "group"
    choose_one_text = _("Chọn chủ thể OCOP")
    choose_another_text = _("Chọn chủ thể khác")
    search_fields = ["name"]


product_chooser_viewset = ProductChooserViewSet("product_chooser")
partner_chooser_viewset = PartnerChooserViewSet("partner_chooser")
