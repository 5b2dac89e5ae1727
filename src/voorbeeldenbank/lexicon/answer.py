"""A language check's result as JSON values: the answer of the API and of `manage.py taalcheck
--json`."""

from typing import Any

from .check import CheckResult
from .check.readability import Readability


def readability_json(readability: Readability | None) -> dict[str, Any] | None:
    if readability is None:
        return None
    return {
        "score": readability.score,
        "level": readability.level,
        "label": str(readability.label),
        "explanation": str(readability.explanation),
        "meets_b1": readability.meets_b1,
    }


def result_json(result: CheckResult) -> dict[str, Any]:
    return {
        "findings": [finding.as_json() for finding in result.findings],
        "readability": readability_json(result.readability),
        "total_findings": result.total,
        "truncated": result.truncated,
        "message": result.truncated_message or None,
    }
