"""What a scanned decision (a certificate's scan) must be: a PDF, or a JPG/PNG photo of it.

A PDF is checked by its structure (the header, and the cross-reference its trailer points
at), since it cannot be re-encoded without a PDF library; it is stored byte for byte
under a generated name and served as a download (site/nginx.conf, uploads.serving).
A photographed scan goes through ``uploads.images`` like every other picture.
"""

import re

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from . import images

MAX_BYTES = 10 * 1024 * 1024
IMAGE_FORMATS = ("JPEG", "PNG")
_HEADER = re.compile(rb"%PDF-(1\.[0-7]|2\.0)[\r\n\s%]")
# The trailer ends the file: "startxref", the byte offset of the cross-reference, "%%EOF".
_TRAILER = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_AT = re.compile(rb"xref|\d+\s+\d+\s+obj\b")
# Writers may append a little after %%EOF (a newline, padding); more than this is not a
# PDF's own ending.
_TAIL = 1024


class CleanScan(ContentFile):
    """A checked scan under a generated name: marks a file that needs no second pass."""


def _not_a_scan():
    return ValidationError(_("Bản quét phải là tệp PDF, hoặc ảnh JPG hoặc PNG."), code="not_scan")


def is_pdf(data):
    """True when ``data`` has a PDF header and a trailer pointing at a cross-reference."""
    if not _HEADER.match(data[:16]):
        return False
    trailer = _TRAILER.search(data[-_TAIL:])
    if trailer is None:
        return False
    offset = int(trailer.group(1))
    return offset < len(data) and _XREF_AT.match(data, offset) is not None


def checked(upload):
    """A CleanScan (PDF) or CleanImage (photo) of ``upload``, or ValidationError."""
    if isinstance(upload, CleanScan | images.CleanImage):
        return upload
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("Tệp quét quyết định không được lớn hơn %(max)s MB.")
            % {"max": MAX_BYTES // (1024 * 1024)},
            code="too_big",
        )
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if data.startswith(b"%PDF-"):
        if not is_pdf(data):
            raise _not_a_scan()
        return CleanScan(data, name=images.generated_name("pdf"))
    try:
        return images.reencoded(upload, max_bytes=MAX_BYTES, formats=IMAGE_FORMATS)
    except ValidationError as error:
        if error.code == "not_image":
            raise _not_a_scan() from None
        raise
