"""The base of Wagtail's image forms (``WAGTAILIMAGES_IMAGE_FORM_BASE``).

Every Wagtail road for a new image file builds its form from this base: the add and edit
views, the multiple upload and the chooser's upload tab. Wagtail's own field checks the
extension and reads the image with Willow; this form then checks it with
``uploads.images`` and hands Wagtail the re-encoded copy under a generated name, so the
original, its metadata and its name are never stored."""

from django.core.files.uploadedfile import UploadedFile
from wagtail.images.forms import BaseImageForm

from . import images


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is None:
            return
        # One wording for every upload road, in both languages: the size is checked by
        # uploads.images; Wagtail's refusals say what ours say.
        field.max_upload_size = None
        not_an_image = images.not_an_image_message()
        field.error_messages["invalid_image"] = not_an_image
        field.error_messages["invalid_image_extension"] = not_an_image
        field.error_messages["file_too_many_pixels"] = images.too_many_pixels().message

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            return images.reencoded(file)
        return file
