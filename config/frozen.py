"""What a process keeps for its whole life, frozen out of the garbage collector's walks.

Django, Wagtail and Oscar leave about a million objects alive after start-up, and each
process then builds the catalogue's index (``catalogue.facet_index``) and, over its first
requests, compiles templates, loads translations and fills its kept parts. A full
collection walks every object it has not been told to leave alone: 200–290 ms at
start-up, and still 65–69 ms every 50 requests or so for what the first requests
loaded, in the middle of a visitor's request. Frozen, they are never walked again;
what requests create and drop still is.
"""

import gc

# A worker's requests after which it freezes again (``site/gunicorn.conf.py``): by the
# 20th it has drawn the pages most visitors ask for, by the 200th nearly every template.
AFTER_REQUESTS = frozenset({20, 200})


def freeze():
    """Collect what is garbage now, then freeze everything still alive."""
    gc.collect()
    gc.freeze()
