"""An in-memory bitmap index of the catalogue's facets.

Each live example gets a position (in title order); each facet value and each age has a
bitmap (a Python int) of the positions that carry it. Filtering and counting are then a few
AND/OR operations and popcounts, however many examples there are.
"""

import threading
from dataclasses import dataclass, field

import numpy as np

from voorbeeldenbank.core.text import fold, tokenize

from .constants import AGE_MAX, AGE_MIN
from .models import CatalogueState, SearchDocument


def name_key(text: str) -> str:
    """A title or query as words only: "Home-Start (Leiden)" -> "home-start leiden"."""
    return " ".join(tokenize(fold(text)))


@dataclass(frozen=True)
class Snapshot:
    version: int
    ids: list[int]
    positions: dict[int, int]
    postings: dict[str, int]
    ages: dict[int, int]
    everything: int
    # For the ranking: each position's document length (sum of its term weights), the
    # positions under each folded title and short name, the positions newest first.
    lengths: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    names: dict[str, list[int]] = field(default_factory=dict)
    newest: list[int] = field(default_factory=list)
    # Document ids in ascending order and their positions: maps id arrays to positions at once.
    sorted_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    sorted_positions: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def posting(self, key: str) -> int:
        return self.postings.get(key, 0)

    def bitmap_of_ids(self, ids) -> int:
        positions = self.positions
        return self.bitmap_of_positions(
            position for page_id in ids if (position := positions.get(page_id)) is not None
        )

    def bitmap_of_positions(self, positions) -> int:
        flags = bytearray(b"0" * len(self.ids))
        for position in positions:
            flags[position] = ord("1")
        # Position 0 is the lowest bit.
        return int(flags[::-1] or b"0", 2)

    def positions_of_ids(self, ids: np.ndarray) -> np.ndarray:
        """Positions of document ids (all of them known to this snapshot)."""
        return self.sorted_positions[np.searchsorted(self.sorted_ids, ids)]

    def positions_of(self, bitmap: int) -> list[int]:
        bits = bin(bitmap)[:1:-1]
        return [i for i, bit in enumerate(bits) if bit == "1"]


def build(version: int) -> Snapshot:
    rows = SearchDocument.objects.order_by("sort_title", "page_id").values_list(
        "page_id",
        "facets",
        "age_min",
        "age_max",
        "sort_title",
        "short_name",
        "length",
        "published_at",
    )
    ids: list[int] = []
    postings: dict[str, int] = {}
    ages = dict.fromkeys(range(AGE_MIN, AGE_MAX + 1), 0)
    lengths: list[int] = []
    names: dict[str, list[int]] = {}
    published = []
    for position, row in enumerate(rows):
        page_id, facets, age_min, age_max, title, short_name, length, published_at = row
        ids.append(page_id)
        lengths.append(length)
        published.append((published_at.timestamp() if published_at else 0.0, position))
        for name in {name_key(title), name_key(short_name)} - {""}:
            names.setdefault(name, []).append(position)
        bit = 1 << position
        for key in facets.split():
            postings[key] = postings.get(key, 0) | bit
        if age_min is not None or age_max is not None:
            low = AGE_MIN if age_min is None else max(age_min, AGE_MIN)
            high = AGE_MAX if age_max is None else min(age_max, AGE_MAX)
            for age in range(low, high + 1):
                ages[age] |= bit
    id_array = np.array(ids, dtype=np.int64)
    order = np.argsort(id_array, kind="stable")
    return Snapshot(
        version=version,
        ids=ids,
        positions={page_id: i for i, page_id in enumerate(ids)},
        postings=postings,
        ages=ages,
        everything=(1 << len(ids)) - 1,
        lengths=np.array(lengths, dtype=np.float32),
        names=names,
        newest=[position for _stamp, position in sorted(published, key=lambda p: -p[0])],
        sorted_ids=id_array[order],
        sorted_positions=order.astype(np.int64),
    )


_lock = threading.Lock()
_snapshot: Snapshot | None = None


def current() -> Snapshot:
    """The snapshot for the database's current version, rebuilt when the version moved."""
    global _snapshot
    version = CatalogueState.current_version()
    snapshot = _snapshot
    if snapshot is None or snapshot.version != version:
        with _lock:
            snapshot = _snapshot
            if snapshot is None or snapshot.version != version:
                # Read the version before the rows: a change in between only causes one more
                # rebuild on the next request, never a stale snapshot under a new version.
                snapshot = _snapshot = build(version)
    return snapshot
