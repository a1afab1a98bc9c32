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
]
PRODUCER_PERMISSIONS: list[tuple[str, str]] = []


def _group(name, perms):
    group, _ = Group.objects.get_or_create(name=name)
    wanted = [Permission.objects.get(content_type__app_label=app, codename=code) for app, code in perms]
    group.permissions.set(wanted)
    return group


def ensure_groups():
    return _group(OFFICERS, OFFICER_PERMISSIONS), _group(PRODUCERS, PRODUCER_PERMISSIONS)
