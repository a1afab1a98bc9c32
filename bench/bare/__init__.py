"""The bare Django view the page benchmark compares against (see bench/pages.py)."""
