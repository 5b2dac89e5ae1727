#!/usr/bin/env python
"""How long one element suggestion takes for a 300-word text, on one core, after start-up.

    OMP_NUM_THREADS=1 taskset -c 0 .venv/bin/python benchmarks/suggest_speed.py [--runs 5]

Texts: each demo example's description as a submitter gives it (summary, deepening, for whom,
by whom, what is needed), cut at the sentence boundary nearest 300 words; and one text of
twelve short paragraphs in parents' words (many short sentences: the slow case, since the time
goes into embedding each sentence). The model is the one benchmarks/element_eval.py measures
(trained here on the labelled set and the vision's descriptions, without a database). The first
call loads the embedding model and is reported apart; the figure that counts is the median of
the later calls, per text and over all texts. Training time is reported too.
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
DEMO = ROOT / "src" / "voorbeeldenbank" / "examples" / "demo_content"
FIELDS = ("summary", "deepening", "for_whom", "by_whom", "what_is_needed")
WORDS = 300


def short_sentences_text() -> str:
    """About 350 words in the register of a parent's story."""
    rows = json.loads(
        (ROOT / "benchmarks" / "data" / "element_paragraphs_heldout.json").read_text("utf-8")
    )
    return " ".join(row["text"] for row in rows[:12])


def about_300_words(text: str) -> str:
    """The text up to the sentence end nearest WORDS words."""
    from voorbeeldenbank.examples.suggestions.text import sentence_spans

    best, best_gap = text, abs(len(text.split()) - WORDS)
    for _start, end in sentence_spans(text):
        gap = abs(len(text[:end].split()) - WORDS)
        if gap < best_gap:
            best, best_gap = text[:end], gap
    return best


def demo_texts() -> dict[str, str]:
    texts = {}
    for path in sorted(DEMO.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        description = "\n\n".join(str(data.get(field) or "") for field in FIELDS).strip()
        texts[path.stem] = about_300_words(description)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed calls per text")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import element_eval

    element_eval.setup_django()
    from voorbeeldenbank.examples.suggestions import training
    from voorbeeldenbank.examples.suggestions.suggest import suggest_with
    from voorbeeldenbank.examples.suggestions.text import sentence_spans

    started = time.perf_counter()
    items = training.labelled_items() + element_eval.vision_items() + element_eval.bank_items()
    model = training.fit(items, version="speed")
    training_seconds = time.perf_counter() - started
    print(f"training on {len(items)} paragraphs: {training_seconds:.1f} s (embedding included)")
    again = time.perf_counter()
    training.fit(items, version="speed-again")
    print(
        f"training again in the same process (sentences remembered, as in the models worker): "
        f"{time.perf_counter() - again:.1f} s"
    )

    demo = demo_texts()
    texts = {**demo, "korte zinnen (ouders)": short_sentences_text()}
    first = time.perf_counter()
    suggest_with(model, next(iter(texts.values())))
    first_ms = (time.perf_counter() - first) * 1000
    print(f"first call (after training loaded the model): {first_ms:.0f} ms")

    medians = []
    print(f"\n{'text':28} {'words':>5} {'sentences':>9} {'median ms':>9} {'min':>5} {'max':>5}")
    for name, text in texts.items():
        times = []
        for _run in range(args.runs):
            begin = time.perf_counter()
            suggest_with(model, text)
            times.append((time.perf_counter() - begin) * 1000)
        median = statistics.median(times)
        if name in demo:
            medians.append(median)
        sentences = len(sentence_spans(text))
        print(
            f"{name:28} {len(text.split()):5} {sentences:9} {median:9.0f} "
            f"{min(times):5.0f} {max(times):5.0f}"
        )
    overall = statistics.median(medians)
    print(
        f"\nover the {len(medians)} example descriptions: median {overall:.0f} ms, "
        f"slowest {max(medians):.0f} ms"
    )


if __name__ == "__main__":
    main()
