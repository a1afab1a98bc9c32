"""The two roles people hold, as Django groups with their permissions.

Officers certify, approve and publish; producers run their own listings. Only the
officers' group holds the certificate permissions, which is what keeps stars and
certificates out of producers' hands."""

from django.contrib.auth.models import Group, Permission

OFFICERS = "Cán bộ OCOP"
PRODUCERS = "Chủ thể OCOP"

OFFICER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("catalogue", "add_ocopcertificate"),
    ("catalogue", "change_ocopcertificate"),
    ("catalogue", "view_ocopcertificate"),
    ("seller", "approve_listing"),
    ("seller", "invite_seller"),
    ("audit", "view_auditentry"),
    # What else officers run in Wagtail without being superusers: the site's settings
    # (navigation, footer, contact) and redirects. Pages, images and documents are granted
    # per page and collection (cms.moderation); the commerce dashboard by ``is_staff``.
    ("cms", "change_sitesettings"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
]
# The seller area admits a producer's users by their partner, not by permission. Oscar's
# partner.dashboard_access is deliberately withheld: its product form edits is_public,
# which is the officers' approval.
# Producers reach the Wagtail admin to edit their own profile pages and product stories;
# what they may touch there is set by page and collection permissions (cms.moderation).
PRODUCER_PERMISSIONS: list[tuple[str, str]] = [("wagtailadmin", "access_admin")]


def _group(name, perms):
    group, _ = Group.objects.get_or_create(name=name)
    wanted = [
        Permission.objects.get(content_type__app_label=app, codename=code) for app, code in perms
    ]
    group.permissions.set(wanted)
    return group


def ensure_groups():
    return _group(OFFICERS, OFFICER_PERMISSIONS), _group(PRODUCERS, PRODUCER_PERMISSIONS)


def is_officer(user):
    return user.is_superuser or user.groups.filter(name=OFFICERS).exists()
