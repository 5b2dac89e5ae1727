#!/usr/bin/env python
"""Precision and recall of the language check on the labelled sentences.

    .venv/bin/python benchmarks/taalcheck_eval.py [--verbose] [--set first|second]

The sentences in tests/lexicon/data/ were labelled by hand with every occurrence of a lexicon
word (its exact text): labelled_sentences.jsonl (the first set) and labelled_second_look.jsonl
(written after verb forms, split verbs, compounds with a term in front and the allowed names were
added, to see how the check does on cases it was not built on). The check runs on the starter
files (lexicon, allowed names, the vision's element titles), so no database is needed. A match
counts when the found text equals a labelled one; the rest are false positives or misses.
"""

import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "lexicon" / "data" / "labelled_sentences.jsonl"
SECOND_LOOK = LABELLED.with_name("labelled_second_look.jsonl")
SETS = {"first": LABELLED, "second": SECOND_LOOK}


def setup_django() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "voorbeeldenbank.settings.test")
    import django

    django.setup()


@dataclass
class Evaluation:
    sentences: int = 0
    without_terms: int = 0
    true_positives: int = 0
    false_positives: list[tuple[str, str]] = field(default_factory=list)
    misses: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + len(self.false_positives)
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + len(self.misses)
        return self.true_positives / expected if expected else 1.0


def read_labelled(path: Path = LABELLED) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def starter_index():
    """The check's index built straight from the starter files: the lexicon, the allowed names
    and the vision's element titles."""
    from django.utils.text import slugify

    from voorbeeldenbank.core.demo import ELEMENTS_FILE
    from voorbeeldenbank.lexicon.check.index import build
    from voorbeeldenbank.lexicon.demo import entry_values, read_allowed_names, read_rows

    rows = [{**entry_values(row), "slug": slugify(row["term"])} for row in read_rows()]
    protected = [name["name"] for name in read_allowed_names()]
    for element in json.loads(ELEMENTS_FILE.read_text(encoding="utf-8")):
        protected += [element["title"], element.get("short_title", "")]
    return build(0, rows, [phrase for phrase in protected if phrase])


def evaluate(index, rows: list[dict]) -> Evaluation:
    from voorbeeldenbank.lexicon.check import check_text

    result = Evaluation()
    for row in rows:
        found = Counter(finding.match for finding in check_text(row["text"], index).findings)
        expected = Counter(row["expected"])
        result.sentences += 1
        result.without_terms += not expected
        result.true_positives += sum((found & expected).values())
        result.false_positives += [(m, row["text"]) for m in (found - expected).elements()]
        result.misses += [(m, row["text"]) for m in (expected - found).elements()]
    return result


def report(name: str, result: Evaluation, verbose: bool) -> None:
    print(f"{name} set")
    print(f"sentences: {result.sentences} ({result.without_terms} without a lexicon word)")
    print(f"true positives: {result.true_positives}")
    print(f"false positives: {len(result.false_positives)}")
    print(f"misses: {len(result.misses)}")
    print(f"precision: {result.precision:.3f}")
    print(f"recall: {result.recall:.3f}")
    if verbose:
        for match, text in result.false_positives:
            print(f"  false positive {match!r}: {text}")
        for match, text in result.misses:
            print(f"  missed {match!r}: {text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every error")
    parser.add_argument("--set", choices=sorted(SETS), help="one set only (default: both)")
    args = parser.parse_args()
    setup_django()
    index = starter_index()
    for name, path in SETS.items():
        if args.set in (None, name):
            report(name, evaluate(index, read_labelled(path)), args.verbose)


if __name__ == "__main__":
    main()
