"""The demo content as its JSON files hold it: the oracle for the API's answers."""

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings

SRC = Path(__file__).resolve().parents[2] / "src" / "voorbeeldenbank"
EXAMPLES_DIR = SRC / "examples" / "demo_content"
ELEMENTS_FILE = SRC / "core" / "demo_content" / "elements.json"

LIST_URL = "/api/v1/examples/"
ELEMENTS_URL = "/api/v1/elements/"
MATRIX_URL = "/api/v1/matrix/"
SCHEMA_URL = "/api/v1/schema/"
DOWNLOAD_URLS = {
    ("catalogue", "csv"): "/api/v1/examples.csv",
    ("catalogue", "json"): "/api/v1/examples.json",
    ("matrix", "csv"): "/api/v1/matrix.csv",
    ("matrix", "json"): "/api/v1/matrix.json",
}


def detail_url(slug: str) -> str:
    return f"/api/v1/examples/{slug}/"


@cache
def examples() -> tuple[dict[str, Any], ...]:
    return tuple(
        json.loads(path.read_text(encoding="utf-8")) for path in sorted(EXAMPLES_DIR.glob("*.json"))
    )


def example(slug: str) -> dict[str, Any]:
    return next(data for data in examples() if data["slug"] == slug)


@cache
def vision_order() -> tuple[str, ...]:
    return tuple(row["key"] for row in json.loads(ELEMENTS_FILE.read_text(encoding="utf-8")))


def element_keys(data: dict[str, Any]) -> list[str]:
    """Element keys of one example, in the vision's order (the order the API lists them in)."""
    present = {element["key"] for element in data["elements"]}
    return [key for key in vision_order() if key in present]


def element_text(data: dict[str, Any], key: str) -> str:
    return next(element["explanation"] for element in data["elements"] if element["key"] == key)


def place_keys(data: dict[str, Any]) -> list[str]:
    return list(data.get("places", []))


def slugs_where(predicate: Callable[[dict[str, Any]], bool]) -> set[str]:
    return {data["slug"] for data in examples() if predicate(data)}


def all_slugs() -> set[str]:
    return slugs_where(lambda data: True)


def licence() -> dict[str, str]:
    return {"name": settings.CONTENT_LICENCE_NAME, "url": settings.CONTENT_LICENCE_URL}
