"""Writing the audit trail, called where each change happens (see ``audit.models``)."""

from django.utils.translation import gettext as _

from .models import AuditEntry, AuditKind


def record(actor, kind, subject, old="", new="", product=None, partner=None):
    """Write one entry. ``actor`` may be None for changes made by the system."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        kind=kind,
        subject=str(subject)[:255],
        old_value=("" if old is None else str(old))[:255],
        new_value=("" if new is None else str(new))[:255],
        product=product,
        partner=partner,
    )


def describe_certificate(cert):
    """A certificate as one line: stars, decision, validity, revocation."""
    text = _("%(stars)s sao, QĐ %(number)s, hiệu lực đến %(expires)s") % {
        "stars": cert.stars,
        "number": cert.decision_number,
        "expires": cert.expires_on.strftime("%d/%m/%Y"),
    }
    if cert.revoked_on:
        text += _("; thu hồi từ %(date)s") % {"date": cert.revoked_on.strftime("%d/%m/%Y")}
    if cert.sale_during_renewal:
        text += _("; cho bán khi chờ đánh giá lại")
    return text


def record_certificate(actor, cert, before=None):
    """A certificate recorded (``before`` None) or changed; nothing if it reads the same."""
    old = describe_certificate(before) if before is not None else ""
    new = describe_certificate(cert)
    if old == new and before is not None and before.scan == cert.scan:
        return None
    return record(
        actor, AuditKind.CERTIFICATE, cert.product, old=old, new=new, product=cert.product
    )
