#!/usr/bin/env python
"""How long one element suggestion takes for a 300-word text, on one core, after start-up.

    OMP_NUM_THREADS=1 taskset -c 0 .venv/bin/python benchmarks/suggest_speed.py [--runs 20]

The model is the one benchmarks/element_eval.py measures (trained here on the labelled set and
the vision's descriptions, without a database). The first call loads the embedding model and
is reported apart; the figure that counts is the median of the later calls. Training time is
reported too.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

# About 300 words in the register of a submission, with several elements in it.
TEXT = " ".join(
    row["text"]
    for row in json.loads(
        (ROOT / "benchmarks" / "data" / "element_paragraphs_heldout.json").read_text("utf-8")
    )[:12]
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import element_eval

    element_eval.setup_django()
    from voorbeeldenbank.examples.suggestions import training
    from voorbeeldenbank.examples.suggestions.suggest import suggest_with

    started = time.perf_counter()
    items = training.labelled_items() + element_eval.vision_items() + element_eval.bank_items()
    model = training.fit(items, version="speed")
    training_seconds = time.perf_counter() - started

    words = len(TEXT.split())
    first = time.perf_counter()
    suggest_with(model, TEXT)
    first_ms = (time.perf_counter() - first) * 1000
    times = []
    for _run in range(args.runs):
        begin = time.perf_counter()
        suggestion = suggest_with(model, TEXT)
        times.append((time.perf_counter() - begin) * 1000)
    present = [e.key for e in suggestion.elements if e.present == "yes"]
    print(f"training on {len(items)} paragraphs: {training_seconds:.1f} s (embedding included)")
    print(f"text: {words} words; first call {first_ms:.0f} ms")
    print(
        f"{args.runs} calls: median {statistics.median(times):.0f} ms, "
        f"min {min(times):.0f} ms, max {max(times):.0f} ms"
    )
    print(f"present: {', '.join(present) or '-'}")


if __name__ == "__main__":
    main()
