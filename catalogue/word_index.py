"""A search's matches from an index of words held in each process's memory.

The site search (``catalogue.search``) matches every word typed anywhere in a product's
folded text (``LIKE '%word%'``), or one of its synonyms as whole words. On PostgreSQL the
trigram index finds them, but a common word reads the posting lists of common trigrams
and then rechecks thousands of rows: 22–50 ms for "banh trang" at 100 000 products, the
largest part of a search page. On SQLite every search reads every text.

Here each word of the offered products' texts lists the products holding it (a tuple
of ids, or a bitmap once the word is common), and the words themselves sit in one string
(``vocabulary``), one per line, so that the words holding a typed word are found by C's
string search: "banh" → "banh", "banhpia"… A term typed as one word is then the union of
its words' products, exactly what the LIKE finds (a word typed holds no space, so it can
only occur inside one word of the text). A phrase (a synonym's "banh trang", or words
typed that form one) is found from its words and checked against the text, which the
index keeps for that. The matches are a bitmap of product ids, as the facets'
(``catalogue.facet_index``), which owns this index and keeps it in step with the rows.

Not thread-safe for writers (``FacetIndex`` changes it under its lock); readers may run
meanwhile: a change replaces a word's ids rather than editing them, and adds a
product's new words before it leaves its old ones.
"""

from collections import deque
from itertools import repeat

from . import synonyms

ONE = ord("1")
# A word held by this many products or more is kept as a bitmap: ORed and ANDed in C
# rather than set bit by bit on each search.
DENSE = 256
# A typed word found inside more words than this (a syllable of two letters) is left
# to the database: the union would cost more than the database's scan.
MAX_WORDS = 2_000
# The searches whose results are kept (``keep``; a visitor paging through a search or
# changing its filters asks for the same words again), forgotten all at once when full.
KEPT = 512


class WordIndex:
    """The folded texts of the offered products, and their words' products."""

    def __init__(self, texts=None):
        texts = texts or {}
        self.texts = {pk: text for pk, (text, _title) in texts.items()}  # " word word "
        self.titles = {pk: title for pk, (_text, title) in texts.items()}  # search_title
        postings = {}
        for pk, text in self.texts.items():
            for word in set(text.split()):
                found = postings.get(word)
                if found is None:
                    postings[word] = [pk]
                else:
                    found.append(pk)
        # word: a tuple of ids, or a bitmap (int) once DENSE. Tuples of ints (unlike
        # lists) leave the garbage collector's lists, which would walk them all.
        self._postings = {
            word: bitmap_of(ids) if len(ids) >= DENSE else tuple(ids)
            for word, ids in postings.items()
        }
        self._vocabulary = "\n" + "\n".join(self._postings) + "\n"
        # What searches found, while no product's words change (``keep``).
        self.kept = {}

    def update(self, pk, text=None, title=None):
        """Note a product's new text and title (None: it is no longer offered). Its new
        words are added before its old ones are left: a search meanwhile finds it by
        either."""
        old = self.texts.get(pk)
        if old == text and (text is None or self.titles.get(pk) == title):
            return  # a price or a stock changed: not the words
        old_words = set(old.split()) if old is not None else set()
        new_words = set(text.split()) if text is not None else set()
        postings, unseen = self._postings, []
        for word in new_words - old_words:
            found = postings.get(word)
            if found is None:
                unseen.append(word)
                postings[word] = (pk,)
            elif isinstance(found, int):
                postings[word] = found | (1 << pk)
            elif len(found) + 1 >= DENSE:
                postings[word] = bitmap_of(found) | (1 << pk)
            else:
                postings[word] = (*found, pk)
        if unseen:
            self._vocabulary += "\n".join(unseen) + "\n"
        if text is None:
            self.texts.pop(pk, None)
            self.titles.pop(pk, None)
        else:
            self.texts[pk], self.titles[pk] = text, title
        for word in old_words - new_words:
            found = postings[word]
            if isinstance(found, int):
                postings[word] = found & ~(1 << pk)
            else:
                postings[word] = tuple(i for i in found if i != pk)
        # What searches found is forgotten, once the words are as they now are: a
        # search that read them before stores into the dict it started from.
        self.kept = {}

    @staticmethod
    def keep(kept, key, value):
        """Keep a search's result in ``kept``, the ``kept`` read before the search
        read the words: up to KEPT, until a product's words change."""
        if len(kept) >= KEPT:
            kept.clear()
        kept[key] = value

    def matching(self, words):
        """The bitmap of the products holding every word of a query (``search.tokens``),
        or None when a word is too short to look up here (``MAX_WORDS``)."""
        found = None
        for term in synonyms.expand(words):
            bits = self._term(term)
            if bits is None:
                return None
            found = bits if found is None else found & bits
            if not found:
                break
        return found or 0

    def _term(self, term):
        parts = term.typed.split()
        if len(parts) == 1:
            words = self._words_with(parts[0], "inside")
            if words is None:
                return None
            bits = self._union(words)
        else:
            # "banh trang": a word ending with "banh", then one starting with "trang".
            first, last = self._words_with(parts[0], "end"), self._words_with(parts[-1], "start")
            if first is None or last is None:
                return None
            bits = self._union(first) & self._union(last)
            for middle in parts[1:-1]:
                bits &= self._union([middle])
            bits = self._checked(bits, term.typed)
        for alternative in term.alternatives:
            # A synonym, as whole words (" tra ", not "trang").
            parts = alternative.split()
            either = self._union(parts[:1])
            for part in parts[1:]:
                either &= self._union([part])
            if len(parts) > 1:
                either = self._checked(either, f" {alternative} ")
            bits |= either
        return bits

    def _words_with(self, typed, where):
        """The words of the vocabulary holding ``typed`` ("inside"), ending with it
        ("end") or starting with it ("start"); None if more than MAX_WORDS."""
        vocabulary, words = self._vocabulary, []
        needle = {"inside": typed, "end": f"{typed}\n", "start": f"\n{typed}"}[where]
        at = vocabulary.find(needle)
        while at != -1:
            start = vocabulary.rfind("\n", 0, at + (where == "start")) + 1
            end = vocabulary.find("\n", at + (where == "start"))
            words.append(vocabulary[start:end])
            if len(words) > MAX_WORDS:
                return None
            at = vocabulary.find(needle, end)
        return words

    def _union(self, words):
        """The bitmap of the products holding any of ``words`` (whole words)."""
        bits, ids = 0, []
        for word in words:
            found = self._postings.get(word)
            if isinstance(found, int):
                bits |= found
            elif found:
                ids.extend(found)
        return bits | bitmap_of(ids)

    def _checked(self, bits, text):
        """The products of ``bits`` whose text holds ``text``."""
        texts = self.texts
        return bitmap_of([pk for pk in ids_of(bits) if text in texts.get(pk, "")])


def bitmap_of(ids):
    """The int with bit ``pk`` set for each of ``ids``: written as binary digits, in C
    (``map`` over the digits' ``__setitem__``), and read by ``int``. Setting each bit
    of an int would copy all of it each time; a Python loop over the ids costs three
    times as long."""
    if not ids:
        return 0
    digits = bytearray(b"0") * (max(ids) + 1)
    deque(map(digits.__setitem__, ids, repeat(ONE)), maxlen=0)
    digits.reverse()
    return int(digits, 2)


def ids_of(bitmap):
    """The set bits of an int, as ids, highest first: found by C's string search in its
    binary digits (a Python loop over a 100 000-bit int would take milliseconds)."""
    digits = bin(bitmap)
    top = len(digits) - 1
    ids = []
    at = digits.find("1", 2)
    while at != -1:
        ids.append(top - at)
        at = digits.find("1", at + 1)
    return ids
