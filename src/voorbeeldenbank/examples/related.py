""" "Lijkt op": the examples most like a given one, by meaning and by shared elements.

Meaning: each page's passage vectors are averaged and normalised, and two pages compare by the
cosine of those means. Measured on the 13 demo examples against "mean of each passage's best
match": both pair the obvious neighbours (@ease and Ervaringscafé, Buurtgezinnen and GIZ), but
best-match puts the example with the most passages (Home-Start) in nearly every top three, as
its many passages match something of any text; the mean reflects what the whole example is
about, and needs one matrix-vector product instead of one per passage.

Elements: the Jaccard index of the two element sets (shared / all of either), a second signal.
The number of elements on its own never counts: two examples with all eight elements are not
alike for that reason, and the Jaccard index of an example with many elements and one with few
stays low.

The two are combined as a weighted sum, the cosines first scaled to 0..1 over the candidates
(the model's cosines lie in a narrow band, so raw values would drown the Jaccard index). Without
vectors for the page (not embedded yet) only shared elements decide, and an example sharing
none is not shown.

Only live, public examples take part: the candidates are the catalogue snapshot's documents.
"""

import threading
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _

from voorbeeldenbank.core.models import Element

from . import bitmaps, semantic
from .models import ExamplePage

MEANING_WEIGHT = 0.7
ELEMENT_WEIGHT = 1.0 - MEANING_WEIGHT
ELEMENT_PREFIX = "element:"


@dataclass(frozen=True)
class SharedElement:
    key: str
    title: str


@dataclass(frozen=True)
class Related:
    page_id: int
    title: str
    slug: str
    score: float
    shared_elements: list[SharedElement]
    reason: str
    page: ExamplePage | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class _Means:
    version: int
    page_ids: np.ndarray  # (pages,)
    vectors: np.ndarray  # (pages, DIM), rows normalised
    rows: dict[int, int]


@dataclass(frozen=True)
class _Elements:
    version: int
    keys: list[str]
    members: np.ndarray  # (documents, elements) bool, rows in snapshot position order


_lock = threading.Lock()
_means: _Means | None = None
_elements: _Elements | None = None


def _page_means(matrix: semantic.Matrix) -> _Means:
    """The normalised mean vector of every page, computed once per matrix version."""
    global _means
    cached = _means
    if cached is not None and cached.version == matrix.version:
        return cached
    with _lock:
        if _means is not None and _means.version == matrix.version:
            return _means
        # The matrix keeps each page's mean passage vector, normalised.
        means = matrix.centroids
        rows = {int(page_id): i for i, page_id in enumerate(matrix.page_ids)}
        _means = _Means(matrix.version, matrix.page_ids, means.astype(np.float32), rows)
        return _means


def _element_sets(snapshot: bitmaps.Snapshot) -> _Elements:
    """Which elements each live example shows, from the snapshot's postings, once per version."""
    global _elements
    cached = _elements
    if cached is not None and cached.version == snapshot.version:
        return cached
    with _lock:
        if _elements is not None and _elements.version == snapshot.version:
            return _elements
        keys = sorted(
            key.removeprefix(ELEMENT_PREFIX)
            for key in snapshot.postings
            if key.startswith(ELEMENT_PREFIX)
        )
        members = np.zeros((len(snapshot.ids), len(keys)), dtype=bool)
        for column, key in enumerate(keys):
            positions = snapshot.positions_of(snapshot.posting(ELEMENT_PREFIX + key))
            members[positions, column] = True
        _elements = _Elements(snapshot.version, keys, members)
        return _elements


@dataclass(frozen=True)
class Ranked:
    page_id: int
    score: float
    shared_keys: list[str]


def _meaning(page_id: int, candidate_ids: np.ndarray, matrix: semantic.Matrix) -> np.ndarray | None:
    """Cosine of the page's mean vector with each candidate's (scaled to 0..1), or None."""
    means = _page_means(matrix)
    row = means.rows.get(page_id)
    if row is None:
        return None
    cosines = means.vectors @ means.vectors[row]
    found = np.array([means.rows.get(int(i), -1) for i in candidate_ids], dtype=np.int64)
    values = np.where(found >= 0, cosines[np.maximum(found, 0)], np.nan)
    known = values[~np.isnan(values)]
    if not known.size:
        return None
    low, high = float(known.min()), float(known.max())
    scaled = (values - low) / (high - low) if high > low else np.ones_like(values)
    # A candidate without vectors yet is compared by its elements alone.
    return np.nan_to_num(scaled, nan=0.0)


def ranked(
    page_id: int,
    limit: int = 5,
    snapshot: bitmaps.Snapshot | None = None,
    matrix: semantic.Matrix | None = None,
) -> list[Ranked]:
    """The most alike live, public examples without reading the database (given both indexes);
    an edition passes them once for all its examples."""
    snapshot = snapshot or bitmaps.current()
    position = snapshot.positions.get(page_id)
    if position is None or limit <= 0:
        return []
    elements = _element_sets(snapshot)
    ids = np.array(snapshot.ids, dtype=np.int64)
    others = np.flatnonzero(ids != page_id)
    if not others.size:
        return []
    mine = elements.members[position]
    theirs = elements.members[others]
    shared = (theirs & mine).sum(axis=1)
    union = (theirs | mine).sum(axis=1)
    jaccard = np.where(union > 0, shared / np.maximum(union, 1), 0.0)

    meaning = _meaning(page_id, ids[others], matrix or semantic.current())
    if meaning is None:
        scores = jaccard
        keep = shared > 0
    else:
        scores = MEANING_WEIGHT * meaning + ELEMENT_WEIGHT * jaccard
        keep = np.ones(others.size, dtype=bool)
    chosen = np.flatnonzero(keep)
    # Ties (equal scores) go by title order, the snapshot's order, so the list is stable.
    chosen = chosen[np.argsort(-scores[chosen], kind="stable")][:limit]
    return [
        Ranked(
            int(ids[others[i]]),
            round(float(scores[i]), 4),
            [elements.keys[c] for c in np.flatnonzero(theirs[i] & mine)],
        )
        for i in chosen
    ]


def related(page_id: int, limit: int = 5) -> list[Related]:
    """The live, public examples most like the page, best first (never the page itself)."""
    found = ranked(page_id, limit)
    pages = ExamplePage.objects.live().public().in_bulk([item.page_id for item in found])
    titles = element_titles({key for item in found for key in item.shared_keys})
    described = []
    for item in found:
        page = pages.get(item.page_id)
        if page is None:
            continue
        shared = [SharedElement(key, titles.get(key, key)) for key in item.shared_keys]
        described.append(
            Related(
                page_id=item.page_id,
                title=page.title,
                slug=page.slug,
                score=item.score,
                shared_elements=shared,
                reason=reason(shared),
                page=page,
            )
        )
    return described


def element_titles(keys: set[str]) -> dict[str, str]:
    return {element.key: element.display_title for element in Element.objects.filter(key__in=keys)}


def reason(shared: list[SharedElement]) -> str:
    """Why an example is listed, in the active language."""
    if not shared:
        return _("Verwant van inhoud")
    return _("Ook: %(elements)s") % {"elements": ", ".join(element.title for element in shared)}
