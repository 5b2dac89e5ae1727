"""Search by meaning: every embedded passage of the live examples in one in-memory matrix.

Like the facet bitmaps, each process keeps the matrix and reloads it when the version in the
database moves (a passage embedded or dropped; every change to the catalogue moves it too). A
page's score is its best passage's cosine similarity (the vectors are normalised), found in two
stages (Matrix.page_scores). Vectors are kept as float16, as stored. Texts stay in the database.
"""

import logging
import threading
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.db import connection

from voorbeeldenbank.core import embeddings

from .models import Passage, SemanticState

logger = logging.getLogger(__name__)

# Pages compared passage by passage after the centroids' first pick (Matrix.page_scores).
CANDIDATES = 300


@dataclass(frozen=True)
class SemanticHit:
    page_id: int
    score: float
    # The page's closest passage (its text is in the database: examples/search/explain.py).
    passage_id: int


@dataclass(frozen=True)
class Scores:
    """A query's best pages by their best passage, with the mean and spread of the scores of
    the pages that were scored exactly (see Matrix.page_scores)."""

    hits: list[SemanticHit]
    mean: float
    std: float


@dataclass(frozen=True)
class Matrix:
    version: int
    vectors: np.ndarray  # (passages, DIM) float16, rows grouped by page
    centroids: np.ndarray  # (pages, DIM) float32: each page's mean passage, normalised
    passage_ids: np.ndarray  # (passages,)
    page_ids: np.ndarray  # (pages,)
    starts: np.ndarray  # (pages,) first row of each page
    ends: np.ndarray  # (pages,) one past its last row

    @property
    def nbytes(self) -> int:
        arrays = (self.vectors, self.centroids, self.passage_ids, self.page_ids, self.starts)
        return int(sum(array.nbytes for array in arrays) + self.ends.nbytes)

    def page_scores(
        self, vector: np.ndarray, pages: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For these pages (indexes): the pages scored, each one's best passage's similarity and
        that passage's row.

        Two stages, so that a query reads 15 MB instead of 300 at 10,000 examples: the pages'
        centroids pick the CANDIDATES most promising pages, and only their passages are
        compared one by one. With fewer pages than that, every page is compared exactly.
        """
        if pages.size > CANDIDATES:
            rough = self.centroids[pages] @ vector
            pages = pages[np.argpartition(-rough, CANDIDATES - 1)[:CANDIDATES]]
        lengths = self.ends[pages] - self.starts[pages]
        rows = np.repeat(self.starts[pages] - np.cumsum(lengths) + lengths, lengths) + np.arange(
            int(lengths.sum())
        )
        similarities = self.vectors[rows].astype(np.float32) @ vector
        offsets = np.cumsum(lengths) - lengths
        best = np.maximum.reduceat(similarities, offsets)
        # The first row reaching the maximum, per page.
        is_best = similarities == np.repeat(best, lengths)
        first = np.minimum.reduceat(np.where(is_best, np.arange(rows.size), rows.size), offsets)
        return pages, best, rows[first]


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
    vectors = np.frombuffer(b"".join(buffers), dtype=np.float16).reshape(
        len(buffers), embeddings.DIM
    )
    start_array = np.array(starts, dtype=np.int64)
    end_array = np.append(start_array[1:], len(buffers)).astype(np.int64)
    if vectors.size:
        sums = np.add.reduceat(vectors.astype(np.float32), start_array, axis=0)
        centroids = sums / np.linalg.norm(sums, axis=1, keepdims=True)
    else:
        centroids = np.zeros((0, embeddings.DIM), np.float32)
    return Matrix(
        version=version,
        vectors=vectors,
        centroids=centroids.astype(np.float32),
        passage_ids=np.array(passage_ids, dtype=np.int64),
        page_ids=np.array(page_ids, dtype=np.int64),
        starts=start_array,
        ends=end_array,
    )


_lock = threading.Lock()
_matrix: Matrix | None = None
# At most one reload in the background per process (see current()).
_reload_lock = threading.Lock()
_reload_thread: threading.Thread | None = None


def current() -> Matrix:
    """The matrix for the database's current version.

    The first call in a process builds it (seconds at 10,000 examples). After a change, with
    SEMANTIC_RELOAD_IN_BACKGROUND, the process goes on answering from the matrix it has while a
    thread builds the new one, so no reader waits for the reload. That is safe: every caller
    keeps only the pages that are live now (the catalogue's snapshot, the database), so a page
    unpublished meanwhile is not shown, and a new page is found by its words until the new
    matrix is in.
    """
    global _matrix
    version = _version()
    matrix = _matrix
    if matrix is not None and matrix.version == version:
        return matrix
    if matrix is not None and settings.SEMANTIC_RELOAD_IN_BACKGROUND:
        _reload_in_background(version)
        return matrix
    with _lock:
        matrix = _matrix
        if matrix is None or matrix.version != version:
            matrix = _matrix = build(version)
    return matrix


def _reload_in_background(version: int) -> None:
    global _reload_thread
    with _reload_lock:
        if _reload_thread is not None and _reload_thread.is_alive():
            return
        _reload_thread = threading.Thread(
            target=_reload, args=(version,), name="semantic-reload", daemon=True
        )
        _reload_thread.start()


def _reload(version: int) -> None:
    global _matrix
    try:
        matrix = build(version)
        with _lock:
            _matrix = matrix
    except Exception:
        # The next request after the failure tries again; until then the old matrix serves.
        logger.exception("Reloading the passage vectors for version %s failed", version)
    finally:
        # The thread's own database connection.
        connection.close()


def wait_for_reload(timeout: float | None = None) -> None:
    """Until a reload running in the background has finished (tests, benchmarks)."""
    thread = _reload_thread
    if thread is not None:
        thread.join(timeout)


def scores_for_vector(
    vector: np.ndarray,
    allowed: Collection[int] | None = None,
    limit: int | None = 100,
    matrix: Matrix | None = None,
) -> Scores:
    """Every page's best similarity (mean and spread), and the best `limit` pages as hits."""
    matrix = matrix or current()
    pages = np.arange(matrix.page_ids.size)
    if allowed is not None:
        pages = np.flatnonzero(np.isin(matrix.page_ids, np.fromiter(allowed, np.int64)))
    if not pages.size:
        return Scores([], 0.0, 0.0)
    pages, best, rows = matrix.page_scores(np.asarray(vector, dtype=np.float32), pages)
    count = pages.size if limit is None else min(limit, pages.size)
    top = np.argpartition(-best, count - 1)[:count]
    top = top[np.argsort(-best[top], kind="stable")]
    hits = [
        SemanticHit(
            page_id=int(matrix.page_ids[pages[i]]),
            score=float(best[i]),
            passage_id=int(matrix.passage_ids[rows[i]]),
        )
        for i in top
    ]
    return Scores(hits, float(best.mean()), float(best.std()))


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
