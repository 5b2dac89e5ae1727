"""The anonymous answers as CSV and the result as a tagged PDF (publication's wrapper)."""

import csv
import io
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from voorbeeldenbank.publication.render import html_to_pdf

from .models import Answer, ElementNote, ReflectionSession

# A cell starting with one of these runs as a formula in spreadsheet programs (CSV injection);
# a leading apostrophe makes them show it as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER = [
    "deelnemer",
    "dag",
    "soort_organisatie",
    "element",
    "stelling",
    "versie",
    "antwoord",
    "notitie",
]


def safe_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, int):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def answers_csv(session: ReflectionSession) -> str:
    """One row per answer and one per note; members are numbered 1, 2, … in this file only."""
    numbers = {
        pk: number
        for number, pk in enumerate(
            session.responses.order_by("pk").values_list("pk", flat=True), 1
        )
    }
    rows: list[list[Any]] = []
    answers = (
        Answer.objects.filter(response__session=session)
        .select_related("response", "statement__element")
        .order_by("response_id", "statement__element__sort_order", "statement__order")
    )
    for answer in answers:
        response = answer.response
        rows.append(
            [
                numbers[response.pk],
                response.answered_on.isoformat(),
                response.organisation_kind,
                answer.statement.element.key,
                answer.statement.text_nl,
                answer.statement_version,
                "weet niet" if answer.value is None else answer.value,
                "",
            ]
        )
    notes = ElementNote.objects.filter(response__session=session).select_related(
        "response", "element"
    )
    for note in notes.order_by("response_id", "element__sort_order"):
        response = note.response
        rows.append(
            [
                numbers[response.pk],
                response.answered_on.isoformat(),
                response.organisation_kind,
                note.element.key,
                "",
                "",
                "",
                note.text,
            ]
        )
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so that spreadsheet programs read UTF-8
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows([[safe_cell(cell) for cell in row] for row in rows])
    return buffer.getvalue()


def result_pdf(context: dict) -> bytes:
    with translation.override(translation.get_language() or "nl"):
        html = render_to_string("reflection/result_pdf.html", context)
    pdf, _pages = html_to_pdf(html)
    return pdf
