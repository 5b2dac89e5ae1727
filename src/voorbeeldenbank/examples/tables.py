"""The report's three overview tables, computed from the live examples."""

from typing import Any

from voorbeeldenbank.core.models import Element

from .constants import ELEMENT_THRESHOLD, Formality, InterviewMode, InterviewRole, Scale
from .models import ExamplePage, InterviewRecord

QUADRANT_ROWS = [Scale.INDIVIDUEEL, Scale.COLLECTIEF, Scale.MIX]
QUADRANT_COLUMNS = [Formality.INFORMEEL, Formality.FORMEEL, Formality.MIX]


def live_examples():
    return ExamplePage.objects.live().public().order_by("title")


def abbreviated(examples: list[ExamplePage]) -> list[ExamplePage]:
    """The examples a table names by a short name that differs from the full one, for the
    table's legend (and the abbr elements in its cells)."""
    return sorted(
        (e for e in examples if e.short_name and e.short_name.casefold() != e.title.casefold()),
        key=lambda e: e.short_name.casefold(),
    )


def quadrant() -> dict:
    """Examples per cell of informeel/formeel × individueel/collectief; mixes in their own row
    and column, and examples outside the quadrant listed apart."""
    examples = list(live_examples())
    rows: list[dict[str, Any]] = []
    for scale in QUADRANT_ROWS:
        cells = [
            {
                "formality": formality,
                "examples": [e for e in examples if e.scale == scale and e.formality == formality],
            }
            for formality in QUADRANT_COLUMNS
        ]
        rows.append({"scale": scale, "cells": cells})
    # Show mix rows and columns only when something is in them.
    used_columns = [
        i for i, _col in enumerate(QUADRANT_COLUMNS) if any(r["cells"][i]["examples"] for r in rows)
    ]
    keep_columns = sorted(set(used_columns) | {0, 1})
    rows = [
        {"scale": r["scale"], "cells": [r["cells"][i] for i in keep_columns]}
        for r in rows
        if r["scale"] != Scale.MIX or any(c["examples"] for c in r["cells"])
    ]
    return {
        "columns": [QUADRANT_COLUMNS[i] for i in keep_columns],
        "rows": rows,
        "outside": [e for e in examples if e.formality == Formality.NONE or e.scale == Scale.NONE],
        "total": len(examples),
        # Outside the quadrant examples are listed by their full names.
        "abbreviated": abbreviated(
            [e for row in rows for cell in row["cells"] for e in cell["examples"]]
        ),
    }


def matrix() -> dict:
    elements = list(Element.objects.all())
    examples = list(live_examples().prefetch_related("example_elements"))
    rows = []
    column_counts = [0] * len(elements)
    for example in examples:
        present = {link.element_id for link in example.example_elements.all()}
        marks = [element.pk in present for element in elements]
        for i, mark in enumerate(marks):
            column_counts[i] += mark
        rows.append(
            {
                "example": example,
                "marks": marks,
                "count": sum(marks),
                "meets_threshold": sum(marks) >= ELEMENT_THRESHOLD,
            }
        )
    return {
        "elements": elements,
        "rows": rows,
        "column_counts": column_counts,
        "threshold": ELEMENT_THRESHOLD,
        "total": len(examples),
        "abbreviated": abbreviated(examples),
    }


def interviews() -> dict:
    roles = list(InterviewRole)
    examples = list(live_examples())
    records = {
        record.example_id: record
        for record in InterviewRecord.objects.filter(example__in=[e.pk for e in examples])
    }
    rows = []
    role_counts = [0] * len(roles)
    mode_counts = {mode.value: 0 for mode in InterviewMode}
    for example in examples:
        record = records.get(example.pk)
        if record is None:
            continue
        marks = [getattr(record, role.value) for role in roles]
        for i, mark in enumerate(marks):
            role_counts[i] += mark
        mode_counts[record.mode] += 1
        rows.append(
            {
                "example": example,
                "marks": marks,
                "count": sum(marks),
                "mode": record.get_mode_display(),
            }
        )
    return {
        "roles": roles,
        "rows": rows,
        "role_counts": role_counts,
        "mode_counts": [(InterviewMode(m).label, n) for m, n in mode_counts.items()],
        "total_interviews": sum(role_counts),
        "abbreviated": abbreviated([row["example"] for row in rows]),
    }


BUILDERS = {"quadrant": quadrant, "matrix": matrix, "interviews": interviews}
