"""What an uploaded image must be, and the clean copy of it that is stored.

Every road that stores a picture (producers' product photos in the seller area, staff in
Oscar's dashboard, officers and producers in Wagtail, certificate scans) checks the file
here by reading its content, never by trusting its name or declared type, and stores only
``reencoded()``'s output: pixels decoded and written again by Pillow in the format that
was detected, under a generated name. Whatever rode along in the upload (an HTML page
appended to a PNG, EXIF with the GPS position of the producer's home, XMP, comments) is
not part of the pixels, so it is not stored.
"""

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

# Phones (iPhones above all) save HEIC; it is read here and stored as JPEG, because
# browsers other than Safari cannot show it.
register_heif_opener()

MAX_BYTES = 5 * 1024 * 1024
# Checked from the header, before any pixel is decoded: a small file that claims to be
# enormous (a decompression bomb) is refused without being expanded in memory.
MAX_SIDE = 6000
# Pillow's detected format → the format stored and the extension of the stored name.
STORED_AS = {
    "JPEG": ("JPEG", "jpg"),
    "PNG": ("PNG", "png"),
    "WEBP": ("WEBP", "webp"),
    "HEIF": ("JPEG", "jpg"),
}
# Modes each stored format can hold as they are; anything else is converted first.
MODES = {
    "JPEG": {"L", "RGB", "CMYK"},
    "PNG": {"1", "L", "LA", "RGB", "RGBA"},
    "WEBP": {"RGB", "RGBA"},
}
QUALITY = 90
# Below this a product photo is a thumbnail, too small for the product page.
PRODUCT_PHOTO_MIN_SIDE = 300


def not_an_image_message():
    return _("Tệp này không phải ảnh hoặc đã bị hỏng. Chỉ nhận ảnh JPG, PNG hoặc WEBP.")


def _not_an_image():
    return ValidationError(not_an_image_message(), code="not_image")


def too_many_pixels(width=None, height=None):
    if width is None:
        # Pillow refused to even read the size: the header claims far more pixels than any
        # photo has (a decompression bomb).
        return ValidationError(
            _("Ảnh quá lớn. Tối đa %(max)s điểm ảnh mỗi cạnh.") % {"max": MAX_SIDE},
            code="too_wide",
        )
    return ValidationError(
        _("Ảnh quá lớn (%(w)s×%(h)s điểm ảnh). Tối đa %(max)s điểm ảnh mỗi cạnh.")
        % {"w": width, "h": height, "max": MAX_SIDE},
        code="too_wide",
    )


def check_size(upload, max_bytes):
    if upload.size > max_bytes:
        raise ValidationError(
            _("Ảnh quá lớn (%(size)s). Hãy chọn ảnh nhỏ hơn %(max)s MB.")
            % {"size": filesizeformat(upload.size), "max": max_bytes // (1024 * 1024)},
            code="too_big",
        )


def validate_image(upload, *, max_bytes=MAX_BYTES, min_side=1, formats=tuple(STORED_AS)):
    """Raise ValidationError unless ``upload`` is a whole image of an accepted format and
    a sensible size; return Pillow's name of its format ("JPEG", "PNG", …).

    SVG, HTML and anything else Pillow cannot read are "not an image"; GIF, TIFF and other
    formats Pillow reads but the site does not store are refused by name."""
    check_size(upload, max_bytes)
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            kind = image.format
            width, height = image.size
            if kind not in formats:
                raise ValidationError(
                    _("Chỉ nhận ảnh JPG hoặc PNG.")
                    if "WEBP" not in formats
                    else _("Chỉ nhận ảnh JPG, PNG hoặc WEBP."),
                    code="format",
                )
            if max(width, height) > MAX_SIDE:
                raise too_many_pixels(width, height)
            if min(width, height) < min_side:
                raise ValidationError(
                    _("Ảnh quá nhỏ (%(w)s×%(h)s điểm ảnh). Cần ít nhất %(min)s điểm ảnh mỗi cạnh.")
                    % {"w": width, "h": height, "min": min_side},
                    code="too_small",
                )
            # Decoding every pixel is what proves the file whole (verify() only reads
            # chunk checksums, and not at all for JPEG); the size was bounded just above.
            image.load()
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        raise too_many_pixels() from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise _not_an_image() from None
    finally:
        upload.seek(0)
    return kind


def generated_name(extension):
    """A stored file's name: random, so it carries nothing the uploader typed."""
    return f"{uuid.uuid4().hex}.{extension}"


class CleanImage(ContentFile):
    """Bytes written by ``reencoded()``: marks a file that needs no second pass."""


def reencoded(upload, **limits):
    """A CleanImage of ``upload``: checked, orientation applied, metadata gone, pixels
    written again in the format detected, under a generated name."""
    if isinstance(upload, CleanImage):
        return upload
    kind = validate_image(upload, **limits)
    stored_format, extension = STORED_AS[kind]
    upload.seek(0)
    with Image.open(upload) as image:
        icc_profile = image.info.get("icc_profile")
        has_transparency = "transparency" in image.info
        # Turns the pixels the way the EXIF orientation says, so dropping EXIF below does
        # not leave a phone photo lying on its side.
        clean = ImageOps.exif_transpose(image)
    if has_transparency or clean.mode in ("P", "PA"):
        clean = clean.convert("RGBA")
    if clean.mode not in MODES[stored_format]:
        clean = clean.convert("RGBA" if "A" in clean.mode and stored_format != "JPEG" else "RGB")
    # Pillow carries some metadata of the source over through ``info`` (JPEG comments,
    # XMP); nothing but the colour profile is wanted.
    clean.info = {}
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if stored_format in ("JPEG", "WEBP"):
        options["quality"] = QUALITY
    buffer = io.BytesIO()
    clean.save(buffer, stored_format, **options)
    upload.seek(0)
    return CleanImage(buffer.getvalue(), name=generated_name(extension))


def product_photo(upload):
    """A product photo (seller area, Oscar's dashboard): ``reencoded()`` with the
    product page's minimum size."""
    return reencoded(upload, min_side=PRODUCT_PHOTO_MIN_SIDE)
