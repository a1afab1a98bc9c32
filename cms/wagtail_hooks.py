from wagtail import hooks

from .admin_reports import hide_reports_menu
from .choosers import partner_chooser_viewset, product_chooser_viewset


@hooks.register("register_admin_viewset")
def register_choosers():
    return [product_chooser_viewset, partner_chooser_viewset]


hooks.register("construct_main_menu", hide_reports_menu)
