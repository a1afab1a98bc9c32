"""Project-wide smoke tests: the configuration holds together as a whole."""

import os
import re
import subprocess
import sys
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.utils import translation

BASE_DIR = Path(__file__).resolve().parent.parent

# Values of the right shape for a production start; none of them is a real secret.
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "smoke-test-dummy-key-abcdefghijklmnopqrstuvwxyz-0123456789",
    "ALLOWED_HOSTS": "shop.example.vn",
    "SITE_URL": "https://shop.example.vn",
    "DATABASE_URL": "sqlite:////tmp/ocop-smoke-production.sqlite3",
}


def manage(*args, env):
    """Runs manage.py in a fresh interpreter, as a deployment would start it."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_env(**overrides):
    # The browser fixtures' DJANGO_ALLOW_ASYNC_UNSAFE is for tests only: a deployment lacks it.
    env = {**os.environ, **PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE": None, **overrides}
    return {name: value for name, value in env.items() if value is not None}


@pytest.mark.django_db
def test_every_model_change_has_a_migration():
    output = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=output)
    except SystemExit:
        pytest.fail("Model changes without a migration:\n" + output.getvalue())


def test_deploy_check_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr


@pytest.mark.parametrize("variable", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SITE_URL"])
def test_production_refuses_to_start_without(variable):
    result = manage("check", env=production_env(**{variable: None}))

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"Production needs these environment variables: {variable}" in result.stderr


def test_production_starts_with_the_log_level_in_either_case():
    # site/gunicorn.conf.py lowers LOG_LEVEL for gunicorn; Django's logging refused
    # "debug" and the workers failed to boot.
    result = manage("check", env=production_env(LOG_LEVEL="debug"))

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        # Vietnamese groups thousands with dots and puts the dong sign after a no-break space.
        ("vi", "150.000\N{NO-BREAK SPACE}₫"),
        # English: one format everywhere on /en/, filters included.
        ("en", "150,000\N{NO-BREAK SPACE}₫"),
    ],
)
@pytest.mark.parametrize("library", ["currency_filters", "money"])
def test_prices_show_whole_dong_in_each_language(library, language, expected):
    # Oscar's library, and ours that remembers it per amount and language (the cards'):
    # the same amount given three ways prints the page's language's way each time.
    template = Template(f"{{% load {library} %}}{{{{ price|currency }}}}")

    for price in ("150000.00", 150_000, Decimal("150000")):
        with translation.override(language):
            rendered = template.render(Context({"price": price}))

        assert rendered == expected


@pytest.mark.django_db
def test_health_check_answers_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"


def test_env_example_lists_every_variable_the_settings_read():
    # Every read goes through django-environ: env.str("NAME", ...), E.env.bool("NAME", ...).
    read = set()
    for module in (BASE_DIR / "config").rglob("*.py"):
        read |= set(re.findall(r'env\.\w+\(\s*"([A-Z][A-Z0-9_]*)"', module.read_text()))
    listed = set(re.findall(r"^([A-Z][A-Z0-9_]*)=", (BASE_DIR / ".env.example").read_text(), re.M))

    assert "SECRET_KEY" in read
    assert read - listed == set()
