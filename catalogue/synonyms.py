"""The words tourists type, and the words the products are written in.

``catalogue/data/synonyms.csv`` is data that officers and translators keep, one
Vietnamese term a row with its English equivalents (``;`` between them) and the OCOP
group it is about (so a test can see every group of the demo is covered). A term
typed in either language also finds the others of its rows.

Applied at query time, not index time: editing the list needs no re-indexing of every
product; the site's page search (``cms.search``), which keeps no stored text, gets it
too; and a query stays cheap — a few ORs per word typed, capped by ``MAX_TOKENS``.
An alternative matches whole words only (" tra ", not "trang"), since folded
Vietnamese syllables are short and would otherwise match inside unrelated words.
"""

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SYNONYMS_FILE = Path(__file__).resolve().parent / "data" / "synonyms.csv"


@dataclass(frozen=True)
class Entry:
    group: str
    vietnamese: str
    english: tuple[str, ...]


def entries(path=SYNONYMS_FILE):
    with open(path, encoding="utf-8", newline="") as handle:
        return [
            Entry(
                row["group"].strip(),
                row["vietnamese"].strip(),
                tuple(t.strip() for t in row["english"].split(";") if t.strip()),
            )
            for row in csv.DictReader(handle)
            if row.get("vietnamese", "").strip()
        ]


@lru_cache(maxsize=1)
def table():
    """Folded term → the folded terms it also stands for."""
    from .search import words_of  # search imports this module

    found = {}
    for entry in entries():
        terms = {words_of(t) for t in (entry.vietnamese, *entry.english)} - {""}
        for term in terms:
            found.setdefault(term, set()).update(terms - {term})
    return {term: tuple(sorted(others)) for term, others in found.items()}


@dataclass(frozen=True)
class Term:
    """What one part of a query must match: the words typed (anywhere, as part of a
    word, so the search box works while typing) or one of their synonyms (whole words)."""

    typed: str
    alternatives: tuple[str, ...] = ()


def expand(words):
    """Group the folded words of a query into terms, longest known phrase first:
    ["rice", "paper"] → [Term("rice paper", ("banh trang", …))]."""
    synonyms = table()
    longest = max((len(t.split()) for t in synonyms), default=1)
    terms, i = [], 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            if size == 1 or phrase in synonyms:
                terms.append(Term(phrase, synonyms.get(phrase, ())))
                i += size
                break
    return terms


def matches(text, terms):
    """Whether a text of folded words (``words_of``) holds every term — for search in
    Python (``cms.search``), with the same rule as ``catalogue.search.search_filter``."""
    padded = f" {text} "
    return all(
        term.typed in text or any(f" {alt} " in padded for alt in term.alternatives)
        for term in terms
    )
