"""uploads.images and uploads.scans on their own: what is refused, and what is stored."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from uploads import images, scans

from . import samples


def _image(clean):
    return Image.open(io.BytesIO(clean.read()))


def test_polyglot_is_stored_as_the_png_it_also_is_without_the_page():
    clean = images.reencoded(samples.polyglot())

    assert samples.GENERATED.match(clean.name) and clean.name.endswith(".png")
    data = clean.read()
    assert b"<script" not in data
    assert Image.open(io.BytesIO(data)).format == "PNG"


def test_phone_photo_loses_gps_and_metadata_and_keeps_its_orientation():
    upload = samples.gps_jpeg()
    with Image.open(upload) as original:  # the sample really carries what must go
        assert original.getexif().get_ifd(0x8825) and "comment" in original.info
    upload.seek(0)

    clean = images.reencoded(upload)

    image = _image(clean)
    assert (image.format, image.size) == ("JPEG", (300, 400))
    assert not image.getexif() and not {"comment", "xmp", "exif"} & set(image.info)
    assert b"nha rieng" not in clean.open().read()


def test_heic_is_stored_as_jpeg():
    clean = images.reencoded(samples.heic())

    image = _image(clean)
    assert clean.name.endswith(".jpg")
    assert (image.format, image.size) == ("JPEG", (400, 320))


def test_transparent_png_stays_transparent():
    buffer = io.BytesIO()
    Image.new("RGBA", (400, 400), (0, 0, 0, 0)).save(buffer, "PNG")
    clean = images.reencoded(SimpleUploadedFile("a.png", buffer.getvalue()))

    assert _image(clean).getpixel((0, 0)) == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("sample", "vi", "en"),
    [
        (
            samples.bomb,
            "Ảnh quá lớn. Tối đa 6000 điểm ảnh mỗi cạnh.",
            "The image is too large. At most 6000 pixels per side.",
        ),
        (
            lambda: samples.png(size=(6001, 10)),
            "Ảnh quá lớn (6001×10 điểm ảnh). Tối đa 6000 điểm ảnh mỗi cạnh.",
            "The photo is too large (6001×10 pixels). At most 6000 pixels per side.",
        ),
        (
            lambda: SimpleUploadedFile("a.jpg", b"\xff" * (5 * 1024 * 1024 + 1)),
            "Ảnh quá lớn (5,0\xa0MB). Hãy chọn ảnh nhỏ hơn 5 MB.",
            "The image is too large (5.0\xa0MB). Choose one under 5 MB.",
        ),
        (
            samples.svg,
            "Tệp này không phải ảnh hoặc đã bị hỏng.",
            "This file is not a photo or is damaged.",
        ),
        (
            samples.html_as_png,
            "Tệp này không phải ảnh hoặc đã bị hỏng.",
            "This file is not a photo or is damaged.",
        ),
        (
            lambda: SimpleUploadedFile("a.png", samples.png_bytes()[:200]),
            "Tệp này không phải ảnh hoặc đã bị hỏng.",
            "This file is not a photo or is damaged.",
        ),
    ],
    ids=["bomb", "too-wide", "too-heavy", "svg", "html-as-png", "truncated"],
)
def test_refusals_say_why_in_both_languages(sample, vi, en):
    for language, message in [("vi", vi), ("en", en)]:
        with translation.override(language), pytest.raises(ValidationError) as refused:
            images.reencoded(sample())
        assert refused.value.messages[0].startswith(message)


def test_pdf_scan_is_kept_under_a_generated_name():
    clean = scans.checked(samples.pdf())

    assert samples.GENERATED.match(clean.name) and clean.name.endswith(".pdf")
    assert clean.read() == samples.pdf_bytes()


@pytest.mark.parametrize(
    "sample", [samples.pdf_with_html, samples.html_as_pdf, samples.svg], ids=str
)
def test_scans_that_are_not_pdf_or_photo_are_refused(sample):
    with pytest.raises(ValidationError) as refused:
        scans.checked(sample())
    assert refused.value.messages == ["Bản quét phải là tệp PDF, hoặc ảnh JPG hoặc PNG."]


def test_webp_scan_is_refused_by_format():
    buffer = io.BytesIO()
    Image.new("RGB", (400, 400)).save(buffer, "WEBP")
    with pytest.raises(ValidationError) as refused:
        scans.checked(SimpleUploadedFile("scan.webp", buffer.getvalue()))
    assert refused.value.messages == ["Chỉ nhận ảnh JPG hoặc PNG."]
