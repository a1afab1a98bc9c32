"""Officers' pages in the seller area: approvals in one place, certificates about to
expire, the programme dashboard, the audit trail and invitations."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views import View
from oscar.core.loading import get_model
from wagtail.models import WorkflowState

import params
from audit.models import AuditEntry, AuditKind
from catalogue.roles import PRODUCERS

from . import programme
from .access import OfficerRequiredMixin
from .forms import DecisionForm, InvitationForm
from .listings import decide
from .models import Listing, ListingStatus

OcopCertificate = get_model("catalogue", "OcopCertificate")
User = get_user_model()

EXPIRY_WINDOW_DAYS = 30


class ApprovalsView(OfficerRequiredMixin, View):
    def get(self, request):
        pending = (
            Listing.objects.filter(status=ListingStatus.PENDING)
            .select_related("product", "submitted_by")
            .prefetch_related("product__stockrecords__partner", "product__images")
            .order_by("submitted_at")
        )
        moderation = (
            WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
            .select_related("workflow", "requested_by", "current_task_state__task")
            .order_by("created_at")
        )
        return render(
            request,
            "seller/officer/approvals.html",
            {"pending": pending, "moderation": [_moderation_row(s) for s in moderation]},
        )


def _moderation_row(state):
    obj = state.content_object
    specific = getattr(obj, "specific", obj)
    if hasattr(specific, "get_admin_display_title") and hasattr(specific, "url_path"):
        edit_url = reverse("wagtailadmin_pages:edit", args=[specific.pk])
        title = specific.get_admin_display_title()
    else:
        edit_url = ""
        title = str(specific) if specific else _("(đã xóa)")
    task = state.current_task_state.task if state.current_task_state else None
    return {"state": state, "title": title, "edit_url": edit_url, "task": task}


class ReviewView(OfficerRequiredMixin, View):
    def get_listing(self, pk):
        return get_object_or_404(
            Listing.objects.select_related("product", "submitted_by"), product_id=pk
        )

    def render(self, listing, form, status=200):
        return render(
            self.request,
            "seller/officer/review.html",
            {
                "listing": listing,
                "product": listing.product,
                "stockrecords": listing.product.stockrecords.select_related("partner"),
                "images": listing.product.images.order_by("display_order"),
                "form": form,
            },
            status=status,
        )

    def get(self, request, pk):
        return self.render(self.get_listing(pk), DecisionForm())

    def post(self, request, pk):
        listing = self.get_listing(pk)
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render(listing, form, status=400)
        approve = form.cleaned_data["decision"] == "approve"
        decide(request.user, listing, approve, form.cleaned_data["note"])
        if approve:
            messages.success(
                request,
                _("Đã duyệt “%(t)s”; sản phẩm đã hiện trên cửa hàng.")
                % {"t": listing.product.title},
            )
        else:
            messages.success(
                request,
                _("Đã trả “%(t)s” về cho chủ thể kèm ghi chú.") % {"t": listing.product.title},
            )
        return redirect("seller:officer-approvals")


class ExpiringView(OfficerRequiredMixin, View):
    permission = "catalogue.view_ocopcertificate"

    def get(self, request):
        certificates = (
            OcopCertificate.objects.expiring_within(EXPIRY_WINDOW_DAYS)
            .filter(renewals__isnull=True)
            .select_related("product")
            .prefetch_related("reminders", "product__stockrecords__partner")
            .order_by("expires_on")
        )
        return render(
            request,
            "seller/officer/expiring.html",
            {"certificates": certificates, "days": EXPIRY_WINDOW_DAYS},
        )


class ProgrammeView(OfficerRequiredMixin, View):
    permission = "catalogue.view_ocopcertificate"

    def get(self, request):
        return render(request, "seller/officer/programme.html", programme.dashboard())


class AuditView(OfficerRequiredMixin, View):
    permission = "audit.view_auditentry"

    def get(self, request):
        entries = AuditEntry.objects.for_display()
        kind = params.choice(request.GET, "loai", AuditKind.values)
        if kind:
            entries = entries.filter(kind=kind)
        page = Paginator(entries, 50).get_page(
            params.integer(request.GET, "trang", default=1, minimum=1)
        )
        return render(
            request,
            "seller/officer/audit.html",
            {"page": page, "kinds": AuditKind.choices, "kind": kind},
        )


class InviteView(OfficerRequiredMixin, View):
    permission = "seller.invite_seller"

    def get(self, request):
        partner = params.integer(request.GET, "chu-the", minimum=1)
        initial = {"partner": partner} if partner is not None else {}
        return render(
            request, "seller/officer/invite.html", {"form": InvitationForm(initial=initial)}
        )

    def post(self, request):
        form = InvitationForm(request.POST)
        if not form.is_valid():
            return render(request, "seller/officer/invite.html", {"form": form}, status=400)
        partner = form.cleaned_data["partner"]
        user, created = invite(
            partner, form.cleaned_data["email"], form.cleaned_data["name"], request
        )
        messages.success(
            request,
            _("Đã gửi thư mời tới %(email)s cho %(partner)s.")
            % {"email": user.email, "partner": partner.name},
        )
        return redirect(reverse("seller:officer-invite"))


@transaction.atomic
def invite(partner, email, name, request):
    """Give an account (new or existing) to a producer and email it a way in.

    A new account gets a link to set its password (Django's reset token: valid once,
    for ``PASSWORD_RESET_TIMEOUT``); an existing one is told where the seller area is."""
    email = User.objects.normalize_email(email).strip()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        first, _sep, last = (name or "").strip().rpartition(" ")
        user = User(
            username=_unique_username(email),
            email=email,
            first_name=first or last,
            last_name=last if first else "",
        )
        user.set_unusable_password()
        user.save()
    partner.users.add(user)
    user.groups.add(Group.objects.get_or_create(name=PRODUCERS)[0])

    if created or not user.has_usable_password():
        path = reverse(
            "seller:accept-invitation",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    else:
        path = reverse("seller:home")
    context = {
        "partner": partner,
        "user": user,
        "link": request.build_absolute_uri(path),
        "needs_password": created or not user.has_usable_password(),
    }
    with override("vi"):  # producers read Vietnamese, whatever the officer's page language
        subject = render_to_string("seller/email/invitation_subject.txt", context).strip()
        body = render_to_string("seller/email/invitation_body.txt", context)
    send_mail(subject, body, None, [user.email])
    return user, created


def _unique_username(email):
    # Oscar signs people in by email; the username only has to be unique.
    base = email.split("@")[0][:100] or "nguoiban"
    candidate, n = base, 1
    while User.objects.filter(username=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate
