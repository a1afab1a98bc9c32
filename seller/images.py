"""What a product photo must be, checked by reading the file rather than trusting its name."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_SIDE = 6000
MIN_SIDE = 300
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_PHOTOS = 8


def validate_photo(upload):
    """Refuse anything that is not a JPG, PNG or WEBP photo of a sensible size.

    The pixel size is read from the header before any decoding, so a tiny file that
    claims to be enormous (a decompression bomb) is refused without being decoded."""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("Ảnh quá lớn (%(size)s). Hãy chọn ảnh nhỏ hơn 5 MB.")
            % {"size": filesizeformat(upload.size)},
            code="too_big",
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            kind = image.format
            width, height = image.size
            if kind not in FORMATS:
                raise ValidationError(_("Chỉ nhận ảnh JPG, PNG hoặc WEBP."), code="format")
            if max(width, height) > MAX_SIDE:
                raise ValidationError(
                    _("Ảnh quá lớn (%(w)s×%(h)s điểm ảnh). Tối đa %(max)s điểm ảnh mỗi cạnh.")
                    % {"w": width, "h": height, "max": MAX_SIDE},
                    code="too_wide",
                )
            if min(width, height) < MIN_SIDE:
                raise ValidationError(
                    _("Ảnh quá nhỏ (%(w)s×%(h)s điểm ảnh). Cần ít nhất %(min)s điểm ảnh mỗi cạnh.")
                    % {"w": width, "h": height, "min": MIN_SIDE},
                    code="too_small",
                )
            image.verify()
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("Tệp này không phải ảnh hoặc đã bị hỏng. Chỉ nhận ảnh JPG, PNG hoặc WEBP."),
            code="not_image",
        ) from None
    finally:
        upload.seek(0)
    return kind
