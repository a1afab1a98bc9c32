"""Runs localstripe (the offline Stripe emulator) on the loopback interface only.

localstripe's own command binds every interface and keeps its state in /tmp; this
builds the same aiohttp app, binds 127.0.0.1 and keeps the state where it is told
(the project's var/ folder in local runs, nowhere in tests)::

    python -m payments.localstripe_runner --port 8420 --state var/localstripe.pickle \
        --webhook-url http://127.0.0.1:8000/cua-hang/payments/stripe/webhook/ \
        --webhook-secret whsec_local
"""

import argparse
import logging
import pickle
from pathlib import Path

from aiohttp import web
from localstripe import resources, server
from localstripe.webhooks import register_webhook


def _keep_state_in(path):
    """Point localstripe's store at ``path`` (None: memory only, as tests want)."""

    def load(store):
        if path and path.exists():
            with path.open("rb") as f:
                store.clear()
                store.update(pickle.load(f))

    def dump(store):
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as f:
                pickle.dump(dict(store), f, protocol=pickle.HIGHEST_PROTOCOL)

    resources.Store.try_load_from_disk = load
    resources.Store.dump_to_disk = dump


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8420)
    parser.add_argument("--state", type=Path, help="state file (omit to keep state in memory)")
    parser.add_argument("--webhook-url")
    parser.add_argument("--webhook-secret")
    args = parser.parse_args(argv)

    _keep_state_in(args.state)
    resources.store.try_load_from_disk()
    if args.webhook_url and args.webhook_secret:
        register_webhook("site", args.webhook_url, args.webhook_secret, None)

    logging.basicConfig(level=logging.INFO)
    web.run_app(server.app, host=args.host, port=args.port, print=None, access_log=None)


if __name__ == "__main__":
    main()
