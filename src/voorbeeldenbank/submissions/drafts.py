"""Saving a step: whatever was typed is kept on the server, valid or not."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict

from .forms import StepForm
from .models import Submission


def raw_values(form: StepForm, data: QueryDict) -> dict[str, Any]:
    """What was typed, to show again. NUL characters are dropped: PostgreSQL cannot store them
    (the form has already told the submitter about them)."""
    raw: dict[str, Any] = {}
    for name in form.fields:
        values = [value.replace("\x00", "") for value in data.getlist(name)]
        raw[name] = values[0] if len(values) == 1 else values
    return raw


def save_step(
    submission: Submission, step: str, form: StepForm, data: QueryDict, version: int | None
) -> bool:
    """Merge the valid part into the content and park the rest; False on a version conflict."""
    valid = form.is_valid()
    content = {**submission.content, **form.to_content()}
    raw_input = dict(submission.raw_input)
    if valid:
        raw_input.pop(step, None)
    else:
        raw_input[step] = raw_values(form, data)
    if version is None:
        return False
    return submission.save_content(version, content, raw_input)


def bound_or_initial(form_class: type[StepForm], submission: Submission, step: str) -> StepForm:
    """Re-show what was typed last time (with its errors), else the stored content."""
    raw = submission.raw_input.get(step)
    if raw:
        data = QueryDict(mutable=True)
        for name, value in raw.items():
            data.setlist(name, value if isinstance(value, list) else [value])
        form = form_class(data)
        form.is_valid()
        return form
    return form_class(initial=form_class.initial_from(submission.content))


def parse_version(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
