"""The embedded default for a developer's machine: debug on, a local secret, any local host."""

from .base import *  # noqa: F401,F403
from .base import E

DEBUG = E.env.bool("DEBUG", default=True)
SECRET_KEY = E.SECRET_KEY or "dev-only-not-secret-ocop-can-tho"
ALLOWED_HOSTS = E.ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]

# VietQR: without a configured account the embedded default shows a sample one, marked as
# such wherever it appears (nobody should transfer real money to it).
if not (E.VIETQR_BANK_BIN and E.VIETQR_ACCOUNT_NUMBER and E.VIETQR_ACCOUNT_NAME):
    VIETQR_BANK_BIN = "970436"  # Vietcombank's BIN
    VIETQR_ACCOUNT_NUMBER = "0000000000"
    VIETQR_ACCOUNT_NAME = "OCOP CAN THO TAI KHOAN MAU"
    VIETQR_SAMPLE = True

# Uploaded media, served by uploads.serving (no nginx here).
SERVE_MEDIA = True

# The sample Cần Thơ of `load_demo_data` belongs here.
DEMO_DATA_ALLOWED = True
