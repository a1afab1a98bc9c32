"""Settings for the test suite: fast hashing, mail kept in memory, no debug."""

from pathlib import Path

from .base import *  # noqa: F401,F403
from .base import E

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = E.DATA_DIR / "test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True

if not E.REDIS_URL:
    # One process (the live server is a thread of it): memory is shared enough, and each
    # test starts from an empty cache (conftest.py).
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file rather than memory, so `pytest --reuse-db` keeps the migrated test database.
    # Named after the database file, so runs against different files never share one.
    _name = Path(DATABASES["default"]["NAME"]).stem  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(E.DATA_DIR / f"test-{_name}.sqlite3")}  # noqa: F405

# Threads in the tests (live server, concurrent checkouts) must not keep connections
# open past their work, or the test database cannot be dropped at the end.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# Uploaded media, served by uploads.serving so browser tests see photos.
SERVE_MEDIA = True

# The sample Cần Thơ of `load_demo_data` belongs here.
DEMO_DATA_ALLOWED = True

# Making every rendition of every image a test saves (AVIF above all) would slow the
# suite by minutes; pages then show originals. The tests of renditions turn it on.
RENDITIONS_ON_SAVE = False
