from django.utils.translation import gettext_lazy as _
from wagtail import hooks
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


@hooks.register("register_admin_viewset")
def register_choosers():
    return [
        ProductChooserViewSet("product_chooser"),
        PartnerChooserViewSet("partner_chooser"),
    ]
