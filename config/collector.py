"""What the app tells the garbage collector, so that its pauses fall outside requests.

Django, Wagtail and Oscar leave about a million objects alive after start-up, and each
process then builds the catalogue's index (``catalogue.facet_index``) and, over its first
requests, compiles templates, loads translations and fills its kept parts. A full
collection walks every object it has not been told to leave alone: 200–290 ms at
start-up, and still 65–69 ms every 50 requests or so for what the first requests
loaded, in the middle of a visitor's request. Frozen (``freeze``), they are never walked
again.

What a request creates and drops is garbage only for the collector: the request, its
session and its context hold one another, and Django's prefetched rows point back at
their products, so nothing of a page is freed when it is sent. Left to the collector's
own rhythm, a listing's ~1 600 such objects pile up over a few dozen requests, until a
full collection frees them all at once in the middle of a visitor's request (10–13 ms
at 100 000 products). A worker collects them after each response instead
(``after_response``, from ``site/gunicorn.conf.py``'s ``post_request``): about a
millisecond that no visitor waits for.
"""

import gc

# A worker's requests after which it freezes again: by the 20th it has drawn the pages
# most visitors ask for, by the 200th nearly every template.
FREEZE_AFTER = frozenset({20, 200})


def freeze():
    """Collect what is garbage now, then freeze everything still alive."""
    gc.collect()
    gc.freeze()


def after_response(served):
    """Called once a worker's ``served``-th response has been sent: free what the
    request left, and after the first requests freeze what they loaded for good.
    Whether it froze."""
    if served in FREEZE_AFTER:
        freeze()
        return True
    gc.collect()
    return False
