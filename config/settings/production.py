"""Production: everything from the environment, refusing to start without the essentials.

Stateless app processes behind a reverse proxy that terminates HTTPS; PostgreSQL,
Redis for cache and sessions, media on S3-compatible storage, a worker for tasks.
"""

from django.core.exceptions import ImproperlyConfigured

from config.content_security_policy import origin

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
# Subdomains and preload bind more than this site to HTTPS (and preload cannot be taken
# back quickly): the domain owner turns them on, see .env.example.
SECURE_HSTS_INCLUDE_SUBDOMAINS = E.SECURE_HSTS_INCLUDE_SUBDOMAINS
SECURE_HSTS_PRELOAD = E.SECURE_HSTS_PRELOAD
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
OSCAR_BASKET_COOKIE_SECURE = True
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = True
# X_FRAME_OPTIONS stays SAMEORIGIN (not DENY): Wagtail's live preview frames the site's own pages.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
# Django warns when HSTS leaves out subdomains (W005) or preload (W021); both are off by
# default on purpose (above), so the warnings are silenced only while they are off.
if not SECURE_HSTS_INCLUDE_SUBDOMAINS:
    SILENCED_SYSTEM_CHECKS.append("security.W005")
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS.append("security.W021")

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
    # Media images come from the bucket's domain, not the site's: allow it in img-src.
    if E.AWS_S3_CUSTOM_DOMAIN:
        _media_origins = [f"https://{E.AWS_S3_CUSTOM_DOMAIN}"]
    elif E.AWS_S3_ENDPOINT_URL:
        _media_origins = [origin(E.AWS_S3_ENDPOINT_URL)]
    else:  # AWS itself: virtual-hosted URLs, global or regional
        _bucket = E.AWS_STORAGE_BUCKET_NAME
        _media_origins = [f"https://{_bucket}.s3.amazonaws.com"]
        if E.AWS_S3_REGION_NAME:
            _media_origins.append(f"https://{_bucket}.s3.{E.AWS_S3_REGION_NAME}.amazonaws.com")
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] += _media_origins  # noqa: F405

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
