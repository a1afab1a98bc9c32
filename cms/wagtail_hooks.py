from wagtail import hooks

from .choosers import partner_chooser_viewset, product_chooser_viewset


@hooks.register("register_admin_viewset")
def register_choosers():
    return [product_chooser_viewset, partner_chooser_viewset]


# Imported after the hook above: admin_reports imports wagtail.admin.urls, which collects
# every app's admin viewsets while this module is still loading.
from .admin_reports import hide_reports_menu  # noqa: E402

hooks.register("construct_main_menu", hide_reports_menu)
