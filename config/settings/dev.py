"""The embedded default for a developer's machine: debug on, a local secret, any local host."""

from .base import *  # noqa: F401,F403
from .base import E

DEBUG = E.env.bool("DEBUG", default=True)
SECRET_KEY = E.SECRET_KEY or "dev-only-not-secret-ocop-can-tho"
ALLOWED_HOSTS = E.ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]

# Uploaded media, served by uploads.serving (no nginx here).
SERVE_MEDIA = True

# The sample Cần Thơ of `load_demo_data` belongs here.
DEMO_DATA_ALLOWED = True
