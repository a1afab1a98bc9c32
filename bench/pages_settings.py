"""Production settings for `bench/pages.py`, with the files kept out of the worktree.

Only the places on disk change: collected static files and the demo's media go to the
benchmark's temporary folder (BENCH_PAGES_DIR), so a run leaves var/ as it found it.
"""

import os
from pathlib import Path

from config.settings.production import *  # noqa: F401,F403

_folder = Path(os.environ["BENCH_PAGES_DIR"])
STATIC_ROOT = _folder / "static"
MEDIA_ROOT = _folder / "media"
