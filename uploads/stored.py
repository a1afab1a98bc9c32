"""The model fields that hold uploads, and the save hook that stores only clean copies.

Forms check uploads first so people get a message (``uploads.images``/``uploads.scans``);
this hook is the rule below every road: whatever reaches one of these fields unsaved
(a form, Oscar's dashboard, Wagtail's multiple upload, the shell) is re-encoded and
renamed before the storage sees it. A file a form has already cleaned is kept as it is.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models.signals import pre_save
from wagtail.images import get_image_model

from . import images, scans


def _is_image_upload(instance):
    # Wagtail parks half-finished multiple uploads (of images or documents) here.
    model = instance.for_content_type.model_class() if instance.for_content_type_id else None
    return model is get_image_model()


def guarded_fields():
    """{(model, field name): (cleaner, applies to this instance?)} for every upload field."""
    return {
        (apps.get_model("catalogue", "ProductImage"), "original"): (images.product_photo, None),
        (get_image_model(), "file"): (images.reencoded, None),
        (apps.get_model("wagtailcore", "UploadedFile"), "file"): (
            images.reencoded,
            _is_image_upload,
        ),
        (apps.get_model("catalogue", "OcopCertificate"), "scan"): (scans.checked, None),
    }


def clean_unsaved_file(instance, field_name):
    """Replace an unsaved upload in ``field_name`` by its clean copy; ValidationError
    (keyed by the field) when it cannot be one. Saved files are left alone."""
    clean, applies = guarded_fields()[(type(instance), field_name)]
    field_file = getattr(instance, field_name)
    if not field_file or field_file._committed or (applies and not applies(instance)):
        return
    try:
        cleaned = clean(field_file.file)
    except ValidationError as error:
        raise ValidationError({field_name: error.messages}) from None
    if cleaned is field_file.file:
        return
    setattr(instance, field_name, cleaned)
    # Wagtail records the size and hash of the file it was given; they must be the
    # stored file's.
    if hasattr(instance, "_set_image_file_metadata"):
        instance._set_image_file_metadata()


def _receiver(field_name):
    def clean_before_save(sender, instance, raw=False, **kwargs):
        if not raw:  # fixtures hold files already stored
            clean_unsaved_file(instance, field_name)

    return clean_before_save


def connect():
    for model, field_name in guarded_fields():
        pre_save.connect(
            _receiver(field_name),
            sender=model,
            weak=False,
            dispatch_uid=f"uploads.{model._meta.label}.{field_name}",
        )
