#!/usr/bin/env python
"""Benchmark the catalogue's search and facets at scale, in-process (server time).

    python benchmarks/catalogue.py --examples 10000 --database sqlite|postgres

Builds a separate database (var/bench/catalogue-N.sqlite3, or the PostgreSQL database
voorbeeldenbank_bench), migrates it, loads the demo content, adds N synthetic examples, then
times requests through Django's test Client and writes the results to
benchmarks/results/<database>.json and docs/benchmarks.md.
"""

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

BENCH_DIR = ROOT / "var" / "bench"
RESULTS_DIR = ROOT / "benchmarks" / "results"
POSTGRES_BENCH_DATABASE = "voorbeeldenbank_bench"
TARGET_P95_MS = 100.0

# Text queries: "gezinnen" (the brief's example) every third request, common words otherwise.
QUERIES = [
    "gezinnen", "ouders", "jongeren", "gezinnen", "kinderen", "vrijwilligers",
    "gezinnen", "opvoeden", "school", "gezinnen", "buurt", "eenzaamheid",
    "gezinnen", "armoede wijk", "jongeren school", "gezinnen", "ouders opvoeding",
    "vrijwilligers maatjes",
]  # fmt: skip
# Questions as visitors type them, for the hybrid search (each embedded at request time).
QUESTIONS = [
    "informele steun voor ouders van jonge kinderen, laagdrempelig, in de wijk",
    "hoe help ik een jongere die zich eenzaam voelt",
    "vrijwilligers die gezinnen thuis bezoeken",
    "opvoedvragen bespreken met andere ouders",
    "ondersteuning voor tienermoeders",
    "wat kan de gemeente doen om jeugdhulp te normaliseren",
    "ouders met weinig geld in de buurt",
    "maatje voor een kind met problemen op school",
    "peuters en hun ouders samen laten spelen",
    "jongeren praten over hun ervaringen",
    "nieuwkomers helpen met opvoeden in Nederland",
    "vaders betrekken bij de opvoeding",
    "gezinnen met een licht verstandelijke beperking",
    "preventie zonder problemen groot te maken",
    "school en ouders werken samen",
    "steun bij scheiding voor kinderen",
]
ELEMENT_KEYS = [
    "twijfels_normaal", "steun_informeel", "toegang_laagdrempelig", "gelijkwaardigheid",
    "vraag_leidend", "brede_context", "positieve_zaken", "niet_problematiseren",
]  # fmt: skip


def log(message: str) -> None:
    print(message, flush=True)


# Database -----------------------------------------------------------------------------------


def postgres_server_url() -> str:
    url = os.environ.get("BENCH_POSTGRES_URL")
    if url:
        return url
    script = ROOT / "scripts" / "postgres.sh"
    return subprocess.run([str(script)], check=True, capture_output=True, text=True).stdout.strip()


def prepare_database(kind: str, examples: int, reuse: bool) -> str:
    """Return the DATABASE_URL of a fresh (or, with reuse, the existing) benchmark database."""
    if kind == "sqlite":
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        path = BENCH_DIR / f"catalogue-{examples}.sqlite3"
        if not reuse:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"

    import psycopg

    server = urlsplit(postgres_server_url())
    if not reuse:
        with psycopg.connect(urlunsplit(server), autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{POSTGRES_BENCH_DATABASE}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{POSTGRES_BENCH_DATABASE}"')
    return urlunsplit(server._replace(path=f"/{POSTGRES_BENCH_DATABASE}"))


def start_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    import django

    django.setup()


def build(examples: int, reuse: bool) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from benchmarks.synthetic import generate
    from voorbeeldenbank.core import demo
    from voorbeeldenbank.examples.models import ExamplePage

    call_command("migrate", verbosity=0)
    if reuse and ExamplePage.objects.count() > examples:
        log("Reusing the existing benchmark database.")
        return {}
    started = time.perf_counter()
    demo.load()
    from voorbeeldenbank.examples.passages import embed_missing

    embed_missing()  # what the worker does after the demo's publishes
    log(f"Demo content loaded in {time.perf_counter() - started:.1f} s; generating {examples}.")
    stats = generate(examples, log=log)
    if connection.vendor == "postgresql":
        # What autovacuum would have done by the time a real bank reached this size.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    log(f"Generated in {stats['seconds']} s.")
    return stats


def corpus_stats() -> dict:
    from django.db.models import Count

    from voorbeeldenbank.examples import bitmaps
    from voorbeeldenbank.examples.models import ExamplePage, SearchDocument, SearchTerm

    per_document = sorted(
        SearchTerm.objects.values("document_id").annotate(n=Count("id")).values_list("n", flat=True)
    )
    documents = SearchDocument.objects.count()
    rebuild = []
    for _ in range(5):
        started = time.perf_counter()
        bitmaps.build(0)
        rebuild.append((time.perf_counter() - started) * 1000)
    gezin = SearchTerm.objects.filter(lemma="gezin").count()
    from voorbeeldenbank.examples import semantic

    started = time.perf_counter()
    matrix = semantic.build(0)
    matrix_ms = (time.perf_counter() - started) * 1000
    return {
        "live_examples": ExamplePage.objects.live().count(),
        "search_documents": documents,
        "search_terms": SearchTerm.objects.count(),
        "lemmas_per_example": {
            "min": per_document[0],
            "median": statistics.median(per_document),
            "max": per_document[-1],
        },
        "share_with_gezin": round(gezin / documents, 2),
        # Every app server rebuilds its facet bitmaps after a publish; the first request pays.
        "bitmap_rebuild_ms": round(statistics.median(rebuild), 1),
        # Every app server holds all passage vectors (float32) and reloads them after a publish.
        "passages": int(matrix.passage_ids.size),
        "vector_memory_mb": round(matrix.nbytes / 2**20, 1),
        "vector_reload_ms": round(matrix_ms, 1),
    }


# Scenarios ----------------------------------------------------------------------------------


def question_params(rng: random.Random, filtered: bool) -> dict:
    params = filtered_params(rng) if filtered else {}
    params["q"] = rng.choice(QUESTIONS)
    return params


def filtered_params(rng: random.Random) -> dict:
    from voorbeeldenbank.examples.constants import Kind
    from voorbeeldenbank.examples.models import Topic

    topics = list(Topic.objects.values_list("key", flat=True))
    return {
        "q": rng.choice(QUERIES),
        "element": rng.sample(ELEMENT_KEYS, 2),
        "kind": rng.choice(Kind.values),
        "topic": rng.choice(topics),
    }


def scenarios(catalogue_url: str, rng: random.Random) -> list[tuple[str, str, Callable]]:
    """(key, description, make_request(i) -> (kind, path, params, headers)) per scenario."""
    return [
        ("unfiltered", "Catalogue page, no filter (pages 1–10)",
         lambda i: ("http", catalogue_url, {"page": i % 10 + 1}, {})),
        ("text", "Catalogue page, text search (q=gezinnen and other common words)",
         lambda i: ("http", catalogue_url, {"q": QUERIES[i % len(QUERIES)]}, {})),
        ("lexical", "Catalogue page, lexical mode only (the same words, mode=lexical)",
         lambda i: ("http", catalogue_url, {"q": QUERIES[i % len(QUERIES)], "mode": "lexical"},
                    {})),
        ("questions", "Catalogue page, hybrid search on a question (query embedded per request)",
         lambda i: ("http", catalogue_url, question_params(rng, False), {})),
        ("questions_filtered", "Same, with 2 elements + kind + topic",
         lambda i: ("http", catalogue_url, question_params(rng, True), {})),
        ("search_questions", "Hybrid search on a question: parse + catalogue.run with the query "
         "embedding (no HTTP, no rendering)",
         lambda i: ("direct", "", question_params(rng, False), {})),
        ("search_questions_filtered", "Same, with 2 elements + kind + topic",
         lambda i: ("direct", "", question_params(rng, True), {})),
        ("semantic", "Semantic ranking alone: embed the question, matrix product, top 100",
         lambda i: ("semantic", "", question_params(rng, False), {})),
        ("filtered", "Catalogue page, q + 2 elements + kind + topic",
         lambda i: ("http", catalogue_url, filtered_params(rng), {})),
        ("htmx", "Same filter, HTMX partial (results and facets only)",
         lambda i: ("http", catalogue_url, filtered_params(rng), {"HTTP_HX_REQUEST": "true"})),
        ("facets", "Facets only: parse + catalogue.run, same filter (no HTTP, no rendering)",
         lambda i: ("direct", "", filtered_params(rng), {})),
        ("api", "API list /api/v1/examples/, same filter",
         lambda i: ("http", "/api/v1/examples/", filtered_params(rng), {})),
    ]  # fmt: skip


def run_direct(params: dict) -> int:
    from django.http import QueryDict

    from voorbeeldenbank.examples import catalogue

    vocabularies = catalogue.facet_vocabularies()
    query = catalogue.parse_query(QueryDict(urlencode(params, doseq=True)), vocabularies)
    return catalogue.run(query).total


def perform(client, request) -> None:
    kind, path, params, headers = request
    if kind == "direct":
        run_direct(params)
        return
    if kind == "semantic":
        from voorbeeldenbank.examples import semantic

        semantic.scores(params["q"])
        return
    response = client.get(path, params, **headers)
    if response.status_code != 200:
        raise RuntimeError(f"{path}?{urlencode(params, doseq=True)} -> {response.status_code}")


def measure(client, make_request: Callable, warmup: int, requests: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for i in range(warmup):
        perform(client, make_request(i))
    timings = []
    for i in range(requests):
        request = make_request(i)
        started = time.perf_counter()
        perform(client, request)
        timings.append((time.perf_counter() - started) * 1000)
    queries = []
    for i in range(5):
        with CaptureQueriesContext(connection) as captured:
            perform(client, make_request(i))
        queries.append(len(captured.captured_queries))
    timings.sort()
    return {
        "requests": requests,
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(0.95 * len(timings)) - 1], 1),
        "max_ms": round(timings[-1], 1),
        "queries": [min(queries), max(queries)],
    }


def mean_hits(make_request: Callable, samples: int = 50) -> float:
    totals = []
    for i in range(samples):
        _kind, _path, params, _headers = make_request(i)
        totals.append(run_direct({k: v for k, v in params.items() if k != "page"}))
    return round(statistics.mean(totals), 1)


def profile(client, make_request: Callable, requests: int, database: str, key: str) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for i in range(requests):
        perform(client, make_request(i))
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    out.write(f"# {requests} requests of scenario {key} on {database}\n")
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    path = BENCH_DIR / f"profile-{database}-{key}.txt"
    path.write_text(out.getvalue())
    log(f"Profile written to {path.relative_to(ROOT)}")


# Report -------------------------------------------------------------------------------------


def environment(database: str) -> dict:
    import django
    import wagtail
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("select sqlite_version()" if database == "sqlite" else "show server_version")
        server = cursor.fetchone()[0]
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor(),
    )  # fmt: skip
    return {
        "date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "cores": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "database": f"{'SQLite' if database == 'sqlite' else 'PostgreSQL'} {server}",
        # The machine may be shared (parallel test runs); the 1-minute load tells how much.
        "load_average": round(os.getloadavg()[0], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per scenario")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--reuse", action="store_true", help="reuse the database of a last run")
    parser.add_argument("--only", nargs="*", help="run only these scenarios")
    parser.add_argument("--profile", metavar="SCENARIO", help="profile one scenario, then stop")
    parser.add_argument("--breakdown", metavar="SCENARIO", help="time the phases of a scenario")
    parser.add_argument("--no-write", action="store_true", help="do not write the results")
    args = parser.parse_args()

    start_django(prepare_database(args.database, args.examples, args.reuse))
    generation = build(args.examples, args.reuse)
    corpus = corpus_stats()
    log(f"Corpus: {json.dumps(corpus)}")

    from django.test import Client
    from django.utils import translation

    from voorbeeldenbank.examples.models import ExampleIndexPage

    translation.activate("nl")
    client = Client()
    catalogue_url = ExampleIndexPage.objects.get().url
    rng = random.Random(42)
    selected = scenarios(catalogue_url, rng)
    if args.profile:
        make_request = {key: make for key, _text, make in selected}[args.profile]
        profile(client, make_request, args.requests, args.database, args.profile)
        return

    if args.breakdown:
        from benchmarks.breakdown import breakdown

        make_request = {key: make for key, _text, make in selected}[args.breakdown]
        for i in range(args.warmup):
            perform(client, make_request(i))
        rows = breakdown(lambda i: perform(client, make_request(i)), args.requests)
        log(f"Mean per request, scenario {args.breakdown} ({args.requests} requests):")
        for name, ms, share in rows:
            log(f"  {name:<20} {ms:>7.1f} ms  {share:>5.1f} %")
        return

    results = []
    for key, description, make_request in selected:
        if args.only and key not in args.only:
            continue
        row = measure(client, make_request, args.warmup, args.requests)
        row.update(key=key, scenario=description, mean_hits=mean_hits(make_request))
        results.append(row)
        log(
            f"{key:<11} median {row['median_ms']:>6} ms  p95 {row['p95_ms']:>6} ms  "
            f"queries {row['queries'][0]}–{row['queries'][1]}  hits {row['mean_hits']}"
        )
    if args.no_write or args.only:
        return
    from benchmarks.report import write_docs

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    record = {
        "examples": args.examples,
        "environment": environment(args.database),
        "generation": generation,
        "corpus": corpus,
        "target_p95_ms": TARGET_P95_MS,
        "results": results,
    }
    (RESULTS_DIR / f"{args.database}.json").write_text(
        json.dumps(record, indent=2, ensure_ascii=False) + "\n"
    )
    write_docs()
    log(f"Results written to benchmarks/results/{args.database}.json and docs/benchmarks.md")


if __name__ == "__main__":
    main()
