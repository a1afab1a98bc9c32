"""Who may edit which pages, and the officers' approval of everyone else's edits.

- Officers add, edit and publish anywhere in the tree; they publish directly. They are
  not superusers: what they may do is these permissions and their group's (catalogue.roles).
- Producers hold Wagtail's "add" permission on the producer profiles and the product
  stories only, which lets them create pages there and edit the pages they own, never
  publish: an edit is submitted to the workflow "Duyệt của cán bộ OCOP", whose one task
  is an approval by the officers' group, and goes live when an officer approves it.
- Producers upload and choose images in their own collection; Wagtail lets a user with
  "add" edit only the images that user uploaded.

``ensure_moderation()`` sets all of this up and is safe to run again.
"""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from catalogue.roles import ensure_groups

WORKFLOW_NAME = "Duyệt của cán bộ OCOP"
TASK_NAME = "Cán bộ OCOP duyệt"
PRODUCER_COLLECTION = "Ảnh của chủ thể OCOP"

OFFICER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
PRODUCER_PAGE_PERMISSIONS = ("add_page",)
OFFICER_IMAGE_PERMISSIONS = ("add_image", "change_image", "choose_image", "delete_image")
PRODUCER_IMAGE_PERMISSIONS = ("add_image", "choose_image")
OFFICER_DOCUMENT_PERMISSIONS = (
    "add_document",
    "change_document",
    "choose_document",
    "delete_document",
)

WORKFLOW_LABEL = _("Duyệt của cán bộ OCOP")


def _page_permissions(group, page, codenames):
    for codename in codenames:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _collection_permissions(group, collection, codenames, app_label="wagtailimages"):
    for codename in codenames:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def producer_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=PRODUCER_COLLECTION).first()
    return existing or root.add_child(name=PRODUCER_COLLECTION)


def ensure_workflow(officers, page):
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(officers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def ensure_moderation():
    """Groups, page and image permissions and the approval workflow; idempotent.

    Returns the workflow, or None while the site has no home page yet."""
    from profiles.models import ProducerIndexPage, ProductProfileIndexPage

    from .models import HomePage

    officers, producers = ensure_groups()
    home = HomePage.objects.first()
    if home is None:
        return None
    # Each language has its own tree (cms.locales): the same rights in every one, and
    # officers translate pages with wagtail-localize ("Translate this page", "Sync").
    for tree in HomePage.objects.all():
        _page_permissions(officers, tree, OFFICER_PAGE_PERMISSIONS)
    officers.permissions.add(submit_translation_permission())
    for index in (*ProducerIndexPage.objects.all(), *ProductProfileIndexPage.objects.all()):
        _page_permissions(producers, index, PRODUCER_PAGE_PERMISSIONS)
    root = Collection.get_first_root_node()
    _collection_permissions(officers, root, OFFICER_IMAGE_PERMISSIONS)
    _collection_permissions(officers, root, OFFICER_DOCUMENT_PERMISSIONS, "wagtaildocs")
    _collection_permissions(producers, producer_collection(), PRODUCER_IMAGE_PERMISSIONS)
    for tree in HomePage.objects.exclude(pk=home.pk):
        ensure_workflow(officers, Page.objects.get(pk=tree.pk))
    return ensure_workflow(officers, Page.objects.get(pk=home.pk))


def submit_translation_permission():
    """wagtail-localize's "Can submit translations", made by a data migration of theirs: a
    database flushed since (as a live-server test leaves it) no longer has it."""
    from django.contrib.contenttypes.models import ContentType

    content_type, _created = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    return permission
