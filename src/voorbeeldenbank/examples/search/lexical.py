"""Best-match (BM25) ranking over the lemma index, with any-word matching.

Every document that holds at least one query term is a result; one holding more of the terms,
more often, in a shorter text, ranks higher; a rare term counts for more than a common one.
Term frequencies are the index's field-weighted counts (a word in the title counts as several),
so this is BM25 over weighted fields. The posting lists come from the database and are kept per
process for the current catalogue version: a frequent word's list is read once, not on every
search.
"""

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from ..bitmaps import Snapshot, name_key
from ..models import SearchTerm
from .analysis import QueryTerm

K1 = 1.2
B = 0.75
# Posting entries kept in memory per process (about 12 bytes each).
CACHE_ENTRIES = 3_000_000


@dataclass(frozen=True)
class Postings:
    positions: np.ndarray  # int64 positions in the snapshot
    frequencies: np.ndarray  # float32 weighted term frequencies

    @property
    def size(self) -> int:
        return int(self.positions.size)


class _PostingsCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: int | None = None
        self._lists: OrderedDict[str, Postings] = OrderedDict()
        self._entries = 0

    def get_many(self, snapshot: Snapshot, lemmas: list[str]) -> dict[str, Postings]:
        found: dict[str, Postings] = {}
        with self._lock:
            if self._version != snapshot.version:
                self._lists.clear()
                self._entries = 0
                self._version = snapshot.version
            for lemma in lemmas:
                if lemma in self._lists:
                    self._lists.move_to_end(lemma)
                    found[lemma] = self._lists[lemma]
        missing = [lemma for lemma in lemmas if lemma not in found]
        if missing:
            loaded = _load(snapshot, missing)
            with self._lock:
                if self._version == snapshot.version:
                    for lemma, postings in loaded.items():
                        if lemma not in self._lists:
                            self._lists[lemma] = postings
                            self._entries += postings.size
                    while self._entries > CACHE_ENTRIES and self._lists:
                        _lemma, dropped = self._lists.popitem(last=False)
                        self._entries -= dropped.size
            found |= loaded
        return found


def _load(snapshot: Snapshot, lemmas: list[str]) -> dict[str, Postings]:
    rows = (
        SearchTerm.objects.filter(lemma__in=lemmas)
        .order_by()
        .values_list("lemma", "document_id", "weight")
    )
    grouped: dict[str, tuple[list[int], list[int]]] = {lemma: ([], []) for lemma in lemmas}
    for lemma, document_id, weight in rows.iterator(chunk_size=20_000):
        ids, weights = grouped[lemma]
        ids.append(document_id)
        weights.append(weight)
    result = {}
    for lemma, (ids, weights) in grouped.items():
        id_array = np.array(ids, dtype=np.int64)
        result[lemma] = _to_positions(snapshot, id_array, np.array(weights, dtype=np.float32))
    return result


def _to_positions(snapshot: Snapshot, ids: np.ndarray, weights: np.ndarray) -> Postings:
    if not ids.size or not snapshot.sorted_ids.size:
        return Postings(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))
    # A document indexed after this snapshot was built is not in it: leave it out.
    slots = np.clip(np.searchsorted(snapshot.sorted_ids, ids), 0, snapshot.sorted_ids.size - 1)
    known = snapshot.sorted_ids[slots] == ids
    return Postings(snapshot.sorted_positions[slots[known]], weights[known])


_cache = _PostingsCache()


def clear_cache() -> None:
    global _cache
    _cache = _PostingsCache()


@dataclass(frozen=True)
class LexicalRanking:
    """Matched positions, best first, with their scores and how many typed words each holds."""

    positions: np.ndarray
    scores: np.ndarray
    typed_matches: np.ndarray

    def __len__(self) -> int:
        return int(self.positions.size)


def rank(snapshot: Snapshot, terms: list[QueryTerm]) -> LexicalRanking:
    count = len(snapshot.ids)
    empty = LexicalRanking(np.zeros(0, np.int64), np.zeros(0, np.float32), np.zeros(0, np.int32))
    if not terms or not count:
        return empty
    lemmas = {term.lemma for term in terms} | {word for term in terms for word in term.together}
    postings = _cache.get_many(snapshot, sorted(lemmas))
    average = float(snapshot.lengths.mean()) or 1.0
    norm = K1 * (1 - B + B * snapshot.lengths / average)
    scores = np.zeros(count, dtype=np.float32)
    typed = np.zeros(count, dtype=np.int32)
    for term in terms:
        found = postings.get(term.lemma)
        if found is None or not found.size:
            continue
        if term.together:
            found = _where_all_occur(found, [postings[word] for word in term.together])
            if not found.size:
                continue
        df = postings[term.lemma].size
        idf = math.log(1 + (count - df + 0.5) / (df + 0.5))
        tf = found.frequencies
        scores[found.positions] += term.weight * idf * tf * (K1 + 1) / (tf + norm[found.positions])
        if term.source == "word":
            typed[found.positions] += 1
    matched = np.flatnonzero(scores > 0)
    # Best first; ties in title order (the positions' order).
    order = np.lexsort((matched, -scores[matched]))
    ranked = matched[order]
    return LexicalRanking(ranked, scores[ranked], typed[ranked])


def _where_all_occur(found: Postings, others: list[Postings]) -> Postings:
    keep = np.ones(found.size, dtype=bool)
    for other in others:
        keep &= np.isin(found.positions, other.positions)
    return Postings(found.positions[keep], found.frequencies[keep])


def document_frequencies(snapshot: Snapshot, lemmas: list[str]) -> dict[str, int]:
    """In how many documents each lemma occurs (0 for a lemma the bank does not know)."""
    return {lemma: found.size for lemma, found in _cache.get_many(snapshot, lemmas).items()}


def name_matches(snapshot: Snapshot, q: str) -> tuple[list[int], list[int]]:
    """Positions whose title or short name is the whole query, and those whose name occurs in
    it as a run of words ("home-start in leiden"): both come before any other result."""
    words = name_key(q).split()
    exact = list(snapshot.names.get(" ".join(words), []))
    inside: list[int] = []
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            gram = " ".join(words[start : start + size])
            if len(gram) >= 4:
                inside += [p for p in snapshot.names.get(gram, []) if p not in exact + inside]
    return exact, inside
