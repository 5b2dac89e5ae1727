"""One ranking for a query: lexical, semantic, or both fused by reciprocal rank.

Reciprocal rank fusion (RRF) adds 1 / (RRF_K + rank) over the lists a document is in. It needs
no calibration between BM25 scores and cosine similarities, which live on unrelated scales
(the similarities of this model bunch between 0.8 and 0.95 whatever the query).

The lexical list holds every document that contains a query term. The semantic list holds the
documents whose best passage is unusually close to the query compared with the other
documents (a z-score over this query's similarities, so it adapts to each query), at most
SEMANTIC_CANDIDATES of them. In hybrid mode the semantic list only joins when at least one word
of the query occurs in the bank: a word the bank does not know ("xyzzy", a typo) then gives
no results and the advice of the zero-results page, rather than the nearest texts to noise.
An exact name comes first in every mode, then the candidates whose text holds the query's
phrase word for word.
"""

import re
from dataclasses import dataclass, field

import numpy as np

from .. import semantic
from ..bitmaps import Snapshot
from ..models import Passage
from . import lexical
from .analysis import QueryTerm, Synonyms, query_terms

MODES = ("hybrid", "lexical", "semantic")
DEFAULT_MODE = "hybrid"
RRF_K = 60
SEMANTIC_CANDIDATES = 20
SEMANTIC_MIN_Z = 1.0
# A phrase ("samen koken", or a quoted part of a longer query) is looked for word for word
# in the texts of this many best candidates.
PHRASE_CANDIDATES = 50
MAX_PHRASE_WORDS = 4
QUOTED = re.compile(r'["“”]([^"“”]{3,200})["“”]')
# The best pages whose closest passage is kept, to explain a result.
CLOSEST_KEPT = 100


@dataclass(frozen=True)
class Closest:
    """The passage of a document that was closest to the query."""

    score: float
    passage_id: int


@dataclass
class Ranking:
    positions: list[int]
    terms: list[QueryTerm]
    # By position: the document's rank in each list (1 is best; 0: not in it).
    lexical: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    semantic: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    closest: dict[int, Closest] = field(default_factory=dict)
    names: set[int] = field(default_factory=set)
    phrases: set[int] = field(default_factory=set)

    def found_by_words(self, position: int | None) -> bool:
        return position is not None and position < self.lexical.size and self.lexical[position] > 0

    def found_by_meaning(self, position: int | None) -> bool:
        return (
            position is not None and position < self.semantic.size and self.semantic[position] > 0
        )


def semantic_list(snapshot: Snapshot, q: str) -> tuple[list[int], dict[int, Closest]]:
    """Positions of the documents that are close in meaning, best first, and the closest
    passage of the best ones."""
    found = semantic.scores(q, limit=CLOSEST_KEPT)
    positions = snapshot.positions
    spread = found.std or 1.0
    chosen: list[int] = []
    closest: dict[int, Closest] = {}
    for hit in found.hits:
        position = positions.get(hit.page_id)
        if position is None:
            continue
        closest[position] = Closest(hit.score, hit.passage_id)
        if (hit.score - found.mean) / spread >= SEMANTIC_MIN_Z and len(
            chosen
        ) < SEMANTIC_CANDIDATES:
            chosen.append(position)
    return chosen, closest


def rank(snapshot: Snapshot, q: str, mode: str = DEFAULT_MODE, synonyms: Synonyms = ()) -> Ranking:
    terms = query_terms(q, synonyms)
    ranking = Ranking(positions=[], terms=terms)
    count = len(snapshot.ids)
    fused = np.zeros(count, dtype=np.float64)
    listed = np.zeros(count, dtype=bool)
    lexical_found = 0
    if mode in ("hybrid", "lexical"):
        found = lexical.rank(snapshot, terms)
        lexical_found = len(found)
        ranking.lexical = _ranks(count, found.positions)
        fused[found.positions] += 1.0 / (RRF_K + np.arange(1, lexical_found + 1))
        listed[found.positions] = True
    if mode == "semantic" or (mode == "hybrid" and lexical_found):
        semantic_positions, ranking.closest = semantic_list(snapshot, q)
        chosen = np.array(semantic_positions, dtype=np.int64)
        ranking.semantic = _ranks(count, chosen)
        fused[chosen] += 1.0 / (RRF_K + np.arange(1, chosen.size + 1))
        listed[chosen] = True

    exact, inside = lexical.name_matches(snapshot, q)
    pinned = list(dict.fromkeys(exact + inside))
    ranking.names = set(pinned)
    listed[pinned] = False
    candidates = np.flatnonzero(listed)
    # Best fused score first; ties in title order (the positions' order).
    rest = candidates[np.lexsort((candidates, -fused[candidates]))].tolist()
    with_phrase = phrase_matches(snapshot, q, rest[:PHRASE_CANDIDATES])
    ranking.phrases = set(with_phrase)
    ranking.positions = pinned + with_phrase + [p for p in rest if p not in ranking.phrases]
    return ranking


def _ranks(count: int, positions: np.ndarray) -> np.ndarray:
    """By position: its rank in the list (1 is best), 0 when it is not in it."""
    ranks = np.zeros(count, dtype=np.int32)
    ranks[positions] = np.arange(1, positions.size + 1)
    return ranks


def phrase(q: str) -> str:
    """The phrase a query asks for: a quoted part, or the whole query of a few words."""
    quoted = QUOTED.search(q)
    if quoted:
        return " ".join(quoted.group(1).split())
    words = q.split()
    return " ".join(words) if 2 <= len(words) <= MAX_PHRASE_WORDS else ""


def phrase_matches(snapshot: Snapshot, q: str, positions: list[int]) -> list[int]:
    """Those of the best candidates whose text holds the query's phrase word for word: they
    come right after the names, in the order they had."""
    wanted = phrase(q)
    if not wanted or not positions:
        return []
    ids = {snapshot.ids[p]: p for p in positions}
    found = set(
        Passage.objects.filter(page_id__in=list(ids), text__icontains=wanted)
        .values_list("page_id", flat=True)
        .distinct()
    )
    return [p for p in positions if snapshot.ids[p] in found]
