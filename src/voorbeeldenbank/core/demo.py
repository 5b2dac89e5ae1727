"""Demo content: each app loads its own part; `load()` runs them in order (idempotent).

The vision (the eight elements) is core's own part. Apps register their loader in their
AppConfig.ready(), so this module needs to know none of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from .models import Element

ELEMENTS_FILE = Path(__file__).resolve().parent / "demo_content" / "elements.json"

Log = Callable[[str], None]


@dataclass(frozen=True)
class Loader:
    name: str
    load: Callable[[Log], Any]
    order: int


_loaders: dict[str, Loader] = {}


def register(name: str, load: Callable[[Log], Any], *, order: int) -> None:
    """Add an app's loader; a lower order runs first. Registering a name again replaces it."""
    _loaders[name] = Loader(name, load, order)


@transaction.atomic
def load(log: Log = lambda message: None) -> dict[str, Any]:
    """Every app's demo content, in order; returns what each loader returned, by name."""
    return {
        loader.name: loader.load(log)
        for loader in sorted(_loaders.values(), key=lambda loader: loader.order)
    }


def load_elements(log: Log = lambda message: None) -> dict[str, Element]:
    rows = json.loads(ELEMENTS_FILE.read_text(encoding="utf-8"))
    elements = {}
    for order, row in enumerate(rows):
        elements[row["key"]], _ = Element.objects.update_or_create(
            key=row["key"],
            defaults={
                "title": row["title"],
                "title_en": row.get("title_en", ""),
                "short_title": row.get("short_title", ""),
                "short_title_en": row.get("short_title_en", ""),
                "summary": row["summary"],
                "summary_en": row.get("summary_en", ""),
                "sort_order": order,
            },
        )
    return elements


register("elements", load_elements, order=0)
