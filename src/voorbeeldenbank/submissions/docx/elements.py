"""The eight elements of the vision as the Word format needs them: key, titles, accepted names."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.db import DatabaseError

from voorbeeldenbank.core.models import Element, localised

ELEMENTS_FILE = Path(__file__).resolve().parents[2] / "core" / "demo_content" / "elements.json"
NAME_FIELDS = ("title", "title_en", "short_title", "short_title_en")
SUMMARY_FIELDS = ("summary", "summary_en")


@dataclass(frozen=True)
class ElementSpec:
    key: str
    title: str
    title_en: str
    summary: str
    summary_en: str
    # Every text a heading for this element may carry: current and original titles, the key.
    names: tuple[str, ...]
    # Explanations of the element, current and original: hints the parser skips.
    summaries: tuple[str, ...]

    @property
    def display_title(self) -> str:
        return localised(self.title, self.title_en)

    @property
    def display_summary(self) -> str:
        return localised(self.summary, self.summary_en)


@lru_cache(maxsize=1)
def _file_rows() -> tuple[dict[str, Any], ...]:
    return tuple(json.loads(ELEMENTS_FILE.read_text(encoding="utf-8")))


def _database_rows() -> list[dict[str, Any]]:
    try:
        return list(
            Element.objects.order_by("sort_order", "pk").values(
                "key", *NAME_FIELDS, *SUMMARY_FIELDS
            )
        )
    except DatabaseError:
        # The editors' titles are preferred, but the format must also work without them.
        return []


def element_specs() -> list[ElementSpec]:
    """The elements in the vision's order; titles as the editors keep them, where they exist."""
    file_rows = {row["key"]: row for row in _file_rows()}
    rows = _database_rows() or list(file_rows.values())
    specs = []
    for row in rows:
        original = file_rows.get(row["key"], {})
        names = [row["key"], *(row.get(f) or "" for f in NAME_FIELDS)]
        names += [original.get(f) or "" for f in NAME_FIELDS]
        summaries = [row.get(f) or original.get(f) or "" for f in SUMMARY_FIELDS]
        summaries += [original.get(f) or "" for f in SUMMARY_FIELDS]
        specs.append(
            ElementSpec(
                key=row["key"],
                title=row["title"],
                title_en=row.get("title_en") or "",
                summary=summaries[0],
                summary_en=summaries[1],
                names=tuple(dict.fromkeys(name for name in names if name)),
                summaries=tuple(dict.fromkeys(text for text in summaries if text)),
            )
        )
    return specs
