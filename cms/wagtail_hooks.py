from wagtail import hooks

from catalogue.roles import is_officer

from .choosers import partner_chooser_viewset, product_chooser_viewset


@hooks.register("register_admin_viewset")
def register_choosers():
    return [product_chooser_viewset, partner_chooser_viewset]


@hooks.register("before_serve_page")
def serve_in_active_language(page, request, serve_args, serve_kwargs):
    """An other-language path of a translated page redirects to the translation."""
    from .locales import redirect_to_translation

    return redirect_to_translation(page, request)


@hooks.register("construct_main_menu")
def hide_reports_menu(request, menu_items):
    """Wagtail's reports are the officers' alone (cms.admin_reports): no menu for others."""
    if not is_officer(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "reports"]
