"""Project-wide pytest fixtures: a real Chromium for browser journeys.

Browser tests are marked ``@pytest.mark.browser`` and take ``phone_page`` or
``desktop_page``: a fresh Playwright page in its own browser context whose ``base_url`` is
pytest-django's ``live_server`` (bound to 127.0.0.1 on a free port, see pyproject.toml), so
``page.goto("/")`` opens the site under test. ``live_server`` makes the test transactional:
the database is flushed after each test, so a browser test creates its own data.

Chromium is Debian's ``/usr/bin/chromium`` (``apt-get install chromium``), driven through
``executable_path``; Playwright's own browser download is never used.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # The machines have no outside network: stop Chromium from trying to reach Google.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Failed browser tests leave a screenshot here (git-ignored).
RESULTS_DIR = Path(__file__).resolve().parent / "test-results"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)

    # Playwright's sync API keeps an event loop running in the test thread, which trips
    # Django's guard against ORM calls from async code although every call here is sync.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


# --- What the security headers blocked (headers) --------------------------------------
# Every page keeps, in `page.policy_violations`, what the browser refused under the
# Content-Security-Policy or Permissions-Policy: the DOM's securitypolicyviolation event
# (in every frame) and Chromium's own console reports. Tests assert the list is empty.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (event) {
    console.error("CSP violation on " + event.documentURI + ": " + event.violatedDirective +
        " blocked " + (event.blockedURI || "inline") + " at " + event.sourceFile + ":" +
        event.lineNumber + " " + (event.sample || ""));
});
"""
POLICY_MESSAGES = (
    "Content Security Policy",
    "CSP violation",
    "Permissions-Policy",
    "Permissions policy",
)


def _watch_policies(context):
    violations = []
    context.add_init_script(REPORT_CSP_VIOLATIONS)

    def keep(message):
        if any(words in message.text for words in POLICY_MESSAGES):
            violations.append(message.text)

    context.on("console", keep)
    return violations


# ----------------------------------------------------------------------------------------


def _page(request, browser, live_server, **context_options):
    context = browser.new_context(
        base_url=live_server.url, timezone_id="Asia/Ho_Chi_Minh", **context_options
    )
    context.set_default_timeout(10_000)
    violations = _watch_policies(context)
    page = context.new_page()
    page.policy_violations = violations
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        RESULTS_DIR.mkdir(exist_ok=True)
        page.screenshot(path=RESULTS_DIR / f"{request.node.name}.png", full_page=True)
    context.close()


@pytest.fixture
def phone_page(request, browser, live_server, transactional_db):
    """A phone (390×844, touch, mobile) set to Vietnamese, as most buyers arrive."""
    yield from _page(
        request,
        browser,
        live_server,
        viewport={"width": 390, "height": 844},
        device_scale_factor=3,
        is_mobile=True,
        has_touch=True,
        locale="vi-VN",
    )


@pytest.fixture
def desktop_page(request, browser, live_server, transactional_db):
    """A laptop-sized window (1366×900) set to Vietnamese."""
    yield from _page(
        request, browser, live_server, viewport={"width": 1366, "height": 900}, locale="vi-VN"
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Keeps each phase's report on the test item so page fixtures can see a failure.
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # A live-server test ends with a flush that also empties the rows Wagtail's
    # migrations create; a reused test database would start the next run without them.
    from cms.tests.factories import ensure_wagtail_roots

    with django_db_blocker.unblock():
        ensure_wagtail_roots()


@contextmanager
def demo_for_module(django_db_blocker):
    """The demo data for the tests of one module: loaded once, in a transaction rolled back
    after them, with the cache (whose entries name its rows)."""
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import transaction

    from cms.tests.factories import ensure_wagtail_roots

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            ensure_wagtail_roots()
            call_command("load_demo_data", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()


@pytest.fixture
def demo_site(transactional_db):
    """The Cần Thơ demo data, loaded for a browser test. live_server empties the database
    after each test, Wagtail's own root rows included, so they are restored first."""
    from django.core.management import call_command

    from cms.tests.factories import ensure_wagtail_roots

    ensure_wagtail_roots()
    call_command("load_demo_data", verbosity=0)


@pytest.fixture
def no_page_cache(settings):
    """Pages rendered every time: for tests that count a rendering's queries or read its
    template context (a page from the page cache has neither)."""
    settings.OCOP_PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _empty_cache():
    # The database is rolled back after each test but a shared cache (Redis in CI) is
    # not: start every test from an empty one so no test sees another's pages.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _stored_ratings_unchecked():
    # The days whose stored ratings were found fresh (catalogue.ratings) hold in one
    # process while time runs forward; tests travel in time and roll rows back.
    from catalogue import ratings

    ratings._fresh_days.clear()


@pytest.fixture(autouse=True)
def _site_language():
    # A request to /en/… leaves English active in the thread (LocaleMiddleware activates
    # it and nothing resets it): start every test in the site's language, as a first
    # visit does, so reverse() and gettext in one test never depend on the one before.
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
