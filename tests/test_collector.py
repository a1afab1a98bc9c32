"""What a worker tells the garbage collector after each response (config/collector.py,
site/gunicorn.conf.py): a request's cycles are freed then, not in a later request."""

import gc
import runpy
import weakref
from pathlib import Path

import pytest

from config import collector

GUNICORN_CONF = Path(__file__).resolve().parent.parent / "site" / "gunicorn.conf.py"


class Node:
    """An object that holds itself, as a request and its messages storage do."""

    def __init__(self):
        self.me = self


@pytest.fixture
def no_automatic_collection():
    """Only the collections the code under test asks for; whatever it froze is thawed
    again, so later tests' garbage (connections above all) is still freed."""
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.enable()


def left_by_a_request():
    node = Node()
    return weakref.ref(node)


def test_what_a_request_left_in_a_cycle_is_freed_after_its_response(no_automatic_collection):
    left = left_by_a_request()
    assert left() is not None  # only the collector frees a cycle

    collector.after_response(1)

    assert left() is None


def test_after_the_first_requests_what_they_loaded_is_frozen(no_automatic_collection):
    kept = [Node()]  # loaded for good, as a compiled template is
    before = gc.get_freeze_count()

    collector.after_response(min(collector.FREEZE_AFTER) - 1)
    assert gc.get_freeze_count() == before
    assert any(found is kept for found in gc.get_objects())

    collector.after_response(min(collector.FREEZE_AFTER))
    assert gc.get_freeze_count() > before
    # Frozen: no collection walks it again.
    assert not any(found is kept for found in gc.get_objects())


class Log:
    def __init__(self):
        self.lines = []

    def debug(self, message, *args):
        self.lines.append(message % args)


class Worker:
    def __init__(self):
        self.log = Log()


def test_the_gunicorn_hook_collects_after_every_response_and_freezes_at_the_20th(
    no_automatic_collection,
):
    hooks = runpy.run_path(str(GUNICORN_CONF))
    worker = Worker()
    first = min(collector.FREEZE_AFTER)
    before = gc.get_freeze_count()

    for served in range(1, first):
        left = left_by_a_request()
        hooks["post_request"](worker, None, {}, None)
        assert left() is None, served
    assert gc.get_freeze_count() == before
    assert worker.log.lines == []

    hooks["post_request"](worker, None, {}, None)
    assert gc.get_freeze_count() > before
    assert worker.log.lines == [f"Frozen after {first} requests"]
