"""Media served by Django itself (``SERVE_MEDIA``: the embedded default and the tests).

Production serves /media/ from nginx (site/nginx.conf) or the S3 bucket with the same
rules: a file's type comes from a short list of image types, anything else is a download,
the browser may not guess another type, and a sandbox keeps any script from running."""

from pathlib import PurePosixPath

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}
DOWNLOAD_TYPES = {".pdf": "application/pdf"}
# Even a file that is not what it claims runs nothing: no script, no plugin, no form.
SANDBOX = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'"


def type_headers(name):
    """Content-Type (and Content-Disposition for anything not an image) of a stored file,
    from its generated name's extension."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in IMAGE_TYPES:
        return {"Content-Type": IMAGE_TYPES[suffix]}
    return {
        "Content-Type": DOWNLOAD_TYPES.get(suffix, "application/octet-stream"),
        "Content-Disposition": "attachment",
    }


def safe_headers(response, path):
    for header, value in type_headers(path).items():
        response[header] = value
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX
    return response


def serve_media(request, path):
    return safe_headers(serve(request, path, document_root=settings.MEDIA_ROOT), path)


def media_urlpatterns():
    prefix = settings.MEDIA_URL.lstrip("/")
    return [re_path(rf"^{prefix}(?P<path>.*)$", serve_media, name="media")]
