"""Where a catalogue request spends its time, phase by phase, without a profiler's overhead.

The catalogue's functions are wrapped with timers for the duration of the measurement only.
"""

import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from contextlib import contextmanager

# (module path, attribute): the phases of one catalogue or API request.
PHASES = [
    ("voorbeeldenbank.examples.catalogue", "facet_vocabularies"),
    ("voorbeeldenbank.examples.catalogue", "parse_query"),
    ("voorbeeldenbank.examples.catalogue", "text_scores"),
    ("voorbeeldenbank.examples.catalogue", "run"),
    ("voorbeeldenbank.examples.views.catalogue", "example_cards"),
    ("voorbeeldenbank.examples.views.catalogue", "facet_groups"),
    ("voorbeeldenbank.examples.search.explain", "snippets"),
    ("voorbeeldenbank.examples.basket", "from_request"),
    ("voorbeeldenbank.examples.views.catalogue", "advice"),
    ("voorbeeldenbank.examples.views.catalogue", "render"),
    ("voorbeeldenbank.api.serializers", "summaries_for"),
    ("voorbeeldenbank.api.views", "json_response"),
]


@contextmanager
def timed_phases(totals: dict[str, list[float]]):
    import importlib

    originals = []
    for module_name, attribute in PHASES:
        module = importlib.import_module(module_name)
        original = getattr(module, attribute, None)
        if original is None:
            continue
        originals.append((module, attribute, original))

        def wrapper(*args, _original=original, _name=attribute, **kwargs):
            started = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                totals[_name].append((time.perf_counter() - started) * 1000)

        setattr(module, attribute, wrapper)
    try:
        yield
    finally:
        for module, attribute, original in originals:
            setattr(module, attribute, original)


def breakdown(perform: Callable[[int], None], requests: int) -> list[tuple[str, float, float]]:
    """Mean ms per request for each phase (run includes text_scores), and its share."""
    phases: dict[str, list[float]] = defaultdict(list)
    whole = []
    with timed_phases(phases):
        for i in range(requests):
            started = time.perf_counter()
            perform(i)
            whole.append((time.perf_counter() - started) * 1000)
    total = statistics.mean(whole)
    rows = [("whole request", total, 100.0)]
    for name, values in phases.items():
        per_request = sum(values) / requests
        rows.append((name, per_request, 100 * per_request / total))
    return rows
