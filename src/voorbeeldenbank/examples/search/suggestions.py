"""Advice when a search finds nothing: a spelling the bank knows ("bedoelde u"), and the
examples closest in meaning. (What each filter would leave is counted by the catalogue.)"""

import difflib
import threading

from ..bitmaps import Snapshot
from ..models import SearchTerm
from . import lexical
from .analysis import QueryTerm

MAX_LENGTH_DIFFERENCE = 2
MIN_SIMILARITY = 0.75

_lock = threading.Lock()
_vocabulary: tuple[int, dict[str, tuple[str, ...]]] | None = None


def _words_by_initial(snapshot: Snapshot) -> dict[str, tuple[str, ...]]:
    """Every lemma of the index, grouped by its first letter; read once per catalogue version,
    and only when a search needs advice."""
    global _vocabulary
    cached = _vocabulary
    if cached is not None and cached[0] == snapshot.version:
        return cached[1]
    with _lock:
        grouped: dict[str, list[str]] = {}
        lemmas = SearchTerm.objects.order_by().values_list("lemma", flat=True).distinct()
        for lemma in lemmas.iterator(chunk_size=20_000):
            grouped.setdefault(lemma[:1], []).append(lemma)
        table = {initial: tuple(words) for initial, words in grouped.items()}
        _vocabulary = (snapshot.version, table)
    return table


def spelling(snapshot: Snapshot, terms: list[QueryTerm]) -> dict[str, str]:
    """For each typed term the bank does not know, the closest one it does know."""
    typed = [term.lemma for term in terms if term.source == "word"]
    frequencies = lexical.document_frequencies(snapshot, typed)
    unknown = [lemma for lemma in typed if not frequencies.get(lemma)]
    if not unknown:
        return {}
    vocabulary = _words_by_initial(snapshot)
    found = {}
    for lemma in unknown:
        candidates = [
            word
            for word in vocabulary.get(lemma[:1], ())
            if abs(len(word) - len(lemma)) <= MAX_LENGTH_DIFFERENCE
        ]
        best = difflib.get_close_matches(lemma, candidates, n=1, cutoff=MIN_SIMILARITY)
        if best:
            found[lemma] = best[0]
    return found
