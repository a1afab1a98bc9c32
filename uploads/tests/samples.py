"""The bad uploads an outside tester tried (issue 9), and good ones to compare with."""

import io
import re
import struct
import zlib
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from PIL.ExifTags import IFD

SCRIPT = b"<html><body><script>document.title='pwned';alert('pwned')</script></body></html>"
GPS = {1: "N", 2: (10.0, 2.0, 3.0), 3: "E", 4: (105.0, 47.0, 1.0)}
GENERATED = re.compile(r"^[0-9a-f]{32}\.(jpg|png|webp|pdf)$")


def png_bytes(size=(400, 400), color=(31, 111, 67)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def png(name="anh.png", size=(400, 400)):
    return SimpleUploadedFile(name, png_bytes(size), "image/png")


def polyglot():
    """A whole PNG with an HTML page after it, named to be served as HTML."""
    return SimpleUploadedFile("x.html", png_bytes() + SCRIPT, "text/html")


def gps_jpeg(name="vuon.jpg"):
    """A 400×300 phone photo taken on its side (orientation 6), with GPS, a comment and
    XMP: stored, it must stand 300×400 and carry none of them."""
    image = Image.new("RGB", (400, 300), (200, 40, 40))
    exif = image.getexif()
    exif[0x0112] = 6
    exif.get_ifd(IFD.GPSInfo).update(GPS)
    buffer = io.BytesIO()
    image.save(
        buffer,
        "JPEG",
        exif=exif,
        comment=b"nha rieng",
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">nha rieng</x:xmpmeta>',
    )
    return SimpleUploadedFile(name, buffer.getvalue(), "image/jpeg")


def bomb(name="bomb.png"):
    """A 1×1 PNG whose header claims 100 000 × 100 000 pixels (a decompression bomb)."""
    data = bytearray(png_bytes((1, 1)))
    ihdr = 8 + 8  # signature, then the IHDR chunk's length and type
    data[ihdr : ihdr + 8] = struct.pack(">II", 100_000, 100_000)
    crc = zlib.crc32(bytes(data[ihdr - 4 : ihdr + 13]))
    data[ihdr + 13 : ihdr + 17] = struct.pack(">I", crc)
    return SimpleUploadedFile(name, bytes(data), "image/png")


def svg():
    body = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert("pwned")</script></svg>'
    return SimpleUploadedFile("logo.svg", body, "image/svg+xml")


def html_as_png():
    return SimpleUploadedFile("anh.png", SCRIPT, "image/png")


def heic():
    buffer = io.BytesIO()
    Image.new("RGB", (400, 320), (10, 90, 200)).save(buffer, "HEIF")
    return SimpleUploadedFile("IMG_0001.HEIC", buffer.getvalue(), "image/heic")


def pdf_bytes():
    """A one-page PDF with a correct cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def pdf(name="quyet-dinh.pdf"):
    return SimpleUploadedFile(name, pdf_bytes(), "application/pdf")


def pdf_with_html():
    """PDF magic in front of an HTML page: a PDF to the magic check, HTML to a browser."""
    return SimpleUploadedFile("quyet-dinh.pdf", b"%PDF-1.4\n" + SCRIPT, "application/pdf")


def html_as_pdf():
    return SimpleUploadedFile("quyet-dinh.pdf", SCRIPT, "application/pdf")


def stored_files(root):
    """Uploaded files under ``root``; Oscar links its "missing image" picture there itself."""
    missing = settings.OSCAR_MISSING_IMAGE_URL
    return sorted(p for p in Path(root).rglob("*") if p.is_file() and p.name != missing)


def assert_clean_image(field_file, expected_format):
    """The stored file re-opens as ``expected_format``, has a generated name, and holds
    no metadata and nothing but the image."""
    name = Path(field_file.name).name
    assert GENERATED.match(name), name
    field_file.open("rb")
    data = field_file.read()
    field_file.close()
    assert b"<script" not in data and b"<html" not in data
    assert b"nha rieng" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == expected_format
        assert not image.getexif()
        assert not image.getexif().get_ifd(IFD.GPSInfo)
        assert not {"exif", "xmp", "comment", "XML:com.adobe.xmp"} & set(image.info)
        return image.size


def assert_nothing_runnable(root):
    suffixes = {p.suffix.lower() for p in stored_files(root)}
    assert not suffixes & {".html", ".htm", ".svg", ".xhtml", ".xml", ".js"}
