#!/usr/bin/env python
"""How well the catalogue's search answers questions: top-1, top-3 and MRR on labelled questions.

    .venv/bin/python benchmarks/search_eval.py [--questions PATH ...] [--mode MODE]
        [--misses] [--json] [--database sqlite|postgres]

The questions in benchmarks/data/ were written as visitors type them, each with the demo
examples that answer it (the first the best): search_questions.json is the development set,
search_questions_heldout.json is never used to tune the ranking. The script loads the demo
content into a fresh database (var/bench/search-eval.sqlite3, or the PostgreSQL database
voorbeeldenbank_search_eval), embeds its passages (vectors are cached in
var/bench/search-eval-vectors.npz by text hash, so a re-run does not embed again), then runs
every question through voorbeeldenbank.examples.catalogue.run in each mode.

Per mode: top-1 (the first result is expected), top-3 (an expected example in the first three),
MRR (the mean of 1/rank of the first expected result, 0 when none is found) and the share of
questions without any result. Target: hybrid top-3 >= 0.9.
"""

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

DATA = ROOT / "benchmarks" / "data"
QUESTION_FILES = [DATA / "search_questions.json", DATA / "search_questions_heldout.json"]
BENCH_DIR = ROOT / "var" / "bench"
VECTOR_CACHE = BENCH_DIR / "search-eval-vectors.npz"
POSTGRES_DATABASE = "voorbeeldenbank_search_eval"
MODES = ("lexical", "semantic", "hybrid")
TARGET_TOP3 = 0.9
PERSONAS = ("beleidsmaker", "professional", "ouder", "vrijwilliger", "jongere")


# Metrics (pure, so they can be tested on a hand-made ranking) -------------------------------


def hit_at(ranked: Sequence[str], expected: Sequence[str], k: int) -> bool:
    """Whether any expected slug is among the first k results."""
    return any(slug in expected for slug in ranked[:k])


def reciprocal_rank(ranked: Sequence[str], expected: Sequence[str]) -> float:
    """1/rank of the first expected slug in the ranking (rank 1 is the first); 0 if absent."""
    for rank, slug in enumerate(ranked, start=1):
        if slug in expected:
            return 1.0 / rank
    return 0.0


@dataclass
class Outcome:
    q: str
    expected: list[str]
    persona: str
    ranked: list[str]


@dataclass
class Scores:
    questions: int = 0
    top1: float = 0.0
    top3: float = 0.0
    mrr: float = 0.0
    zero_results: float = 0.0


def score(outcomes: Sequence[Outcome]) -> Scores:
    """Top-1, top-3, MRR and zero-result rate over the outcomes (all 0 for none)."""
    n = len(outcomes)
    if not n:
        return Scores()
    return Scores(
        questions=n,
        top1=sum(hit_at(o.ranked, o.expected, 1) for o in outcomes) / n,
        top3=sum(hit_at(o.ranked, o.expected, 3) for o in outcomes) / n,
        mrr=sum(reciprocal_rank(o.ranked, o.expected) for o in outcomes) / n,
        zero_results=sum(not o.ranked for o in outcomes) / n,
    )


def misses(outcomes: Sequence[Outcome], k: int = 3) -> list[Outcome]:
    return [o for o in outcomes if not hit_at(o.ranked, o.expected, k)]


def read_questions(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["questions"]


# Database and search ------------------------------------------------------------------------


def prepare_database(kind: str) -> str:
    """The DATABASE_URL of a fresh, empty evaluation database."""
    if kind == "sqlite":
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        path = BENCH_DIR / "search-eval.sqlite3"
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"

    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    from benchmarks.catalogue import postgres_server_url

    server = urlsplit(postgres_server_url())
    with psycopg.connect(urlunsplit(server), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{POSTGRES_DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{POSTGRES_DATABASE}"')
    return urlunsplit(server._replace(path=f"/{POSTGRES_DATABASE}"))


def start_django(database_url: str) -> None:
    from benchmarks import catalogue

    # The evaluation needs the examples and their search index, not a printable edition.
    os.environ["DEMO_BUILD_EDITION"] = "false"
    catalogue.start_django(database_url)


def load_demo(log) -> str:
    """Load the demo content and make sure every passage has a vector; returns a note."""
    from django.core.management import call_command

    from voorbeeldenbank.core import demo

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    demo.load()
    log(f"Demo content loaded in {time.perf_counter() - started:.1f} s.")
    try:
        from voorbeeldenbank.examples.passages import embed_missing
    except ImportError:
        return "no passage embeddings on this branch: semantic and hybrid rank lexically"
    restored = restore_vectors()
    started = time.perf_counter()
    embedded = embed_missing()
    log(
        f"Passages: {restored} vectors from the cache, {embedded} embedded "
        f"in {time.perf_counter() - started:.1f} s."
    )
    if embedded:
        save_vectors()
    return ""


def restore_vectors() -> int:
    """Give passages whose text hash is in the cache their cached vector."""
    import numpy as np

    from voorbeeldenbank.examples.models import Passage, SemanticState

    if not VECTOR_CACHE.exists():
        return 0
    with np.load(VECTOR_CACHE) as cache:
        cached = {str(h): v for h, v in zip(cache["hashes"], cache["vectors"], strict=True)}
    restored = 0
    for passage in Passage.objects.filter(vector__isnull=True):
        vector = cached.get(passage.text_hash)
        if vector is not None:
            Passage.objects.filter(pk=passage.pk).update(vector=vector.tobytes())
            restored += 1
    if restored:
        SemanticState.bump()
    return restored


def save_vectors() -> None:
    import numpy as np

    from voorbeeldenbank.examples.models import Passage

    rows = [
        (text_hash, bytes(vector))
        for text_hash, vector in Passage.objects.values_list("text_hash", "vector")
        if vector is not None
    ]
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    np.savez(
        VECTOR_CACHE,
        hashes=np.array([h for h, _ in rows]),
        # The stored bytes as they are (float16), so a restored row equals an embedded one.
        vectors=np.array([np.frombuffer(v, dtype=np.uint8) for _, v in rows]),
    )


def supported_modes() -> tuple[str, ...]:
    from voorbeeldenbank.examples.catalogue import CatalogueQuery

    return MODES if "mode" in CatalogueQuery.__dataclass_fields__ else ()


def search(question: str, mode: str | None, slugs: dict[int, str]) -> list[str]:
    from voorbeeldenbank.examples.catalogue import CatalogueQuery, run

    query = CatalogueQuery(q=question, mode=mode) if mode else CatalogueQuery(q=question)
    return [slugs[page_id] for page_id in run(query).ids if page_id in slugs]


def evaluate(questions: list[dict], mode: str | None) -> list[Outcome]:
    from voorbeeldenbank.examples.models import ExamplePage

    slugs = dict(ExamplePage.objects.live().values_list("id", "slug"))
    return [
        Outcome(row["q"], row["expected"], row["persona"], search(row["q"], mode, slugs))
        for row in questions
    ]


# Report -------------------------------------------------------------------------------------


@dataclass
class Report:
    sets: dict[str, dict[str, list[Outcome]]] = field(default_factory=dict)  # set → mode → …
    note: str = ""


def table(report: Report) -> str:
    lines = [
        "| set | mode | questions | top-1 | top-3 | MRR | zero results |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for name, by_mode in report.sets.items():
        for mode, outcomes in by_mode.items():
            s = score(outcomes)
            lines.append(
                f"| {name} | {mode} | {s.questions} | {s.top1:.2f} | {s.top3:.2f} "
                f"| {s.mrr:.2f} | {s.zero_results:.2f} |"
            )
    return "\n".join(lines)


def persona_table(report: Report) -> str:
    lines = ["| set | mode | persona | questions | top-3 | MRR |", "|---|---|---|---:|---:|---:|"]
    for name, by_mode in report.sets.items():
        for mode, outcomes in by_mode.items():
            for persona in PERSONAS:
                s = score([o for o in outcomes if o.persona == persona])
                if s.questions:
                    lines.append(
                        f"| {name} | {mode} | {persona} | {s.questions} | {s.top3:.2f} "
                        f"| {s.mrr:.2f} |"
                    )
    return "\n".join(lines)


def misses_text(report: Report) -> str:
    lines = []
    for name, by_mode in report.sets.items():
        for mode, outcomes in by_mode.items():
            missed = misses(outcomes)
            lines.append(f"\nMisses ({name}, {mode}): {len(missed)}")
            for o in missed:
                got = ", ".join(o.ranked[:3]) or "no results"
                lines.append(f"- {o.q!r}: expected {', '.join(o.expected)}; got {got}")
    return "\n".join(lines)


def as_json(report: Report) -> dict:
    result: dict = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "note": report.note}
    for name, by_mode in report.sets.items():
        result[name] = {
            mode: {
                **vars(score(outcomes)),
                "personas": {
                    p: vars(score([o for o in outcomes if o.persona == p])) for p in PERSONAS
                },
                "misses": [
                    {"q": o.q, "expected": o.expected, "top3": o.ranked[:3]}
                    for o in misses(outcomes)
                ],
            }
            for mode, outcomes in by_mode.items()
        }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--questions", type=Path, action="append", help="a question file (default: both sets)"
    )
    parser.add_argument("--mode", choices=MODES, help="one mode only (default: all)")
    parser.add_argument("--misses", action="store_true", help="list the top-3 misses")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()
    # Progress goes to stderr so that --json prints JSON only.
    log = lambda message: print(message, file=sys.stderr, flush=True)  # noqa: E731

    start_django(prepare_database(args.database))
    report = Report(note=load_demo(log))
    available = supported_modes()
    if available:
        modes: list[tuple[str, str | None]] = [(m, m) for m in available if args.mode in (None, m)]
    else:
        report.note = report.note or "the catalogue has no search modes yet"
        modes = [("lexical (current)", None)]
    for path in args.questions or QUESTION_FILES:
        questions = read_questions(path)
        name = path.stem.removeprefix("search_questions").strip("_") or "development"
        report.sets[name] = {label: evaluate(questions, mode) for label, mode in modes}

    if args.json:
        print(json.dumps(as_json(report), ensure_ascii=False, indent=2))
        return
    print(
        f"Search quality, {datetime.now(UTC):%Y-%m-%d} ({args.database}); target: hybrid top-3 "
        f">= {TARGET_TOP3}"
    )
    if report.note:
        print(f"\nNote: {report.note}.")
    print()
    print(table(report))
    print()
    print(persona_table(report))
    if args.misses:
        print(misses_text(report))


if __name__ == "__main__":
    main()
