"""Parse an uploaded Word file in the format into submission content, with a report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import labels
from .budget import TimeBudget
from .build import ContentBuilder
from .elements import element_specs
from .reader import read_blocks
from .safety import open_document
from .sections import sort_blocks
from .vocabulary import Vocabulary

# Report units in the order of the format: (label key, content keys that fill it).
FACT_UNITS = (
    ("title", ("title",)),
    ("short_name", ("short_name",)),
    ("kind", ("kind",)),
    ("since_year", ("since_year",)),
    ("places", ("places",)),
    ("organisations", ("organisations",)),
    ("target_group", ("target_group",)),
    ("age", ("age_min", "age_max")),
    ("formality", ("formality",)),
    ("scale", ("scale",)),
)
TEXT_UNITS = ("summary", "for_whom", "by_whom", "what_is_needed", "deepening")
CLOSING_UNITS = ("what_works", "improvements", "links", "contact", "approver")


@dataclass
class ParseResult:
    content: dict[str, Any] = field(default_factory=dict)
    recognised: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _report(result: ParseResult, vocabulary: Vocabulary) -> None:
    content = result.content
    units: list[tuple[str, bool]] = [
        (str(labels.UNIT_LABELS[unit]), any(key in content for key in keys))
        for unit, keys in FACT_UNITS
    ]
    units += [(str(labels.UNIT_LABELS[unit]), unit in content) for unit in TEXT_UNITS]
    elements = content.get("elements", {})
    units += [(spec.display_title, spec.key in elements) for spec in vocabulary.elements]
    units += [(str(labels.UNIT_LABELS[unit]), unit in content) for unit in CLOSING_UNITS]
    result.recognised = [label for label, found in units if found]
    result.missing = [label for label, found in units if not found]


def parse_docx(data: bytes, budget: TimeBudget | None = None) -> ParseResult:
    """Read an uploaded .docx; raises DocxError (with a message for the user) if it cannot,
    also when reading takes longer than the budget (SUBMISSION_DOCX_PARSE_SECONDS)."""
    budget = budget or TimeBudget()
    document = open_document(data)
    budget()
    vocabulary = Vocabulary(element_specs())
    sections = sort_blocks(read_blocks(document, budget), vocabulary, budget)
    builder = ContentBuilder(sections, vocabulary)
    result = ParseResult(content=builder.build(), warnings=builder.warnings)
    _report(result, vocabulary)
    return result
