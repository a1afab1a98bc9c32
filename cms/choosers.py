"""Wagtail choosers for the commerce objects that pages point at.

Defined once here so that page fields (through ``cms.wagtail_hooks``) and StreamField
blocks (``cms.blocks``) use the same chooser."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet


class ProductChooserViewSet(ChooserViewSet):
    model = "catalogue.Product"
    icon = "tag"
    choose_one_text = _("Chọn sản phẩm")
    choose_another_text = _("Chọn sản phẩm khác")
    edit_item_text = _("Sửa sản phẩm")
    search_fields = ["title", "upc"]


class PartnerChooserViewSet(ChooserViewSet):
    model = "partner.Partner"
    icon = "group"
    choose_one_text = _("Chọn chủ thể OCOP")
    choose_another_text = _("Chọn chủ thể khác")
    search_fields = ["name"]


product_chooser_viewset = ProductChooserViewSet("product_chooser")
partner_chooser_viewset = PartnerChooserViewSet("partner_chooser")
