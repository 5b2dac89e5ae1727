#!/usr/bin/env python
"""Time the embedding of passages with the bundled model (search by meaning).

    python benchmarks/embeddings.py [--examples 13]

On a fresh SQLite database with the demo content: the time to cut one example into passages and
embed them (what the background task does after a publish), and the passages per second over
all demo examples, from which the time to embed a bank of 10,000 examples follows.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "src")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages-per-example", type=float, default=0, help="for the estimate")
    args = parser.parse_args()

    from benchmarks.catalogue import prepare_database, start_django

    start_django(prepare_database("sqlite", 0, reuse=False))
    from django.core.management import call_command

    from voorbeeldenbank.core import demo, embeddings
    from voorbeeldenbank.examples.models import ExamplePage, Passage
    from voorbeeldenbank.examples.passages import chunks

    call_command("migrate", verbosity=0)
    demo.load()
    embeddings.embed_query("opwarmen")  # load the model once, as a worker does
    pages = list(ExamplePage.objects.live().specific())
    per_example = []
    counts = []
    for page in pages:
        started = time.perf_counter()
        texts = [chunk.text for chunk in chunks(page)]
        embeddings.embed_passages(texts)
        per_example.append(time.perf_counter() - started)
        counts.append(len(texts))
    passages = sum(counts)
    seconds = sum(per_example)
    rate = passages / seconds
    mean_passages = args.passages_per_example or passages / len(pages)
    estimate = 10_000 * mean_passages / rate
    queries = []
    for question in ["steun voor ouders in de wijk", "een maatje voor mijn zoon"] * 10:
        started = time.perf_counter()
        embeddings.embed_query(question)
        queries.append((time.perf_counter() - started) * 1000)
    print(f"examples: {len(pages)}, passages: {passages} (stored: {Passage.objects.count()})")
    print(
        f"one example: median {statistics.median(per_example):.2f} s, max {max(per_example):.2f} s"
    )
    print(f"throughput: {rate:.1f} passages/s on this machine")
    print(
        f"10,000 examples at {mean_passages:.1f} passages each: about {estimate / 60:.0f} min"
        f" ({estimate / 3600:.1f} h) for one worker"
    )
    print(f"one query: median {statistics.median(queries):.1f} ms, max {max(queries):.1f} ms")


if __name__ == "__main__":
    main()
