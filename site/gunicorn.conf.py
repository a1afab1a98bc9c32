"""Gunicorn settings for the app processes (`gunicorn -c site/gunicorn.conf.py config.wsgi`).

Reads GUNICORN_BIND, WEB_CONCURRENCY and LOG_LEVEL from the environment; logs go to stdout/stderr
for the process manager to collect.
"""

import itertools
import multiprocessing
import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
# Threads let a worker wait on the database or S3 without blocking its other requests.
threads = 2
timeout = 60
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak never grows.
max_requests = 2000
max_requests_jitter = 200

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()


def post_worker_init(worker):
    """Each worker builds the catalogue's facet bitmaps and search words before it takes a
    request (a worker replaced after ``max_requests`` too): no visitor waits for them."""
    from catalogue import facet_index
    from config import collector

    seconds = facet_index.warm_up()
    if seconds is not None:
        worker.log.info("Catalogue index built in %.2f s", seconds)
    # Frozen with the rest of start-up's objects (config/wsgi.py): full collections
    # would otherwise walk the index's containers.
    collector.freeze()


# Each worker counts its own requests (the counter is copied at fork).
_served = itertools.count(1)


def post_request(worker, req, environ, resp):
    """Once the response is sent, the garbage collector frees what the request left
    (about a millisecond), so its full collections no longer pause a visitor's request;
    after a worker's first requests (``collector.FREEZE_AFTER``), what they loaded for
    good is frozen too (config/collector.py). The worker's other thread waits meanwhile."""
    from config import collector

    served = next(_served)
    if collector.after_response(served):
        worker.log.debug("Frozen after %d requests", served)
