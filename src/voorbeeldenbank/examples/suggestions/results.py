"""The measured quality of the suggestions, as benchmarks/element_eval.py --write left it."""

import json
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "data" / "evaluation.json"


def evaluation() -> dict[str, Any] | None:
    try:
        return json.loads(RESULTS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
