from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from uploads import scans

OcopCertificate = get_model("catalogue", "OcopCertificate")


class ScanMixin:
    """The scan is checked by its content (uploads.scans) and stored under a generated name."""

    def clean_scan(self):
        scan = self.cleaned_data.get("scan")
        return scans.checked(scan) if isinstance(scan, UploadedFile) else scan


class CertificateForm(ScanMixin, forms.ModelForm):
    """Records a council's decision: a new certificate or a renewal."""

    class Meta:
        model = OcopCertificate
        fields = [
            "product",
            "score",
            "stars",
            "level",
            "issuing_body",
            "decision_number",
            "decision_date",
            "expires_on",
            "scan",
            "renews",
        ]
        widgets = {"renews": forms.HiddenInput}


class CertificateRevisionForm(ScanMixin, forms.ModelForm):
    """What may change on a recorded certificate: its revocation, and a missing scan.

    Score, stars and dates are the council's decision; a new decision is a renewal,
    recorded as a new certificate so history is never overwritten."""

    class Meta:
        model = OcopCertificate
        fields = ["scan", "revoked_on", "revocation_reason"]
        labels = {"revoked_on": _("Thu hồi từ ngày")}
