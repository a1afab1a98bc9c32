"""Benchmark of the catalogue on a synthetic catalogue of N products.

Creates (or, with --reuse, keeps) the database named in DATABASE_URL, migrates it,
generates N products with ``make_synthetic_catalogue``, then measures with Django's test
client the server time (median and 95th percentile over --requests runs, after a
warm-up), the part of it spent in the database (the sum of its queries' times, so
rendering and database can be told apart) and the number of queries of: the listing,
stars=5, a group + a commune, a search without diacritics, and a product page.

The process runs as a deployed one does: the shared cache in Redis when one answers
(database 11, flushed before each state), one database connection kept across requests
(``config.settings.base``), what start-up and the first requests left alive frozen out
of the garbage collector, and what each request left collected after its response
(``config.collector``, as ``site/gunicorn.conf.py`` does). The
page cache is off throughout: what is measured is the work of a page, in three states:
"cold", with the listings' and fragments' caches off (every request computes, cards
included); "after a change", caches on and a price changed elsewhere before each
request; "warm". Under each state's table: the garbage collector's time in its requests,
and after their responses.
Cold, the facet counts come from the process's facet bitmaps
(``catalogue.facet_index``), which are not a cache of any page but the index the counts
are computed from on every request: built once per process (the time printed first),
then kept in step with the rows. So are the products' words a search's matches are found
in (``catalogue.word_index``). The site search's folded page words and the browsable
groups are kept by each process (``pagecache.fragments.kept_index``) until what they
show changes (for the groups, anything in the catalogue: a price changed "after a
change" reads them again).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ocop_bench \\
        .venv/bin/python bench/catalogue.py --products 10000

It refuses to run on a database that holds anything but synthetic products.
"""

import argparse
import gc
import os
import re
import statistics
import sys
import time
from contextlib import ExitStack
from pathlib import Path

RESULTS = re.compile(r'class="browse__count"[^>]*>\s*([\d.,]+)')
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument(
        "--reuse", action="store_true", help="Keep the database if it has N synthetic products."
    )
    parser.add_argument(
        "--queries", action="store_true", help="Print each page's slowest queries and their times."
    )
    return parser.parse_args()


def create_database(url, keep=False):
    """Drop and create the PostgreSQL database named in the URL; with ``keep``, only
    create it if it is missing."""
    import psycopg
    from dj_database_url import parse

    config = parse(url)
    name = config["NAME"]
    if not name.startswith("ocop_bench"):
        sys.exit(
            f"Refusing to recreate {name!r}: a benchmark database's name starts with ocop_bench."
        )
    admin = psycopg.connect(
        host=config["HOST"] or "127.0.0.1",
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if keep and exists:
            return
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


BENCH_REDIS_URL = "redis://127.0.0.1:6379/11"


def redis_answers(url):
    import redis

    try:
        return redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def main():
    args = parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit(
            "Set DATABASE_URL to a PostgreSQL database, e.g. postgres://postgres@127.0.0.1:5432/ocop_bench"
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    # As deployed: the shared cache in Redis (a database of its own, flushed before each
    # run), unless REDIS_URL names another or no Redis answers.
    if "REDIS_URL" not in os.environ and redis_answers(BENCH_REDIS_URL):
        os.environ["REDIS_URL"] = BENCH_REDIS_URL

    import django

    # --reuse on a new machine: the database is made the first time.
    create_database(url, keep=args.reuse)
    django.setup()
    from django.db import connection

    # As deployed (config.settings.base): one connection kept across requests. The test
    # settings close it after each, for the test suite's threads; a new connection
    # costs about 5 ms here.
    connection.close()
    connection.settings_dict["CONN_MAX_AGE"] = 60

    from django.core.management import call_command
    from oscar.core.loading import get_model

    call_command("migrate", verbosity=0)
    Product = get_model("catalogue", "Product")
    if Product.objects.exclude(upc__startswith="SYN").exists():
        sys.exit("This database holds non-synthetic products: use a benchmark database.")
    if Product.objects.count() != args.products:
        started = time.perf_counter()
        call_command("load_reference_data", verbosity=0)
        call_command("make_synthetic_catalogue", products=args.products, replace=True)
        print(f"generated in {time.perf_counter() - started:.1f} s")

    from catalogue import browse, facet_index
    from config import collector

    # Once per process, then kept in step with the rows: built before a worker's first
    # request (site/gunicorn.conf.py's post_worker_init).
    print(f"facet bitmaps and search words built in {facet_index.build_seconds() * 1000:.0f} ms")
    # As config/wsgi.py and post_worker_init do: what start-up left alive, the index
    # included, is frozen out of the garbage collector (config/collector.py).
    collector.freeze()
    catalogue = browse.Catalogue()
    food = next(c for c in catalogue.categories if c.code == "1")
    StockRecord = get_model("partner", "StockRecord")
    commune = (
        StockRecord.objects.filter(product__categories__path__startswith=food.path)
        .values_list("partner__commune_code", flat=True)
        .first()
    )
    product = (
        Product.objects.certified().filter(ocop_stars=5).order_by("pk").first()
        or Product.objects.order_by("pk").first()
    )
    scenarios = [
        ("listing, no filter", "/cua-hang/catalogue/"),
        ("stars=5", "/cua-hang/catalogue/?stars=5"),
        ("group + commune", f"{catalogue.category_url(food)}?commune={commune}"),
        ("search 'banh trang'", "/cua-hang/search/?q=banh+trang"),
        ("product page", product.get_absolute_url()),
    ]

    from django.conf import settings
    from django.core.cache import cache

    # A page served from the page cache runs no query at all: measure the pages' work.
    settings.OCOP_PAGE_CACHE_SECONDS = 0
    # A price changed elsewhere in the catalogue (a product no scenario shows), as
    # producers do all day: the listings' cache and kept parts are stale, the facet
    # bitmaps read the changed row, the other products' cards are kept.
    elsewhere = (
        StockRecord.objects.filter(product__facets__offered=True)
        .exclude(product=product)
        .order_by("-product_id")
        .first()
    )

    def change_elsewhere():
        elsewhere.price += 1 if elsewhere.price % 2 == 0 else -1
        elsewhere.save()

    runs = [
        ("cold", "listing and fragment caches off (every request computes)", False, None),
        (
            "after a change",
            "caches on, a price changed elsewhere before each request",
            True,
            change_elsewhere,
        ),
        ("warm", "listing and fragment caches on (warm)", True, None),
    ]
    worker = Worker()
    # A worker's first requests: what they load for good is frozen after the 20th.
    for request in range(min(collector.FREEZE_AFTER)):
        worker.get(scenarios[request % len(scenarios)][1])

    for name, title, cached, before in runs:
        settings.OCOP_BROWSE_CACHE_SECONDS = 300 if cached else 0
        settings.OCOP_FRAGMENT_CACHE_SECONDS = 3600 if cached else 0
        cache.clear()
        measure(args, scenarios, (name, title, before), worker, connection)


class Worker:
    """Requests served as a gunicorn worker serves them (``site/gunicorn.conf.py``):
    once a response is sent, what the request left is collected and, after the first
    requests, what they loaded frozen (``config.collector.after_response``). Only the
    request is timed (``get``); the collection after it, apart (``collecting_ms``): an
    upper bound, as Django's test client leaves two signal finalizers per request alive
    (it reconnects ``close_old_connections``), which every later collection walks."""

    def __init__(self):
        from django.test import Client

        self.client = Client()
        self.served = 0
        self.collecting_ms = []

    def get(self, path, *measures):
        """The response to ``path``, with ``measures`` (context managers, the last
        innermost) entered around the request alone."""
        from config import collector

        with ExitStack() as stack:
            for measure in measures:
                stack.enter_context(measure)
            response = self.client.get(path)
        self.served += 1
        started = time.perf_counter()
        collector.after_response(self.served)
        self.collecting_ms.append((time.perf_counter() - started) * 1000)
        return response


class Stopwatch:
    """The time between entering and leaving it, in ms."""

    def __enter__(self):
        self._started = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.ms = (time.perf_counter() - self._started) * 1000


class DatabaseTimer:
    """Sums the time of the queries run while it is installed (``execute_wrapper``):
    cheaper than CaptureQueriesContext, which also keeps every statement. With
    ``keep``, also keeps each statement's time and opening."""

    def __init__(self, keep=False):
        self.seconds = 0.0
        self.keep = keep
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            seconds = time.perf_counter() - started
            self.seconds += seconds
            if self.keep:
                self.queries.append((seconds * 1000, " ".join(sql.split())[:110]))


class CollectorTimer:
    """Counts the garbage collector's passes of each generation and their time
    (``gc.callbacks``) while it is installed."""

    def __init__(self):
        self.passes = {0: [0, 0.0], 1: [0, 0.0], 2: [0, 0.0]}
        self._started = 0.0

    def __call__(self, phase, info):
        if phase == "start":
            self._started = time.perf_counter()
        else:
            found = self.passes[info["generation"]]
            found[0] += 1
            found[1] += (time.perf_counter() - self._started) * 1000

    def __enter__(self):
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc):
        gc.callbacks.remove(self)

    def summary(self, requests):
        total = sum(ms for _n, ms in self.passes.values())
        each = ", ".join(
            f"generation {gen}: {n} × {ms / n:.1f} ms" for gen, (n, ms) in self.passes.items() if n
        )
        return f"garbage collection: {total / requests:.1f} ms per request ({each or 'none'})"


def measure(args, scenarios, run, worker, connection):
    from django.test.utils import CaptureQueriesContext

    name, title, before = run
    rows = []
    pauses = CollectorTimer()
    for _ in range(args.warmup):
        for _label, path in scenarios:
            if before:
                before()
            response = worker.get(path)
            assert response.status_code == 200, (path, response.status_code)
    worker.collecting_ms.clear()
    # The pages take turns, one request each: the minutes this machine runs slower (its
    # speed moves by up to a half from one minute to the next) fall on every page alike.
    timings = {label: [] for label, _path in scenarios}
    db_timings = {label: [] for label, _path in scenarios}
    for _ in range(args.requests):
        for label, path in scenarios:
            if before:
                before()
            timer = DatabaseTimer()
            clock = Stopwatch()
            worker.get(path, connection.execute_wrapper(timer), pauses, clock)
            timings[label].append(clock.ms)
            db_timings[label].append(timer.seconds * 1000)
    after = sorted(worker.collecting_ms)
    for label, path in scenarios:
        if before:
            before()
        timer = DatabaseTimer(keep=True)
        captured = CaptureQueriesContext(connection)
        response = worker.get(path, captured, connection.execute_wrapper(timer))
        if args.queries:
            print(f"\n{label} ({name}), slowest queries of one request:")
            for ms, sql in sorted(timer.queries, reverse=True)[:3]:
                print(f"  {ms:7.1f} ms  {sql}")
        found = RESULTS.search(response.content.decode())
        count = found.group(1).replace(".", "").replace(",", "") if found else "–"
        rows.append(
            (
                label,
                statistics.median(timings[label]),
                percentile(timings[label], 0.95),
                statistics.median(db_timings[label]),
                percentile(db_timings[label], 0.95),
                len(captured),
                count,
            )
        )

    vendor = (
        f"{connection.vendor} {connection.pg_version // 10000}"
        if connection.vendor == "postgresql"
        else connection.vendor
    )
    from django.conf import settings

    store = "Redis" if "redis" in settings.CACHES["default"]["BACKEND"].lower() else "memory"
    print(
        f"\n{args.products} products on {vendor} (cache in {store}), {title}, "
        f"{args.requests} requests each after {args.warmup} warm-up\n"
    )
    print(
        f"| {'page':<22} | {'median ms':>9} | {'p95 ms':>7} | {'DB median':>9} | {'DB p95':>7} "
        f"| {'queries':>7} | {'results':>7} |"
    )
    print(f"|{'-' * 24}|{'-' * 11}:|{'-' * 8}:|{'-' * 10}:|{'-' * 8}:|{'-' * 8}:|{'-' * 8}:|")
    for label, median, p95, db_median, db_p95, queries, count in rows:
        print(
            f"| {label:<22} | {median:>9.1f} | {p95:>7.1f} | {db_median:>9.1f} | {db_p95:>7.1f} "
            f"| {queries:>7} | {count:>7} |"
        )
    print(f"\n{pauses.summary(len(scenarios) * args.requests)}")
    print(
        f"after each response (untimed): {statistics.median(after):.1f} ms median, "
        f"{percentile(after, 0.95):.1f} ms p95"
    )


if __name__ == "__main__":
    main()
