"""Production: everything from the environment, refusing to start without the essentials.

Stateless app processes behind a reverse proxy that terminates HTTPS; PostgreSQL,
Redis for cache and sessions, media on S3-compatible storage, a worker for tasks.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import E

_missing = [
    name
    for name, value in (
        ("SECRET_KEY", E.SECRET_KEY),
        ("ALLOWED_HOSTS", E.ALLOWED_HOSTS),
        ("DATABASE_URL", E.DATABASE_URL),
        ("SITE_URL", E.SITE_URL),
    )
    if not value
]
if _missing:
    raise ImproperlyConfigured(
        "Production needs these environment variables: " + ", ".join(_missing)
    )

DEBUG = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = E.env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = E.env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
OSCAR_BASKET_COOKIE_SECURE = True
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = True
# X_FRAME_OPTIONS stays SAMEORIGIN (not DENY): Wagtail's live preview frames the site's own pages.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Behind the proxy every request comes from it: the login and order-tracking limits read
# the real client from X-Forwarded-For. Each proxy appends the address it was reached
# from ($proxy_add_x_forwarded_for), so with N proxies the client is the N-th entry from
# the right; entries to its left were written by the client and are ignored. django-ipware
# counts the proxies *after* the client in the header, hence N - 1, and must not be
# strict: a client may send a header of its own, which makes the chain longer.
if E.TRUSTED_PROXY_COUNT > 0:
    IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    IPWARE_META_PROXY_COUNT = E.TRUSTED_PROXY_COUNT - 1
    IPWARE_STRICT = False

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
if E.AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "uploads.s3.MediaStorage",  # types and downloads: see uploads/s3.py
        "OPTIONS": {
            "bucket_name": E.AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": E.AWS_S3_ENDPOINT_URL or None,
            "region_name": E.AWS_S3_REGION_NAME or None,
            "custom_domain": E.AWS_S3_CUSTOM_DOMAIN or None,
            "file_overwrite": False,
            "default_acl": None,
        },
    }

if E.EMAIL_URL:
    _email = E.env.email_url("EMAIL_URL")
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email.get("EMAIL_HOST", "")
    EMAIL_PORT = _email.get("EMAIL_PORT", 25)
    EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
    EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
else:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

# Tasks go to a database-backed queue that `manage.py db_worker` processes drain.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
