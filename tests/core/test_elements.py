"""The element keys in code and in the vision's data are the same eight, in the same order."""

import json
from pathlib import Path

from voorbeeldenbank.core.constants import ELEMENT_KEYS

ELEMENTS_FILE = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "voorbeeldenbank"
    / "core"
    / "demo_content"
    / "elements.json"
)


def test_the_vision_data_has_exactly_the_element_keys_in_order():
    rows = json.loads(ELEMENTS_FILE.read_text(encoding="utf-8"))
    assert [row["key"] for row in rows] == list(ELEMENT_KEYS)
    assert len(ELEMENT_KEYS) == 8
