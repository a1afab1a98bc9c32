# Every command a person runs on this project. CI (.ci/run) calls the same targets.
# `make` alone lists them.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Python 3.11 creates the virtual environment; `make PYTHON=/path/to/python3.11 run` overrides.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

# Installs are stamped with a hash of what they installed, so a repeated `make install`
# costs nothing until the content of requirements.txt or package(-lock).json changes.
REQ_STAMP := $(VENV)/.installed-$(shell sha256sum requirements.txt | cut -c1-16)
NPM_STAMP := $(if $(wildcard package.json),node_modules/.installed-$(shell cat package.json $(wildcard package-lock.json) | sha256sum | cut -c1-16))

NPM_INSTALL := npm $(if $(wildcard package-lock.json),ci,install) --no-audit --no-fund

# Local runs reuse the test database; CI builds it anew.
PYTEST_DB := $(if $(CI),--create-db,--reuse-db)

# Dummy production environment for `check --deploy`: values of the right shape, no secrets.
DEPLOY_ENV := DJANGO_SETTINGS_MODULE=config.settings.production \
	SECRET_KEY=check-deploy-dummy-key-0123456789-abcdefghijklmnopqrstuvwxyz \
	ALLOWED_HOSTS=shop.example.vn SITE_URL=https://shop.example.vn \
	DATABASE_URL=sqlite:////tmp/ocop-check-deploy.sqlite3

.PHONY: help venv install run test test-count test-fast lint fmt migrations-check check-deploy \
	messages compile-messages requirements bench styles

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-18s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(PY):
	$(PYTHON) -m venv $(VENV)

venv: $(PY) ## Create the virtual environment (.venv) with Python 3.11

$(REQ_STAMP): | $(PY)
	$(PY) -m pip install --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

ifneq ($(NPM_STAMP),)
$(NPM_STAMP):
	@if command -v npm >/dev/null; then \
		echo "$(NPM_INSTALL)" && $(NPM_INSTALL) && touch $@; \
	else echo "npm not found: the self-hosted webfont is not installed (install Node.js)"; fi
endif

install: $(REQ_STAMP) $(NPM_STAMP) ## Install Python and npm packages, compile translations; quick when nothing changed
	@mkdir -p var
	@$(MAKE) --no-print-directory compile-messages

# The embedded default takes card payments offline: localstripe (the Stripe emulator)
# runs beside the server on a free loopback port, with the task worker and the scheduler
# (tasks queued in the SQLite database); all three stop with the server.
LOCAL_STRIPE := STRIPE_PUBLISHABLE_KEY=pk_test_local STRIPE_SECRET_KEY=sk_test_local \
	STRIPE_WEBHOOK_SECRET=whsec_local

run: install ## Install, migrate, load the demo data, serve http://127.0.0.1:8000 (with localstripe, task worker, scheduler)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_data
	@port=$$($(PY) -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	$(PY) -m payments.localstripe_runner --port $$port --state var/localstripe.pickle \
		--webhook-url http://127.0.0.1:8000/payments/stripe/webhook/ --webhook-secret whsec_local \
		>var/localstripe.log 2>&1 & stripe_pid=$$!; \
	export TASKS_BACKEND=database $(LOCAL_STRIPE) STRIPE_API_BASE=http://127.0.0.1:$$port \
		STRIPE_JS_URL=http://127.0.0.1:$$port/js.stripe.com/v3/; \
	$(MANAGE) db_worker --no-reload >var/worker.log 2>&1 & worker_pid=$$!; \
	$(MANAGE) run_scheduler >var/scheduler.log 2>&1 & scheduler_pid=$$!; \
	trap 'kill $$stripe_pid $$worker_pid $$scheduler_pid 2>/dev/null' EXIT INT TERM; \
	echo "localstripe on http://127.0.0.1:$$port (pid $$stripe_pid, log var/localstripe.log)"; \
	echo "task worker pid $$worker_pid (var/worker.log), scheduler pid $$scheduler_pid (var/scheduler.log)"; \
	$(MANAGE) runserver 127.0.0.1:8000

test: install ## Run the whole test suite (SQLite, or PostgreSQL when DATABASE_URL is set); ARGS=--create-db rebuilds the test DB
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest $(PYTEST_DB) $(ARGS)

# The suite must never shrink unnoticed (a folder dropped from collection, a test file
# renamed): CI fails when fewer tests are collected than .ci/minimum-tests records. The
# count includes tests deselected on SQLite (those needing PostgreSQL).
test-count: install ## Print how many tests are collected; fail below .ci/minimum-tests
	@count=$$(DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest --collect-only -q \
		-p no:cacheprovider | grep -oE '^([0-9]+/)?[0-9]+ tests? collected' | grep -oE '[0-9]+ tests?' \
		| grep -oE '^[0-9]+'); \
	minimum=$$(grep -oE '^[0-9]+' .ci/minimum-tests); \
	echo "$$count tests collected (at least $$minimum expected)"; \
	test "$$count" -ge "$$minimum"

test-fast: install ## Run the suite without the browser tests
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest $(PYTEST_DB) -m "not browser" $(ARGS)

lint: install ## Check code style (ruff check + ruff format --check)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: install ## Format the code and apply safe lint fixes
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

styles: install ## Rewrite static/css/bootstrap.css (Oscar's Bootstrap trimmed to the classes the templates use) after changing templates
	$(MANAGE) trim_bootstrap

migrations-check: install ## Fail when a model change has no migration
	$(MANAGE) makemigrations --check --dry-run

check-deploy: install ## Run Django's deployment checks with production settings
	$(DEPLOY_ENV) $(MANAGE) check --deploy --fail-level WARNING

BENCH_DB := postgres://postgres@127.0.0.1:5432/ocop_bench
# Lighthouse is installed for the benchmark only, beside the site's packages (var/).
LIGHTHOUSE_VERSION := 12.8.2

# The pages part serves the demo with production settings (gunicorn, PostgreSQL, Redis
# database 12) and measures it with wrk beside a bare Django view, then with Lighthouse
# behind nginx; a missing wrk, nginx or Chromium skips its part and says how to install it.
# BENCH_PAGES_ARGS=--reuse keeps its loaded database, --duration N sets wrk's seconds.
bench: install ## Speed on PostgreSQL: catalogue of 10 000 and 100 000 products, public pages vs a bare Django view, Lighthouse (drops ocop_bench*)
	DATABASE_URL=$(BENCH_DB) $(PY) bench/catalogue.py --products 10000
	DATABASE_URL=$(BENCH_DB)_100k $(PY) bench/catalogue.py --products 100000
	@if command -v npm >/dev/null; then npm install --no-save --no-audit --no-fund \
		--prefix var/bench-node lighthouse@$(LIGHTHOUSE_VERSION) >/dev/null; fi
	$(PY) bench/pages.py $(BENCH_PAGES_ARGS)

# Only English is extracted: the site's msgids are Vietnamese, and locale/vi holds only
# hand-written overrides of Oscar's, Wagtail's and Django's strings, which makemessages
# would mark obsolete.
messages: install ## Update the en message catalogue and compile both languages (needs gettext)
	$(MANAGE) makemessages -l en --ignore=node_modules --ignore=var --ignore=site --ignore=.venv
	$(MAKE) --no-print-directory compile-messages

# Babel (installed with Oscar) compiles the catalogues, so no system gettext is needed.
compile-messages:
	@$(VENV)/bin/pybabel compile --statistics -d locale -D django
	@$(VENV)/bin/pybabel compile --statistics -d locale -D djangojs

requirements: $(PY) ## Regenerate the pinned requirements.txt from requirements.in
	$(PY) -m pip install --disable-pip-version-check -q pip-tools
	$(VENV)/bin/pip-compile --strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file=requirements.txt requirements.in
