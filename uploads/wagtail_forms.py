"""The base of Wagtail's image forms (``WAGTAILIMAGES_IMAGE_FORM_BASE``).

Every Wagtail road for a new image file builds its form from this base: the add and edit
views, the multiple upload and the chooser's upload tab. The file is checked by its
content with ``uploads.images`` like on every other road, and Wagtail is handed the
re-encoded copy under a generated name, so the original, its metadata and its name are
never stored."""

from django.core.files.uploadedfile import UploadedFile
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from . import images


class ImageFileField(WagtailImageField):
    """Wagtail's image field with its checks of the name left out: the content decides
    (an HTML page named .png is refused, a photo named .html is stored as the photo it is,
    renamed), with the same messages as the seller area's, in both languages."""

    default_validators = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_upload_size = None  # checked, with the site's message, by uploads.images

    def to_python(self, data):
        if isinstance(data, UploadedFile):
            # Before Willow reads it: Willow takes HTML for SVG, and SVG is never accepted.
            images.validate_image(data)
        return super().to_python(data)

    def check_image_file_format(self, f):
        """The stored name's extension comes from the content (uploads.images)."""


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            self.fields["file"] = ImageFileField(
                label=field.label, required=field.required, widget=field.widget
            )

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            return images.reencoded(file)
        return file
