"""Public pages as deployed, each as a share of a bare Django view's requests per second.

Issue 14's measure: production settings on PostgreSQL and Redis, gunicorn with 2 sync
workers, `wrk -t2 -c8`, every page beside a bare Django view (startproject's middleware,
one 30 KB HttpResponse, bench/bare/) served by the same gunicorn. The run

- drops and recreates the database ocop_bench_pages (--reuse keeps it once loaded),
  migrates it, loads the Cần Thơ demo (`load_demo_data --force`), runs the queued tasks
  and collects the static files into var/bench-pages/;
- counts each page's queries and HTML size in-process (test client, same settings, the
  anonymous page cache off);
- serves the site and the bare view with gunicorn on free loopback ports, Redis in a
  database of its own (flushed), and measures every page with wrk, the page cache off
  (PAGE_CACHE_SECONDS=0) and then on (after a warm-up);
- then runs Lighthouse behind nginx (bench/lighthouse.py) unless --no-lighthouse.

    .venv/bin/python bench/pages.py [--duration 10] [--reuse] [--no-lighthouse | --lighthouse-only]

Parts whose tools are missing (wrk, nginx, Lighthouse, Chromium) are skipped with a line
saying how to install them. Every server it starts is stopped, by pid, however it ends.
"""

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import lighthouse  # noqa: E402
from bench.processes import Processes, free_ports, wait_for_http  # noqa: E402

DATABASE_URL = "postgres://postgres@127.0.0.1:5432/ocop_bench_pages"
REDIS_URL = "redis://127.0.0.1:6379/12"
FOLDER = ROOT / "var" / "bench-pages"
BIN = Path(sys.executable).parent
# Production settings trust this header from the proxy (SECURE_PROXY_SSL_HEADER); without
# it every request would be redirected to HTTPS.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}

# Issue 14's targets, as a share (%) of the bare view: (cached, uncached).
TARGETS = {
    "home": (50, 4),
    "listing": (50, 4),
    "product": (50, 5),
    "village": (50, 5),
    "search 'banh trang'": (None, 3),
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=15, help="seconds of wrk per page")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of wrk before each")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--reuse", action="store_true", help="Keep the database if the demo is already loaded."
    )
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument(
        "--lighthouse-only",
        action="store_true",
        help="Skip wrk: only Lighthouse on the cached site (to repeat its runs quickly).",
    )
    return parser.parse_args()


def production_environment(site_url):
    """The environment production settings require (dummy values of the right shape)."""
    env = dict(os.environ)
    for name in ("PAGE_CACHE_SECONDS", "DEBUG"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.pages_settings",
        BENCH_PAGES_DIR=str(FOLDER),
        SECRET_KEY="bench-pages-dummy-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=site_url,
        DATABASE_URL=os.environ.get("BENCH_PAGES_DATABASE_URL", DATABASE_URL),
        REDIS_URL=os.environ.get("BENCH_PAGES_REDIS_URL", REDIS_URL),
        TASKS_BACKEND="database",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    return env


def prepare_database(reuse):
    """Migrate and load the demo (unless --reuse finds it loaded); collect static files."""
    from bench.catalogue import create_database

    url = os.environ["DATABASE_URL"]
    loaded = reuse and (FOLDER / "media").is_dir() and _demo_loaded(url)
    if not loaded:
        started = time.perf_counter()
        shutil.rmtree(FOLDER, ignore_errors=True)
        create_database(url)
    import django
    from django.core.management import call_command

    django.setup()
    # A reused database still gets the code's new migrations, and the static files its
    # current scripts and styles.
    call_command("migrate", verbosity=0)
    if not loaded:
        with open(os.devnull, "w") as quiet:  # its login details are for a real site
            call_command("load_demo_data", force=True, verbosity=0, stdout=quiet)
        # Production queues tasks (search index, references) for a worker: run them all.
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if not loaded:
        print(f"demo loaded and static files collected in {time.perf_counter() - started:.0f} s")


def _demo_loaded(url):
    import psycopg

    try:
        with psycopg.connect(url.replace("postgres://", "postgresql://", 1)) as connection:
            row = connection.execute("SELECT count(*) FROM catalogue_product").fetchone()
    except psycopg.Error:
        return False
    return row[0] > 0


def flush_redis():
    import redis

    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()


def demo_pages():
    """[(name, path)] of the pages issue 14 measures, found in the demo data."""
    from django.utils import translation
    from oscar.core.loading import get_model

    from catalogue.reference import EXPERIENCE
    from cms.models import ProgrammePage
    from cms.news import NewsPage
    from profiles.models import ProducerPage
    from villages.models import VillagePage

    Product = get_model("catalogue", "Product")
    products = Product.objects.browsable().order_by("pk")
    experience = EXPERIENCE["slug"]
    with translation.override("vi"):

        def first_page(model):
            return model.objects.live().filter(locale__language_code="vi").order_by("path")[0].url

        return [
            ("home", "/"),
            ("listing", "/cua-hang/catalogue/"),
            ("listing 5 stars", "/cua-hang/catalogue/?stars=5"),
            ("search 'banh trang'", "/cua-hang/search/?q=banh+trang"),
            ("product", products.exclude(product_class__slug=experience)[0].get_absolute_url()),
            ("village", first_page(VillagePage)),
            ("producer", first_page(ProducerPage)),
            ("programme", first_page(ProgrammePage)),
            ("experience", products.filter(product_class__slug=experience)[0].get_absolute_url()),
            ("news", first_page(NewsPage)),
        ]


def count_queries(pages):
    """{name: (queries, HTML bytes, gzipped bytes)} of each page, anonymous, after a warm-up."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(SERVER_NAME="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    counts = {}
    for name, path in pages:
        for _ in range(2):
            response = client.get(path)
            if response.status_code != 200:
                sys.exit(f"{name} ({path}) answered {response.status_code}")
        client.cookies.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        client.cookies.clear()
        html = response.content
        counts[name] = (len(captured), len(html), len(gzip.compress(html)))
    return counts


def gunicorn(processes, app, port, workers, env, log, pythonpath=None):
    command = [
        str(BIN / "gunicorn"),
        app,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--timeout",
        "60",
        # Several gunicorns run at once here: none needs the control socket in ~/.gunicorn.
        "--no-control-socket",
    ]
    if pythonpath:
        command += ["--pythonpath", str(pythonpath)]
    process = processes.start(command, env=env, log=log, cwd=ROOT)
    wait_for_http(f"http://127.0.0.1:{port}/", process, PROXY_HEADERS)
    return process


WRK_RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_BAD = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
WRK_ERRORS = re.compile(r"Socket errors: connect (\d+), read \d+, write (\d+), timeout (\d+)")


def wrk(url, seconds, connections):
    """Requests per second, and a note when some answers were not 2xx/3xx or timed out."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    for name, value in PROXY_HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    rate = float(WRK_RATE.search(output).group(1))
    notes = [] if rate else ["no request completed: raise --duration"]
    if bad := WRK_BAD.search(output):
        notes.append(f"{bad.group(1)} non-2xx")
    if (errors := WRK_ERRORS.search(output)) and any(int(n) for n in errors.groups()):
        notes.append("socket errors: connect {}, write {}, timeout {}".format(*errors.groups()))
    return rate, ", ".join(notes)


def check_pages(base, pages):
    for name, path in pages:
        request = urllib.request.Request(base + path, headers=PROXY_HEADERS)
        with urllib.request.urlopen(request) as response:
            if response.status != 200 or response.url != base + path:
                sys.exit(f"{name}: {path} answered {response.status} at {response.url}")


def measure(args, pages, base, bare_url):
    rows = {}
    for _ in range(2):  # warm every page before any is timed (thumbnails, caches)
        check_pages(base, pages)
    wrk(bare_url, args.warmup, args.connections)
    bare, bare_note = wrk(bare_url, args.duration, args.connections)
    for name, path in pages:
        wrk(base + path, args.warmup, args.connections)
        rows[name] = wrk(base + path, args.duration, args.connections)
    return bare, bare_note, rows


def print_table(title, bare, bare_note, rows, counts, column):
    print(f"\n{title}\n")
    print(f"bare Django view: {bare:.0f} req/s {bare_note}".rstrip())
    print()
    header = f"| {'page':<20} | {'req/s':>7} | {'share':>6} | {'target':>6} |"
    rule = f"|{'-' * 22}|{'-' * 8}:|{'-' * 7}:|{'-' * 7}:|"
    if column == 1:
        header += f" {'queries':>7} | {'HTML KB':>7} | {'gzip KB':>7} |"
        rule += f"{'-' * 8}:|{'-' * 8}:|{'-' * 8}:|"
    print(header + " notes")
    print(rule + "---")
    for name, (rate, note) in rows.items():
        share = 100 * rate / bare
        target = TARGETS.get(name, (None, None))[column]
        notes = [note] if note else []
        if target is not None and share < target:
            notes.append("below target")
        line = f"| {name:<20} | {rate:>7.1f} | {share:>5.1f}% | "
        line += f"{target:>5}% |" if target is not None else f"{'–':>6} |"
        if column == 1:
            queries, size, zipped = counts[name]
            line += f" {queries:>7} | {size / 1000:>7.1f} | {zipped / 1000:>7.1f} |"
        print(f"{line} {'; '.join(notes)}".rstrip())


def main():
    args = parse_args()
    app_port, bare_port, nginx_port = free_ports(3)
    site_url = f"http://127.0.0.1:{nginx_port}"
    env = production_environment(site_url)
    # The in-process passes (loading, counting queries) use the uncached settings.
    os.environ.update(env, PAGE_CACHE_SECONDS="0")
    prepare_database(args.reuse)
    flush_redis()
    pages = demo_pages()
    counts = count_queries(pages)
    from django.db import connections

    connections.close_all()

    missing_wrk = args.lighthouse_only or shutil.which("wrk") is None
    if missing_wrk and not args.lighthouse_only:
        print("\nwrk not found: requests per second skipped (apt-get install -y wrk).")
        print("\nqueries and HTML size per page, anonymous, page cache off\n")
        for name, (queries, size, zipped) in counts.items():
            sizes = f"{size / 1000:>6.1f} KB ({zipped / 1000:.1f} KB gzipped)"
            print(f"  {name:<20} {queries:>4} queries  {sizes}")

    if not args.no_lighthouse and (why := lighthouse.missing_tools()):
        print(f"\nLighthouse skipped: missing {why}.")
        args.no_lighthouse = True
    logs = FOLDER / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    with Processes() as processes:
        bare_url = f"http://127.0.0.1:{bare_port}/"
        if not missing_wrk:
            gunicorn(
                processes, "bare.wsgi:application", bare_port, args.workers,
                {**env, "DJANGO_SETTINGS_MODULE": "bare.settings"}, logs / "bare.log",
                pythonpath=ROOT / "bench",
            )  # fmt: skip
        base = f"http://127.0.0.1:{app_port}"
        for cached in (False, True):
            # The page cache is a setting (PAGE_CACHE_SECONDS in the environment,
            # config/env.py); 0 turns it off. Each mode starts on an empty Redis.
            mode_env = dict(env) if cached else {**env, "PAGE_CACHE_SECONDS": "0"}
            flush_redis()
            if missing_wrk and (args.no_lighthouse or not cached):
                continue
            app = gunicorn(
                processes, "config.wsgi:application", app_port, args.workers, mode_env,
                logs / "gunicorn.log",
            )  # fmt: skip
            if not missing_wrk:
                bare, bare_note, rows = measure(args, pages, base, bare_url)
                title = (
                    f"{'Cached' if cached else 'Uncached'} (anonymous page cache "
                    f"{'on, warm' if cached else 'off'}): gunicorn {args.workers} sync "
                    f"workers, wrk -t2 -c{args.connections} -d{args.duration}s, PostgreSQL, Redis"
                )
                print_table(title, bare, bare_note, rows, counts, 0 if cached else 1)
            if cached and not args.no_lighthouse:
                lighthouse.run(processes, pages, app_port, nginx_port, FOLDER, logs)
            if not cached:
                processes.stop(app)


if __name__ == "__main__":
    main()
