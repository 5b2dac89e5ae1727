"""The element suggestions' labelled data is what the docs say it is."""

import json
from collections import Counter
from pathlib import Path

from voorbeeldenbank.core.constants import ELEMENT_KEYS
from voorbeeldenbank.examples.suggestions.training import labelled_paragraphs

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "src" / "voorbeeldenbank" / "examples" / "demo_content"
BANK_LABELS = ROOT / "benchmarks" / "data" / "bank_element_labels.json"
HELDOUT = ROOT / "benchmarks" / "data" / "element_paragraphs_heldout.json"


def test_the_labelled_set_is_large_multi_label_and_has_paragraphs_without_elements():
    rows = labelled_paragraphs()
    assert len(rows) >= 300
    assert len({row["id"] for row in rows}) == len(rows)
    assert len({row["text"] for row in rows}) == len(rows)
    for row in rows:
        assert set(row["elements"]) <= set(ELEMENT_KEYS), row["id"]
    sizes = Counter(len(row["elements"]) for row in rows)
    assert sizes[0] >= 0.15 * len(rows)
    assert sum(count for size, count in sizes.items() if size > 1) >= 0.1 * len(rows)
    per_element = Counter(key for row in rows for key in row["elements"])
    assert min(per_element[key] for key in ELEMENT_KEYS) >= 30
    # Several registers, so that the split by author says something about unseen writers.
    assert len({row["author"] for row in rows}) >= 6


def test_no_held_out_paragraph_is_in_the_training_set():
    trained = {row["text"] for row in labelled_paragraphs()}
    heldout = json.loads(HELDOUT.read_text(encoding="utf-8"))
    assert not trained & {row["text"] for row in heldout}


def test_the_bank_labels_cover_every_explanation_of_the_demo_content_once():
    explanations = set()
    for path in DEMO.glob("*.json"):
        for entry in json.loads(path.read_text(encoding="utf-8")).get("elements") or []:
            if entry.get("explanation", "").strip():
                explanations.add((path.stem, entry["key"]))
    rows = json.loads(BANK_LABELS.read_text(encoding="utf-8"))
    labelled = [(row["example"], row["element"]) for row in rows]
    assert sorted(labelled) == sorted(explanations)
    for row in rows:
        assert row["element"] not in row["also"]
        assert set(row["also"]) <= set(ELEMENT_KEYS)
