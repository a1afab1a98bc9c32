"""Settings shared by every way the site runs. Safe as they stand: no debug, no secret.

Values that differ between machines come from ``config.env``; ``dev``, ``test`` and
``production`` adjust these for their purpose.
"""

import dj_database_url
from csp.constants import NONCE, NONE, REPORT_SAMPLE, SELF, UNSAFE_INLINE
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F401,F403  (Oscar's OSCAR_* defaults, overridden below)

from config import env as E

BASE_DIR = E.BASE_DIR
DATA_DIR = E.DATA_DIR

SECRET_KEY = E.SECRET_KEY
DEBUG = E.DEBUG
ALLOWED_HOSTS = E.ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = E.CSRF_TRUSTED_ORIGINS
# The public address of the site: absolute links in emails and sitemaps, Django's Site row
# and Wagtail's default site (cms.site_domain). Production requires it.
SITE_URL = (E.SITE_URL or "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # Project apps first so their templates and translations win.
    "cms",
    "profiles",
    "villages",
    "experiences",
    "seller",
    "audit",
    "uploads",
    "pagecache",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.forms",
    # Oscar, with the catalogue forked into ./catalogue
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "shipping.apps.ShippingConfig",
    "catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "partner.apps.PartnerConfig",
    "basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "order.apps.OrderConfig",
    "payments.apps.PaymentsConfig",
    "customer.apps.CustomerConfig",
    "search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "oscar.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "dashboard.orders.apps.OrdersDashboardConfig",
    "dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "haystack",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    # Page translation (vi source, en translations): wagtail-localize's editor, its
    # "Translate this page" and "Sync translated pages" actions, and its locales admin.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
]

MIDDLEWARE = [
    # Before everything: a cached anonymous page is answered here, with the headers the
    # others gave it when it was rendered (pagecache/middleware.py).
    "pagecache.middleware.PageCacheMiddleware",
    # Outermost of the rest, so it sees every cookie the others set (config/samesite_cookies.py).
    "config.samesite_cookies.SameSiteCookiesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.content_security_policy.ContentSecurityPolicyMiddleware",
    "config.permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The Wagtail site and its settings from the cache, not two queries a request.
    "cms.site_lookup.SiteLookupMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "cms.admin_language.AdminLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

# Form widgets render through TEMPLATES, so templates/ can override a widget's template
# (templates/oscar/forms/widgets/image_input_widget.html drops Oscar's inline handlers).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "cms.context_processors.site_notices",
            ],
            # Oscar's money filter, remembered per amount, for cards (config/money.py).
            "libraries": {"money": "config.money"},
        },
    },
]

# Database: the embedded SQLite file unless DATABASE_URL names another.
DATABASES = {
    "default": dj_database_url.parse(
        E.DATABASE_URL or f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=0 if not E.DATABASE_URL else 60,
        conn_health_checks=bool(E.DATABASE_URL),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's default random_page_cost (4) is priced for spinning disks: with the
    # catalogue in memory or on SSD it prefers hashing every stock record and scanning
    # every product's text to a few thousand index lookups and the trigram indexes
    # (several times slower). 1.1 is the usual figure for SSDs.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c random_page_cost=1.1"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# Cache and sessions: Redis when REDIS_URL is set, otherwise in-process memory.
if E.REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": E.REDIS_URL,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    # Written through to the database: Redis evicts the least used keys when full (and
    # the page cache fills it), which must not sign anyone out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Files, not process memory: the server, the task worker and the scheduler (and every
    # gunicorn worker) must see one cache, or a change made by one of them would leave
    # the others serving stale pages (pagecache/).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": DATA_DIR / "cache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Background tasks (Django's task framework, used by Wagtail and the scheduled work): run
# at once in-process by default (tests); TASKS_BACKEND=database queues them in the
# database for `manage.py db_worker`, as `make run` and production do.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if E.TASKS_BACKEND == "database"
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}
# Saving a product photo or a Wagtail image queues the making of the renditions pages show
# (catalogue.product_images, cms.image_renditions), so no visitor waits for one.
RENDITIONS_ON_SAVE = True
# What the scheduler (`manage.py run_scheduler`) enqueues, and when (cron, TIME_ZONE).
OCOP_SCHEDULE = {
    # Card payments left unfinished: authorised without an order, captures due.
    "payments.tasks.sweep_payments": "*/2 * * * *",
    # Certificates expiring within 30 days: each producer is reminded once.
    "seller.tasks.send_certificate_reminders": "0 7 * * *",
    # VietQR transfers not received within VIETQR_EXPIRY_HOURS: cancelled, stock returned.
    "payments.providers.vietqr.expire_unpaid_transfers": "*/15 * * * *",
    # Experiences: slots OCOP_SLOT_DAYS ahead from their schedules; holds that ran out.
    "experiences.tasks.generate_slots": "10 0 * * *",
    "experiences.tasks.expire_holds": "*/5 * * * *",
    # Sessions that ran out (kept in the database, also behind Redis).
    "customer.tasks.clear_expired_sessions": "30 3 * * *",
    # Stored OCOP ratings (catalogue.ratings) of certificates starting or ending today.
    "catalogue.tasks.refresh_ratings": "0 0 * * *",
}
# Experiences: how long places are held while the tourist pays, and how far ahead the
# schedules' slots are made.
OCOP_BOOKING_HOLD_MINUTES = 20
OCOP_SLOT_DAYS = 60

AUTHENTICATION_BACKENDS = (
    # First, so a locked-out login is refused before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/"
# The shop's login page, reversed per request so it is in the visitor's language.
LOGIN_URL = reverse_lazy("customer:login")

# Login rate limit (django-axes) on every login form: the shop's and the CMS's. Counted
# per account *and* address: mobile carriers put many people behind one address, so
# locking a whole address would lock out strangers.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "seller/locked_out.html"
AXES_VERBOSE = False
AXES_USERNAME_CALLABLE = "seller.security.login_username"
# A lock lasts 15 minutes from the failure that set it: attempts during the lock do not
# extend it, or whoever keeps guessing would keep the owner out for good.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# The client's address, for the login limit and the order-tracking limit alike, comes
# from django-ipware (seller.security.client_address). Without a proxy in front (dev,
# tests) it is the connection's own address: X-Forwarded-For is not to be believed.
# Production reads it from the proxy's X-Forwarded-For (see production.py).
AXES_CLIENT_IP_CALLABLE = "seller.security.client_address"
IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# Languages: Vietnamese first (at /), English second (at /en/).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# Pages live in one tree per language (cms.locales): Vietnamese is the source, English
# its translation, at English slugs under /en/.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin's languages an editor may choose; Vietnamese unless they do (cms/admin_language.py).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers per language (config/formats): dd/mm/yyyy in Vietnamese.
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
# Editors all work in Vietnam: one time zone, not a list of six hundred to scroll.
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Self-hosted webfont (Be Vietnam Pro, with its Vietnamese subset), installed by `npm ci`.
    ("vendor/fonts/be-vietnam-pro", BASE_DIR / "node_modules/@fontsource/be-vietnam-pro/files"),
    # Leaflet for the village and producer maps, installed by `npm ci`.
    ("vendor/leaflet", BASE_DIR / "node_modules/leaflet/dist"),
    # jsQR, the ticket scanner's QR decoder where the browser has no BarcodeDetector.
    ("vendor/jsqr", BASE_DIR / "node_modules/jsqr/dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o644

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = E.DEFAULT_FROM_EMAIL
SERVER_EMAIL = E.DEFAULT_FROM_EMAIL

# Shows the "sample data" banner on every page while the catalogue holds demo data.
DEMO_DATA_NOTICE = E.DEMO_DATA_NOTICE
# Whether `load_demo_data` may fill this database with sample producers and accounts
# without --force. Only the local (dev) and test settings allow it.
DEMO_DATA_ALLOWED = False

# Oscar
OSCAR_SHOP_NAME = "OCOP Cần Thơ"
OSCAR_SHOP_TAGLINE = _("Sản phẩm OCOP của thành phố Cần Thơ")
OSCAR_HOMEPAGE = "/"
OSCAR_DEFAULT_CURRENCY = "VND"
# The one money format (Oscar's `currency` filter, used everywhere): the amount, then ₫,
# grouped the language's way: 150.000 ₫ in Vietnamese, 150,000 ₫ in English.
OSCAR_CURRENCY_FORMAT = {"VND": {"format": "#,##0\u00a0¤"}}
OSCAR_FROM_EMAIL = E.DEFAULT_FROM_EMAIL
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_MISSING_IMAGE_URL = "image_not_found.jpg"
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "line1", "line4", "country")
OSCAR_HIDDEN_FEATURES = ["reviews", "wishlists"]
OSCAR_SLUG_ALLOW_UNICODE = False
# "đ" has no decomposed form, so Oscar's ASCII slugifier would drop it: map it first.
OSCAR_SLUG_MAP = {"đ": "d", "Đ": "D"}

# Orders: the status follows the producers' groups (order/status.py derives it and checks
# this pipeline), never set by hand. It only moves forward.
OSCAR_INITIAL_ORDER_STATUS = "Mới"
OSCAR_ORDER_STATUS_PIPELINE = {
    "Mới": ["Đã đóng gói", "Đang giao", "Đã giao", "Đã hủy", "Đã hoàn tiền"],
    "Đã đóng gói": ["Đang giao", "Đã giao", "Đã hủy", "Đã hoàn tiền"],
    "Đang giao": ["Đã giao", "Đã hoàn tiền"],
    "Đã giao": ["Đã hoàn tiền"],
    "Đã hủy": [],
    "Đã hoàn tiền": [],
}

# Oscar's search goes through haystack; the catalogue's own browsing and search do not
# need a search server, so haystack is given its no-op backend.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"
# Seconds a listing's facet counts and page ids are kept (keyed by day and catalogue
# version, so any change is seen at once); 0 turns the cache off.
OCOP_BROWSE_CACHE_SECONDS = 300
# Seconds an anonymous public page is kept whole (pagecache/): any change it shows makes
# it stale at once, so this only bounds what changes with the clock (places of today's
# experiences, holds running out); 0 turns the page cache off.
OCOP_PAGE_CACHE_SECONDS = E.PAGE_CACHE_SECONDS
# Seconds a rendered product card is kept (pagecache/fragments.py), for visitors the page
# cache does not serve and pages it does not hold; its key changes with anything it shows,
# so this only bounds memory. 0 turns it off.
OCOP_FRAGMENT_CACHE_SECONDS = 3600

THUMBNAIL_DEBUG = False
THUMBNAIL_KVSTORE = "sorl.thumbnail.kvstores.cached_db_kvstore.KVStore"

# Wagtail
WAGTAIL_SITE_NAME = "OCOP Cần Thơ"
WAGTAILADMIN_BASE_URL = SITE_URL
# No avatars from gravatar.com: a user's email hash must not leave the site, and the
# admin works offline.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "jpg", "jpeg", "png"]
# --- Uploads: only ever images (uploads/) --------------------------------------------
# Wagtail's own checks run first; the same limits as uploads.images, which then reads the
# content and stores a re-encoded copy under a generated name. SVG and GIF are not taken.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "heic"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 6000 * 6000
WAGTAILIMAGES_IMAGE_FORM_BASE = "uploads.wagtail_forms.ImageForm"
# Media served by Django itself (uploads.serving), with safe headers: on for the
# embedded default and the tests; production serves them from nginx or S3.
SERVE_MEDIA = False
# --- end uploads ---------------------------------------------------------------------
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Stripe: card payments are offered only when both keys are set.
STRIPE_PUBLISHABLE_KEY = E.STRIPE_PUBLISHABLE_KEY
STRIPE_SECRET_KEY = E.STRIPE_SECRET_KEY
STRIPE_WEBHOOK_SECRET = E.STRIPE_WEBHOOK_SECRET
STRIPE_API_BASE = E.STRIPE_API_BASE

# --- Checkout: payments and delivery -----------------------------------------------------
# Stripe.js comes from Stripe in production and from localstripe in local and test runs.
STRIPE_JS_URL = E.STRIPE_JS_URL
# Seconds before a call to Stripe gives up; the checkout stays pending and can be retried.
STRIPE_TIMEOUT = 10
# VND is zero-decimal: amounts are whole đồng. Stripe takes at most eight digits and at
# least about US$0.50 (OCOP-REFERENCE §5.2); outside these bounds only cash on delivery.
STRIPE_MAX_VND = 99_999_999
STRIPE_MIN_VND = 13_000
# Ways to pay, in the order the payment-method step lists them (payments/providers/).
OCOP_PAYMENT_PROVIDERS = [
    "payments.providers.card.CardProvider",
    "payments.providers.cash.CashOnDeliveryProvider",
    "payments.providers.vietqr.VietQRProvider",
    # Experiences only, where every producer allows it (experiences.Experience).
    "payments.providers.village.PayAtVillageProvider",
]
# Whether an order still waits for its money (order.fulfilment asks before a parcel
# leaves; the order app does not import the payments app).
OCOP_PAYMENT_PENDING_CHECK = "payments.state.is_pending"
# VietQR bank transfer (payments/providers/vietqr.py): offered when the account is set.
VIETQR_BANK_BIN = E.VIETQR_BANK_BIN
VIETQR_ACCOUNT_NUMBER = E.VIETQR_ACCOUNT_NUMBER
VIETQR_ACCOUNT_NAME = E.VIETQR_ACCOUNT_NAME
VIETQR_SAMPLE = False  # True shows "sample account, do not transfer" beside the code
VIETQR_EXPIRY_HOURS = E.VIETQR_EXPIRY_HOURS
# Stripe holds an uncaptured card authorisation this many days; an order whose capture
# has not succeeded by then is cancelled and its stock put back.
OCOP_CARD_AUTHORISATION_DAYS = 7
# One delivery fee per producer in the basket, waived on a producer's part from the threshold.
SHIPPING_FEE_PER_PRODUCER = 30_000
SHIPPING_FREE_FROM = 500_000
# Phone numbers typed without a country code are Vietnamese.
PHONENUMBER_DEFAULT_REGION = "VN"
# ------------------------------------------------------------------------------------------

# Security defaults that hold everywhere; production adds HTTPS-only ones.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# --- Security headers and cookies: CSP, Permissions-Policy, SameSite ---------------------
# Content-Security-Policy (django-csp; config/content_security_policy.py adds Stripe.js's
# origin from STRIPE_JS_URL and the Wagtail admin's exemptions). Scripts: the site's own
# files and inline scripts carrying the response's nonce ({{ request.csp_nonce }}), never
# 'unsafe-inline'. Styles keep 'unsafe-inline': Oscar's own basket, checkout and dashboard
# templates, TinyMCE in the dashboard and the Wagtail admin write style="" attributes and
# <style> elements; a style cannot run code, so the cost is low next to forking them all.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE, REPORT_SAMPLE],
        "style-src": [SELF, UNSAFE_INLINE],
        # Map tiles (templates/components/map.html) and Leaflet's data: images.
        "img-src": [SELF, "data:", "https://tile.openstreetmap.org"],
        "font-src": [SELF],
        "connect-src": [SELF],
        # Wagtail's live preview frames the site itself; video blocks embed these players.
        "frame-src": [
            SELF,
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": [NONE],
        "base-uri": [SELF],
        # Card payments never post a form to Stripe: Stripe.js calls it and 3-D Secure
        # runs in Stripe's frame, whose own forms its own policy governs.
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# The Wagtail admin only (config/content_security_policy.py): Wagtail 8's form widgets
# (date and chooser fields) still start themselves with inline <script> tags, which its
# StreamField and inline panels also insert at run time, so no nonce can cover them.
# Inline scripts run there, without a nonce (a nonce would make browsers ignore
# 'unsafe-inline'); only signed-in editors reach these pages.
CMS_CSP_PATH = "/cms/"
CMS_CSP_REPLACE = {"script-src": [SELF, UNSAFE_INLINE]}

# Permissions-Policy (config/permissions_policy.py): geolocation for maps, on the site's own
# pages only; the camera only on the seller area's ticket scanner (allow_features); the
# rest off.
# Payment stays off while the card form has no wallet buttons (Apple/Google Pay through
# Stripe's Payment Request would need payment=(self "https://js.stripe.com")).
PERMISSIONS_POLICY = {
    "camera": [],
    "geolocation": ["self"],
    "microphone": [],
    "payment": [],
    "usb": [],
    "serial": [],
    "hid": [],
    "midi": [],
    "accelerometer": [],
    "gyroscope": [],
    "magnetometer": [],
    "display-capture": [],
    "screen-wake-lock": [],
    "xr-spatial-tracking": [],
}

# SameSite=Lax on every cookie: Django's own by their settings, any other (Oscar's basket
# and recently-viewed cookies) by config/samesite_cookies.py. Lax, not Strict, so a shopper
# arriving from a link or back from a bank's 3-D Secure page still has their basket.
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
SAMESITE_COOKIES_DEFAULT = "Lax"
# ------------------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": E.LOG_LEVEL},
    "loggers": {"django": {"handlers": ["console"], "level": E.LOG_LEVEL, "propagate": False}},
}
