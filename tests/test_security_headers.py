"""Security headers and cookies (issue 9): Content-Security-Policy with a fresh nonce per
response, no inline script without it, Permissions-Policy, SameSite on every cookie, and
HSTS subdomains/preload only when the environment asks for them.

Pages are read from the demo data (loaded once for the module, as in test_pages_smoke),
from the seller area and from a checkout taken up to its review page.
"""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from checkout.tests.factories import checkout_until_review, two_producer_shop
from config.content_security_policy import stripe_sources
from seller.tests.factories import PASSWORD, load_reference, make_producer

from .test_pages_smoke import demo_paths  # noqa: F401  (module-scoped demo data fixture)
from .test_smoke import manage, production_env

CSP = "Content-Security-Policy"
NONCE = re.compile(r"'nonce-([A-Za-z0-9+/=]+)'")
# Scripts the browser never runs: json_script data.
DATA_TYPES = {"application/json", "application/ld+json"}


def directives(response):
    """{directive: [sources]} of the response's Content-Security-Policy."""
    policy = {}
    for part in response[CSP].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def nonce_of(response):
    found = NONCE.findall(response[CSP])
    assert len(found) == 1, response[CSP]
    return found[0]


class Scripts(HTMLParser):
    """Inline scripts (no src, not data) and inline event handlers of a page."""

    def __init__(self):
        super().__init__()
        self.inline = []  # the nonce attribute of each inline script, None when missing
        self.handlers = []  # on…="" attributes and javascript: links, which no nonce can allow

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and attrs.get("type") not in DATA_TYPES:
            self.inline.append(attrs.get("nonce"))
        for name, value in attrs.items():
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.handlers.append(f"<{tag} {name}={value!r}>")


def check_scripts(response):
    """What is wrong with the page's scripts under its policy, or []."""
    assert response.status_code == 200, response.status_code
    nonce = nonce_of(response) if "'nonce-" in response[CSP] else None
    parser = Scripts()
    parser.feed(response.content.decode())
    wrong = [f"inline script with nonce {n!r}" for n in parser.inline if n != nonce]
    return wrong + parser.handlers


def check_policy(response):
    """The policy's script and frame rules hold on this response."""
    policy = directives(response)
    assert policy["script-src"][0] == "'self'"
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "https://tile.openstreetmap.org" in policy["img-src"]


# --- Public pages ----------------------------------------------------------------------


@pytest.mark.parametrize("language", ["vi", "en"])
def test_public_pages_carry_the_policy_with_a_fresh_nonce(client, demo_paths, language):  # noqa: F811
    prefix = "/en" if language == "en" else ""
    for path in demo_paths.values():
        # Under /en/ a Vietnamese path redirects to its English page (cms.locales).
        first = client.get(prefix + path, follow=True)
        second = client.get(prefix + path, follow=True)

        assert first.status_code == second.status_code == 200, path
        check_policy(first)
        assert nonce_of(first) != nonce_of(second), path
        assert "Permissions-Policy" in first


@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_public_page_has_an_inline_script_without_the_nonce(client, demo_paths, language):  # noqa: F811
    prefix = "/en" if language == "en" else ""
    wrong = {
        path: problems
        for path in demo_paths.values()
        if (problems := check_scripts(client.get(prefix + path, follow=True)))
    }
    assert wrong == {}


def test_the_friendly_404_and_search_pages_follow_the_policy(client, demo_paths):  # noqa: F811
    missing = client.get("/khong-co-trang-nay/")
    assert missing.status_code == 404
    check_policy(missing)
    search = client.get("/cua-hang/search/", {"q": "banh trang"})
    assert check_scripts(search) == []


def test_the_nonce_in_the_page_is_the_one_in_the_header(client, demo_paths):  # noqa: F811
    response = client.get("/")
    assert f'<script nonce="{nonce_of(response)}">' in response.content.decode()


# --- Seller area, dashboard and checkout -----------------------------------------------


@pytest.fixture
def producer(db):
    load_reference()
    return make_producer("HTX Bánh tráng Thuận Hưng", "a@example.vn", "Bánh tráng sữa")


def test_seller_area_pages_follow_the_policy(client, producer):
    user, _partner, product = producer
    client.force_login(user)
    for name, args in [
        ("seller:home", []),
        ("seller:products", []),
        ("seller:product-add", []),
        ("seller:product-edit", [product.pk]),
        ("seller:orders", []),
        ("seller:sales", []),
        ("seller:profile", []),
    ]:
        first, second = client.get(reverse(name, args=args)), client.get(reverse(name, args=args))

        check_policy(first)
        assert nonce_of(first) != nonce_of(second), name
        assert check_scripts(first) == [], name


def test_oscar_dashboard_follows_the_policy(admin_client):
    for name in ["dashboard:index", "dashboard:order-list", "dashboard:catalogue-product-list"]:
        response = admin_client.get(reverse(name))

        check_policy(response)
        assert check_scripts(response) == [], name


@pytest.mark.django_db
def test_checkout_pages_follow_the_policy():
    client = Client()
    rice, honey = two_producer_shop()
    with translation.override("vi"):
        checkout_until_review(client, [(rice, 1), (honey, 1)], method="cod")
        pages = [
            client.get(reverse("basket:summary")),
            client.get(reverse("checkout:shipping-address")),
            client.get(reverse("checkout:payment-method")),
            client.get(reverse("checkout:preview")),
        ]
    nonces = {nonce_of(page) for page in pages}

    assert len(nonces) == len(pages)
    for page in pages:
        check_policy(page)
        assert check_scripts(page) == [], page.request["PATH_INFO"]


# --- Stripe.js in the policy ------------------------------------------------------------


def test_stripe_js_from_stripe_gets_stripes_published_sources():
    sources = stripe_sources("https://js.stripe.com/v3/")

    assert sources["script-src"] == ["https://js.stripe.com", "https://*.js.stripe.com"]
    assert "https://hooks.stripe.com" in sources["frame-src"]
    assert sources["connect-src"] == ["https://api.stripe.com"]


def test_stripe_js_from_localstripe_gets_its_one_origin():
    sources = stripe_sources("http://127.0.0.1:8420/js.stripe.com/v3/")

    assert sources == {
        "script-src": ["http://127.0.0.1:8420"],
        "frame-src": ["http://127.0.0.1:8420"],
        "connect-src": ["http://127.0.0.1:8420"],
    }
    assert stripe_sources("") == {}


@pytest.mark.django_db
def test_the_policy_follows_the_stripe_js_setting_at_each_response(client, settings):
    settings.STRIPE_JS_URL = "http://127.0.0.1:8420/js.stripe.com/v3/"
    local = directives(client.get("/cua-hang/basket/"))
    settings.STRIPE_JS_URL = "https://js.stripe.com/v3/"
    stripe = directives(client.get("/cua-hang/basket/"))

    assert "http://127.0.0.1:8420" in local["script-src"]
    assert "https://js.stripe.com" not in local["script-src"]
    assert "https://js.stripe.com" in stripe["script-src"]
    assert "http://127.0.0.1:8420" not in stripe["script-src"]


# --- Permissions-Policy ------------------------------------------------------------------


@pytest.mark.django_db
def test_permissions_policy_allows_geolocation_to_the_site_only_and_no_camera(client):
    header = client.get("/cua-hang/basket/")["Permissions-Policy"]
    features = dict(item.split("=", 1) for item in header.split(", "))

    assert features["camera"] == "()"  # only the ticket scanner films (seller tests)
    assert features["geolocation"] == "(self)"
    for off in ["microphone", "payment", "usb", "serial", "hid", "display-capture"]:
        assert features[off] == "()", off


# --- Cookies -----------------------------------------------------------------------------


def set_cookies(response):
    """The response's Set-Cookie header lines."""
    return response.cookies.output().splitlines()


def test_every_cookie_the_shop_sets_has_samesite(producer):
    _user, _partner, product = producer
    client = Client()
    seen = []
    # a visitor reads a product (no cookie: the page is the same for everyone), fills a
    # basket (basket cookie), switches language, then signs in (session, CSRF, the basket
    # cookie deleted as it merges).
    assert set_cookies(client.get(product.get_absolute_url())) == []
    seen += set_cookies(
        client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    )
    seen += set_cookies(client.get(reverse("customer:login")))
    seen += set_cookies(client.post("/i18n/setlang/", {"language": "en", "next": "/"}))
    seen += set_cookies(
        client.post(
            reverse("customer:login"),
            {"login-username": "a@example.vn", "login-password": PASSWORD, "login_submit": "1"},
        )
    )
    names = {line.split(":", 1)[1].split("=", 1)[0].strip() for line in seen}

    assert {"oscar_open_basket", "csrftoken", "django_language"} <= names
    assert "sessionid" in names
    assert [line for line in seen if "SameSite=" not in line] == []


# --- HSTS --------------------------------------------------------------------------------

SHOW_HSTS = (
    "from django.http import HttpResponse; "
    "from django.middleware.security import SecurityMiddleware; "
    "from django.test import RequestFactory; "
    "request = RequestFactory().get('/', secure=True); "
    "print(SecurityMiddleware(lambda r: HttpResponse())(request)['Strict-Transport-Security'])"
)


def test_production_hsts_leaves_subdomains_and_preload_off_by_default():
    result = manage("shell", "--no-imports", "-c", SHOW_HSTS, env=production_env())

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "max-age=31536000"


def test_production_hsts_takes_subdomains_and_preload_when_the_env_says_so():
    env = production_env(SECURE_HSTS_INCLUDE_SUBDOMAINS="true", SECURE_HSTS_PRELOAD="true")
    result = manage("shell", "--no-imports", "-c", SHOW_HSTS, env=env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "max-age=31536000; includeSubDomains; preload"
