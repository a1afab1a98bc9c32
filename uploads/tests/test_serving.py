"""Media are served with their image type or as a download, never sniffed, in a sandbox."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from uploads.s3 import MediaStorage
from uploads.serving import SANDBOX

from . import samples


@pytest.mark.parametrize(
    ("name", "content_type", "disposition"),
    [
        ("images/products/2026/11/" + "a" * 32 + ".png", "image/png", "inline"),
        ("original_images/" + "b" * 32 + ".jpg", "image/jpeg", "inline"),
        ("ocop/certificates/2026/" + "c" * 32 + ".pdf", "application/pdf", "attachment"),
        # Files stored before every upload was re-encoded, under the uploader's name.
        ("images/products/2025/x.html", "application/octet-stream", "attachment"),
        ("original_images/logo.svg", "application/octet-stream", "attachment"),
        ("original_images/noextension", "application/octet-stream", "attachment"),
    ],
    ids=["png", "jpg", "pdf", "legacy-html", "legacy-svg", "no-extension"],
)
def test_media_headers(client, media_root, name, content_type, disposition):
    default_storage.save(name, ContentFile(samples.png_bytes() + samples.SCRIPT))

    response = client.get("/media/" + name)

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].split(";")[0] == disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == SANDBOX
    assert response["Content-Security-Policy"].startswith("sandbox;")


def test_missing_media_is_a_404_and_a_way_out_a_400(client, db, media_root):
    assert client.get("/media/images/none.png").status_code == 404
    assert client.get("/media/../config/settings/base.py").status_code == 400


@pytest.mark.parametrize(
    ("name", "parameters"),
    [
        ("images/" + "a" * 32 + ".webp", {"ContentType": "image/webp"}),
        (
            "ocop/certificates/2026/" + "c" * 32 + ".pdf",
            {"ContentType": "application/pdf", "ContentDisposition": "attachment"},
        ),
        (
            "images/x.html",
            {"ContentType": "application/octet-stream", "ContentDisposition": "attachment"},
        ),
    ],
    ids=["webp", "pdf", "html"],
)
def test_s3_objects_get_the_type_of_their_name_not_the_declared_one(name, parameters):
    storage = MediaStorage(bucket_name="ocop-media", object_parameters={"CacheControl": "x"})
    declared = ContentFile(b"...", name=name)
    declared.content_type = "text/html"  # what the uploader's browser said

    written = storage._get_write_parameters(name, declared)

    assert {k: written.get(k) for k in parameters} == parameters
    assert written["CacheControl"] == "x"
    assert "ContentDisposition" in written or "ContentDisposition" not in parameters
