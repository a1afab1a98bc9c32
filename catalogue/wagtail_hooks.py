"""Officers record, renew and revoke OCOP certificates in the Wagtail admin.

Access follows Django permissions on ``catalogue.OcopCertificate``: only the officers'
group holds them (see ``catalogue.roles``), so producers never reach these views."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton

from audit.records import record_certificate

from .certification import OcopCertificate
from .forms import CertificateForm, CertificateRevisionForm


class CertificateIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = [
            b
            for b in super().get_list_more_buttons(instance)
            if b.url != self.get_copy_url(instance)
        ]
        buttons.append(
            ListingButton(
                _("Gia hạn"),
                url=reverse("ocop_certificates:copy", args=[instance.pk]),
                icon_name="repeat",
                priority=20,
            )
        )
        return buttons


class CertificateCreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        instance = super().save_instance()
        record_certificate(self.request.user, instance)
        return instance


class CertificateEditView(generic.EditView):
    def save_instance(self):
        before = OcopCertificate.objects.get(pk=self.object.pk)
        instance = super().save_instance()
        record_certificate(self.request.user, instance, before)
        return instance


class CertificateRenewView(CertificateCreateView):
    """A renewal: a new certificate for the same product, pointing at the one it renews."""

    page_title = _("Gia hạn chứng nhận")

    def get_initial_form_instance(self):
        previous = generic.CopyView.get_object(self)
        return OcopCertificate(
            product=previous.product,
            level=previous.level,
            issuing_body=previous.issuing_body,
            renews=previous,
        )


class CertificateViewSet(ModelViewSet):
    model = OcopCertificate
    icon = "doc-full"
    menu_label = _("Chứng nhận OCOP")
    add_to_admin_menu = True
    menu_order = 250
    index_view_class = CertificateIndexView
    add_view_class = CertificateCreateView
    edit_view_class = CertificateEditView
    copy_view_class = CertificateRenewView
    list_display = [
        "product",
        Column("stars", label=_("Sao")),
        "decision_number",
        DateColumn("decision_date", label=_("Ngày quyết định")),
        DateColumn("expires_on", label=_("Hết hiệu lực")),
        Column("status_label", label=_("Trạng thái"), accessor=lambda c: c.status().label),
    ]
    list_filter = ["stars", "level"]
    search_fields = ["decision_number", "product__title", "issuing_body"]
    ordering = ["-decision_date"]
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return CertificateRevisionForm if for_update else CertificateForm


@hooks.register("register_admin_viewset")
def register_certificates():
    return CertificateViewSet("ocop_certificates")
