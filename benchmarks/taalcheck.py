#!/usr/bin/env python
"""Benchmark the language check: start-up time and words per second on one core.

    .venv/bin/python benchmarks/taalcheck.py [--words 100000] [--runs 5] [--no-write]

The text is synthesised with a fixed seed from the labelled sentences (about half of them
contain lexicon words), the starter lexicon's example sentences, and new compounds made from
their words (so the compound splitter also sees words it has never met). The check runs on the
starter lexicon file, without a database. Results go to benchmarks/results/taalcheck.json and
to the "Taalcheck" section of docs/benchmarks.md.
"""

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results" / "taalcheck.json"
DOCS = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- taalcheck:start -->", "<!-- taalcheck:end -->"
SEED = 20231130


def synthesise(words: int, seed: int = SEED) -> str:
    """A Dutch text of exactly `words` tokens, in paragraphs of 3–8 sentences."""
    from benchmarks.taalcheck_eval import read_labelled
    from voorbeeldenbank.core.text import TOKEN_RE
    from voorbeeldenbank.lexicon.demo import read_rows

    rng = random.Random(seed)
    sentences = [row["text"] for row in read_labelled()]
    for row in read_rows():
        sentences += [row["example_before"], row["example_after"]]
    vocabulary = sorted({w.lower() for s in sentences for w in TOKEN_RE.findall(s) if len(w) > 3})
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = []
        for _ in range(rng.randint(3, 8)):
            sentence = rng.choice(sentences)
            if rng.random() < 0.2:  # a new compound the check has not seen
                compound = rng.choice(vocabulary) + rng.choice(vocabulary)
                sentence = f"{sentence[:-1]} met {compound}."
            paragraph.append(sentence)
        text = " ".join(paragraph)
        paragraphs.append(text)
        count += len(TOKEN_RE.findall(text))
    text = "\n\n".join(paragraphs)
    cut = list(TOKEN_RE.finditer(text))[words - 1].end()
    return text[:cut] + "."


def measure(words: int, runs: int) -> dict:
    started = time.perf_counter()
    from benchmarks.taalcheck_eval import setup_django

    setup_django()
    from benchmarks.taalcheck_eval import starter_index
    from voorbeeldenbank.lexicon.check import check_text
    from voorbeeldenbank.lexicon.check.lemmas import lemma

    text = synthesise(words)
    imported = time.perf_counter()
    index = starter_index()
    built = time.perf_counter()
    # simplemma's dictionary is loaded by the index build now (verb forms), else by this check.
    check_text("De zorgmijders kregen een diagnose.", index)
    ready = time.perf_counter()

    first_started = time.perf_counter()
    first = check_text(text, index)
    first_seconds = time.perf_counter() - first_started

    def timed() -> float:
        begin = time.perf_counter()
        check_text(text, index)
        return time.perf_counter() - begin

    warm = [timed() for _ in range(runs)]
    cold = []
    for _ in range(runs):
        index.memo.clear()
        lemma.cache_clear()
        cold.append(timed())
    counted = first.readability.words if first.readability else 0
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "words": counted,
        "characters": len(text),
        "findings": len(first.findings),
        "unique_tokens": len(index.memo),
        "startup": {
            "django_setup_and_text_s": round(imported - started, 3),
            "index_build_s": round(built - imported, 4),
            "first_small_check_s": round(ready - built, 3),
            "index_plus_first_check_s": round(ready - imported, 3),
        },
        "first_full_check_s": round(first_seconds, 3),
        "warm_runs_s": [round(s, 4) for s in warm],
        "warm_words_per_s": round(counted / statistics.median(warm)),
        "cold_cache_runs_s": [round(s, 4) for s in cold],
        "cold_cache_words_per_s": round(counted / statistics.median(cold)),
    }


def markdown(result: dict) -> str:
    startup = result["startup"]
    first_small = f"{startup['first_small_check_s'] * 1000:.0f}"
    first_full = f"{result['first_full_check_s'] * 1000:.0f}"
    runs = len(result["warm_runs_s"])
    cold = f"{result['cold_cache_words_per_s']:,}"
    return f"""{START}
**Target** (issue): at least 100,000 words per second on one core for a 100,000-word text,
after start-up. Measured by `benchmarks/taalcheck.py` (pinned to one core) on
{result["date"]}, Python {result["python"]}, {result["machine"]}.

The text: {result["words"]:,} words ({result["characters"]:,} characters,
{result["unique_tokens"]:,} different tokens), sentences from the labelled set and the lexicon's
examples in random order (seed {SEED}), one in five extended with a new compound;
{result["findings"]:,} findings. The check runs on the starter lexicon without a database; on
the site one small query per check (the lexicon version) comes on top.

| measurement | result |
|---|---|
| index build (word and verb forms; loads simplemma) | {startup["index_build_s"] * 1000:.1f} ms |
| first check of one sentence | {first_small} ms |
| start-up: index build + first check | {startup["index_plus_first_check_s"] * 1000:.0f} ms |
| first check of the 100,000-word text (every word new) | {first_full} ms |
| **warm: words per second** (median of {runs} runs) | **{result["warm_words_per_s"]:,}** |
| cold caches: words per second (word and lemma caches emptied first) | {cold} |

"Warm" is the normal case on a running site: each process keeps its per-word cache (up to
500,000 different words) until the lexicon changes. "Cold caches" is the worst case: every
word is looked up again, including the lemmatiser and the compound splitter.

Reproduce: `.venv/bin/python benchmarks/taalcheck.py` (JSON in
`benchmarks/results/taalcheck.json`).
{END}"""


def write_docs(result: dict) -> None:
    from benchmarks.sections import replace_section

    replace_section(DOCS, START, END, "Taalcheck", markdown(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    result = measure(args.words, args.runs)
    print(json.dumps(result, indent=2))
    if not args.no_write:
        RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        write_docs(result)


if __name__ == "__main__":
    main()
