"""A way from the Wagtail admin to the officers' pages of the seller area."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


class OfficerMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("seller.approve_listing")


@hooks.register("register_admin_menu_item")
def register_officer_area():
    return OfficerMenuItem(
        _("Duyệt và theo dõi"), reverse("seller:officer-approvals"), icon_name="tasks", order=240
    )
