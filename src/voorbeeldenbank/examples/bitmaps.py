"""An in-memory bitmap index of the catalogue's facets.

Each live example gets a position (in title order); each facet value and each age has a
bitmap (a Python int) of the positions that carry it. Filtering and counting are then a few
AND/OR operations and popcounts, however many examples there are.
"""

import threading
from dataclasses import dataclass

from .constants import AGE_MAX, AGE_MIN
from .models import CatalogueState, SearchDocument


@dataclass(frozen=True)
class Snapshot:
    version: int
    ids: list[int]
    positions: dict[int, int]
    postings: dict[str, int]
    ages: dict[int, int]
    everything: int

    def posting(self, key: str) -> int:
        return self.postings.get(key, 0)

    def bitmap_of_ids(self, ids) -> int:
        flags = bytearray(b"0" * len(self.ids))
        for page_id in ids:
            position = self.positions.get(page_id)
            if position is not None:
                flags[position] = ord("1")
        # Position 0 is the lowest bit.
        return int(flags[::-1] or b"0", 2)

    def positions_of(self, bitmap: int) -> list[int]:
        bits = bin(bitmap)[:1:-1]
        return [i for i, bit in enumerate(bits) if bit == "1"]


def build(version: int) -> Snapshot:
    rows = SearchDocument.objects.order_by("sort_title", "page_id").values_list(
        "page_id", "facets", "age_min", "age_max"
    )
    ids: list[int] = []
    postings: dict[str, int] = {}
    ages = dict.fromkeys(range(AGE_MIN, AGE_MAX + 1), 0)
    for position, (page_id, facets, age_min, age_max) in enumerate(rows):
        ids.append(page_id)
        bit = 1 << position
        for key in facets.split():
            postings[key] = postings.get(key, 0) | bit
        if age_min is not None or age_max is not None:
            low = AGE_MIN if age_min is None else max(age_min, AGE_MIN)
            high = AGE_MAX if age_max is None else min(age_max, AGE_MAX)
            for age in range(low, high + 1):
                ages[age] |= bit
    return Snapshot(
        version=version,
        ids=ids,
        positions={page_id: i for i, page_id in enumerate(ids)},
        postings=postings,
        ages=ages,
        everything=(1 << len(ids)) - 1,
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
