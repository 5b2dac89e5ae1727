#!/usr/bin/env python
"""How good are the element suggestions? Precision, recall and F1 per element on "present",
macro-F1, and how often the top suggestion is right, on text the model did not learn from.

    .venv/bin/python benchmarks/element_eval.py [--write]

Three measurements, each training the model afresh (with its own threshold calibration inside
the training data only):
- bank: leave one example out. The bank's own paragraphs (each demo example's element
  explanations) are scored by a model trained on the labelled set, the vision's descriptions and
  the other examples. In training an explanation is labelled with its own element only, as the
  live bank is; it is scored against every element it shows
  (benchmarks/data/bank_element_labels.json: 36 of the 95 also show another element).
- authors: the labelled set split by author (fifteen registers, A-D and F-P): trained on the
  other authors and the whole bank, tested on one; each author in turn.
- held-out: benchmarks/data/element_paragraphs_heldout.json (used nowhere else), scored by the
  model trained on everything; nothing is chosen on it.
"Top suggestion right": for paragraphs that show any element, the element with the highest
score is one of its labels. --write stores the numbers for the public page
("Hoe goed zijn de suggesties?") in the package's data/evaluation.json.
"""

import argparse
import json
import os
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "benchmarks" / "data" / "element_paragraphs_heldout.json"
BANK_LABELS = ROOT / "benchmarks" / "data" / "bank_element_labels.json"
DEMO = ROOT / "src" / "voorbeeldenbank" / "examples" / "demo_content"
VISION = ROOT / "src" / "voorbeeldenbank" / "core" / "demo_content" / "elements.json"


def setup_django() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "voorbeeldenbank.settings.test")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import django

    django.setup()


def cache_embeddings() -> None:
    """Each distinct sentence embedded once for all the trainings below."""
    import numpy as np

    from voorbeeldenbank.core import embeddings

    original = embeddings.embed_passages
    known: dict[str, np.ndarray] = {}

    def embed_passages(texts: list[str]) -> np.ndarray:
        missing = [text for text in dict.fromkeys(texts) if text not in known]
        if missing:
            known.update(zip(missing, original(missing), strict=True))
        return np.vstack([known[t] for t in texts]) if texts else original([])

    embeddings.embed_passages = embed_passages


def bank_items():
    from voorbeeldenbank.examples.suggestions.training import Item

    items = []
    for path in sorted(DEMO.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for entry in data.get("elements") or []:
            if entry.get("explanation", "").strip():
                items.append(
                    Item(entry["explanation"], frozenset({entry["key"]}), f"example:{path.stem}")
                )
    return items


def fully_labelled(items):
    """Bank items with every element their explanation shows, for scoring."""
    also = {
        (f"example:{row['example']}", row["element"]): frozenset(row["also"])
        for row in json.loads(BANK_LABELS.read_text(encoding="utf-8"))
    }
    return [
        replace(
            item, labels=item.labels | also.get((item.group, next(iter(item.labels))), frozenset())
        )
        for item in items
    ]


def vision_items():
    from voorbeeldenbank.examples.suggestions.training import Item

    rows = json.loads(VISION.read_text(encoding="utf-8"))
    return [Item(r["summary"], frozenset({r["key"]}), f"vision:{r['key']}") for r in rows]


def score(train, test) -> dict:
    from voorbeeldenbank.core.constants import ELEMENT_KEYS
    from voorbeeldenbank.examples.suggestions.suggest import suggest_with
    from voorbeeldenbank.examples.suggestions.training import fit

    model = fit(train, version="eval")
    counts = {key: [0, 0, 0] for key in ELEMENT_KEYS}  # tp, fp, fn
    top_right = with_any = none_clean = without = 0
    for item in test:
        suggestion = suggest_with(model, item.text)
        for element in suggestion.elements:
            said = element.present == "yes"
            true = element.key in item.labels
            if said and true:
                counts[element.key][0] += 1
            elif said:
                counts[element.key][1] += 1
            elif true:
                counts[element.key][2] += 1
        if item.labels:
            with_any += 1
            best = max(suggestion.elements, key=lambda e: e.score)
            top_right += best.key in item.labels
        else:
            without += 1
            none_clean += not suggestion.present
    return {"counts": counts, "top": [top_right, with_any], "none": [none_clean, without]}


def merge(parts: list[dict]) -> dict:
    total: dict[str, Any] = {"counts": {}, "top": [0, 0], "none": [0, 0]}
    for part in parts:
        for key, values in part["counts"].items():
            row = total["counts"].setdefault(key, [0, 0, 0])
            for i in range(3):
                row[i] += values[i]
        for field in ("top", "none"):
            total[field] = [a + b for a, b in zip(total[field], part[field], strict=True)]
    return total


def summary(result: dict, paragraphs: int) -> dict:
    elements = {}
    for key, (tp, fp, fn) in result["counts"].items():
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        elements[key] = {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "support": tp + fn,
        }
    with_support = [e["f1"] for e in elements.values() if e["support"]]
    top_right, with_any = result["top"]
    clean, without = result["none"]
    return {
        "paragraphs": paragraphs,
        "macro_f1": round(sum(with_support) / len(with_support), 3) if with_support else 0.0,
        "top1": round(top_right / with_any, 3) if with_any else 0.0,
        "with_elements": with_any,
        "none_without_yes": round(clean / without, 3) if without else None,
        "without_elements": without,
        "elements": elements,
    }


def show(name: str, result: dict) -> None:
    print(f"\n{name}: {result['paragraphs']} paragraphs")
    print(f"  {'element':24} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}")
    for key, e in result["elements"].items():
        scores = f"{e['precision']:6.3f} {e['recall']:6.3f} {e['f1']:6.3f}"
        print(f"  {key:24} {scores} {e['support']:4}")
    print(f"  macro-F1 {result['macro_f1']:.3f}   top right {result['top1']:.3f}", end="")
    if result["none_without_yes"] is not None:
        print(f"   without elements and no 'yes' {result['none_without_yes']:.3f}")
    else:
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the results for the site")
    args = parser.parse_args()
    setup_django()
    cache_embeddings()
    from voorbeeldenbank.examples.suggestions import training

    labelled = training.labelled_paragraphs()
    authors = sorted({row["author"] for row in labelled})
    bank = bank_items()
    vision = vision_items()
    started = time.perf_counter()

    examples = sorted({item.group for item in bank})
    parts = [
        score(
            training.labelled_items() + vision + [i for i in bank if i.group != example],
            fully_labelled([i for i in bank if i.group == example]),
        )
        for example in examples
    ]
    results: dict[str, Any] = {"bank": summary(merge(parts), len(bank))}

    parts = []
    for author in authors:
        train_rows = [r for r in labelled if r["author"] != author]
        test_rows = [r for r in labelled if r["author"] == author]
        parts.append(
            score(
                training.labelled_items(train_rows) + vision + bank,
                training.labelled_items(test_rows),
            )
        )
    results["authors"] = summary(merge(parts), len(labelled))

    heldout_rows = json.loads(HELDOUT.read_text(encoding="utf-8"))
    everything = training.labelled_items() + vision + bank
    train_started = time.perf_counter()
    heldout = score(everything, training.labelled_items(heldout_rows))
    results["heldout"] = summary(heldout, len(heldout_rows))
    seconds = time.perf_counter() - started

    show("Bank, leave one example out", results["bank"])
    show("Labelled set, by author (train on the others, test on one)", results["authors"])
    show("Held-out paragraphs (scored once)", results["heldout"])
    print(
        f"\n{seconds:.0f} s for all trainings and scoring (embeddings cached after first use); "
        f"final training and held-out scoring {time.perf_counter() - train_started:.1f} s"
    )
    if args.write:
        from voorbeeldenbank.examples.suggestions.results import RESULTS

        results["training_paragraphs"] = len(everything)
        RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        print(f"Written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
