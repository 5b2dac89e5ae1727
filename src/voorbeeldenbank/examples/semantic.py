"""Search by meaning: every embedded passage of the live examples in one in-memory matrix.

Like the facet bitmaps, each process keeps the matrix and reloads it when the version in the
database moves (a passage embedded or dropped; every change to the catalogue moves it too). A
query is one matrix-vector product; a page's score is its best passage's cosine similarity (the
vectors are normalised). Texts stay in the database.
"""

import threading
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np

from voorbeeldenbank.core import embeddings

from .models import Passage, SemanticState


@dataclass(frozen=True)
class SemanticHit:
    page_id: int
    score: float
    # The page's closest passage (its text is in the database: examples/search/explain.py).
    passage_id: int


@dataclass(frozen=True)
class Scores:
    """A query's best-passage similarity for every page, with the best hits' passages."""

    hits: list[SemanticHit]
    mean: float
    std: float


@dataclass(frozen=True)
class Matrix:
    version: int
    vectors: np.ndarray  # (passages, DIM) float32, rows grouped by page
    passage_ids: np.ndarray  # (passages,)
    page_ids: np.ndarray  # (pages,)
    starts: np.ndarray  # (pages,) first row of each page

    @property
    def nbytes(self) -> int:
        return int(self.vectors.nbytes + self.passage_ids.nbytes + self.page_ids.nbytes)

    def page_scores(self, vector: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per page: its best passage's similarity, and the similarities of all rows."""
        if not self.page_ids.size:
            return np.zeros(0, np.float32), np.zeros(0, np.float32)
        row_scores = self.vectors @ vector
        return np.maximum.reduceat(row_scores, self.starts), row_scores

    def best_row(self, page_index: int, row_scores: np.ndarray) -> int:
        start = int(self.starts[page_index])
        end = int(self.starts[page_index + 1]) if page_index + 1 < self.starts.size else None
        return start + int(np.argmax(row_scores[start:end]))


def _version() -> int:
    return SemanticState.current_version()


def build(version: int) -> Matrix:
    rows = (
        Passage.objects.filter(vector__isnull=False, page__search_document__isnull=False)
        .order_by("page_id", "position")
        .values_list("pk", "page_id", "vector")
    )
    buffers: list[bytes] = []
    passage_ids: list[int] = []
    page_ids: list[int] = []
    starts: list[int] = []
    for row_number, (passage_id, page_id, vector) in enumerate(rows.iterator(chunk_size=5_000)):
        if not page_ids or page_ids[-1] != page_id:
            page_ids.append(page_id)
            starts.append(row_number)
        passage_ids.append(passage_id)
        buffers.append(bytes(vector or b""))
    # One conversion for all rows: float16 in the database, float32 for the products.
    matrix = (
        np.frombuffer(b"".join(buffers), dtype=np.float16)
        .astype(np.float32)
        .reshape(len(buffers), embeddings.DIM)
    )
    return Matrix(
        version=version,
        vectors=matrix,
        passage_ids=np.array(passage_ids, dtype=np.int64),
        page_ids=np.array(page_ids, dtype=np.int64),
        starts=np.array(starts, dtype=np.int64),
    )


_lock = threading.Lock()
_matrix: Matrix | None = None


def current() -> Matrix:
    global _matrix
    version = _version()
    matrix = _matrix
    if matrix is None or matrix.version != version:
        with _lock:
            matrix = _matrix
            if matrix is None or matrix.version != version:
                matrix = _matrix = build(version)
    return matrix


def scores_for_vector(
    vector: np.ndarray,
    allowed: Collection[int] | None = None,
    limit: int | None = 100,
    matrix: Matrix | None = None,
) -> Scores:
    """Every page's best similarity (mean and spread), and the best `limit` pages as hits."""
    matrix = matrix or current()
    page_scores, row_scores = matrix.page_scores(np.asarray(vector, dtype=np.float32))
    candidates = np.arange(matrix.page_ids.size)
    if allowed is not None:
        candidates = np.flatnonzero(np.isin(matrix.page_ids, np.fromiter(allowed, np.int64)))
    if not candidates.size:
        return Scores([], 0.0, 0.0)
    chosen_scores = page_scores[candidates]
    count = candidates.size if limit is None else min(limit, candidates.size)
    top = np.argpartition(-chosen_scores, count - 1)[:count]
    top = top[np.argsort(-chosen_scores[top], kind="stable")]
    hits = [
        SemanticHit(
            page_id=int(matrix.page_ids[candidates[i]]),
            score=float(chosen_scores[i]),
            passage_id=int(matrix.passage_ids[matrix.best_row(int(candidates[i]), row_scores)]),
        )
        for i in top
    ]
    return Scores(hits, float(chosen_scores.mean()), float(chosen_scores.std()))


def rank_vector(
    vector: np.ndarray, allowed: Collection[int] | None = None, limit: int | None = None
) -> list[SemanticHit]:
    """Pages by their best passage's similarity to the vector, best first."""
    return scores_for_vector(vector, allowed, limit).hits


def scores(query: str, allowed: Collection[int] | None = None, limit: int | None = 100) -> Scores:
    matrix = current()
    if not matrix.page_ids.size:
        # Nothing embedded yet: no need to load the model.
        return Scores([], 0.0, 0.0)
    return scores_for_vector(embeddings.embed_query(query), allowed, limit, matrix)


def rank(
    query: str, allowed: Collection[int] | None = None, limit: int | None = None
) -> list[SemanticHit]:
    return scores(query, allowed, limit).hits
