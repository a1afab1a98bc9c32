"""Every environment variable the project reads, in one place.

Settings modules import from here; nothing else calls ``os.environ``. Each variable
is listed with its meaning in ``.env.example``. Without any of them set, the site
runs on the embedded default: SQLite, in-process cache, tasks run immediately,
media on local disk.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
# Local state of the embedded default (SQLite file, media, localstripe state). Ignored by git.
DATA_DIR = BASE_DIR / "var"

env = environ.Env()

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The public address (https://shop.example.vn); required in production, 127.0.0.1:8000 locally.
SITE_URL = env.str("SITE_URL", default="")

DATABASE_URL = env.str("DATABASE_URL", default="")
REDIS_URL = env.str("REDIS_URL", default="")

EMAIL_URL = env.str("EMAIL_URL", default="")
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="OCOP Cần Thơ <no-reply@ocop-cantho.local>"
)

# S3-compatible media storage; switched on when the bucket is named.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="")
AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default="")
AWS_S3_CUSTOM_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN", default="")

STRIPE_PUBLISHABLE_KEY = env.str("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")
# Base URL of a Stripe-compatible API (localstripe in local runs); empty means Stripe itself.
STRIPE_API_BASE = env.str("STRIPE_API_BASE", default="")
# Where the browser loads Stripe.js; localstripe serves a test copy at <base>/js.stripe.com/v3/.
STRIPE_JS_URL = env.str("STRIPE_JS_URL", default="https://js.stripe.com/v3/")

# Bank transfers by VietQR: the shop's account (bank BIN, number, holder's name as the bank
# writes it); offered when all three are set. Unpaid transfers are cancelled after the hours.
VIETQR_BANK_BIN = env.str("VIETQR_BANK_BIN", default="")
VIETQR_ACCOUNT_NUMBER = env.str("VIETQR_ACCOUNT_NUMBER", default="")
VIETQR_ACCOUNT_NAME = env.str("VIETQR_ACCOUNT_NAME", default="")
VIETQR_EXPIRY_HOURS = env.int("VIETQR_EXPIRY_HOURS", default=48)

# "database": background tasks wait in the database for `manage.py db_worker`;
# "immediate": they run at once inside the request (tests). Production always queues.
TASKS_BACKEND = env.str("TASKS_BACKEND", default="immediate")

# HSTS for every subdomain too, and asking browsers to preload it: a domain owner's choice
# (it binds every subdomain to HTTPS for good), so off unless set.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)

# Anonymous public pages kept whole in the cache (seconds; 0 turns it off, e.g. to measure).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)

# Either case: gunicorn's conf lowers it, Django's logging wants capitals.
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO").upper()
# How many reverse proxies stand in front of the app (production): the login and
# order-tracking limits read the client's address that many entries from the right of
# X-Forwarded-For; 0 means none, and the connection's own address is the client's.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)

# Banner saying that names, products and certificates are sample data (off for real data).
DEMO_DATA_NOTICE = env.bool("DEMO_DATA_NOTICE", default=True)
