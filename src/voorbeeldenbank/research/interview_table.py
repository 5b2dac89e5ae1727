"""The report's interview table row of an example, kept from the research interviews.

An example described by a candidate with interviews gets its `InterviewRecord` from those
interviews (marked `from_research`); hand-typed rows of other examples stay as they are.
"""

from __future__ import annotations

from typing import Any

from voorbeeldenbank.examples.constants import InterviewMode, InterviewRole
from voorbeeldenbank.examples.models import ExamplePage, InterviewRecord

from .models import Candidate, Interview


def combined_mode(modes: set[str]) -> str:
    if modes == {InterviewMode.FYSIEK}:
        return InterviewMode.FYSIEK
    if modes == {InterviewMode.DIGITAAL}:
        return InterviewMode.DIGITAAL
    return InterviewMode.BEIDE


def sync_interview_record(example: ExamplePage | None) -> InterviewRecord | None:
    """Sets (or, with no interviews left, removes) the research row of the example."""
    if example is None:
        return None
    interviews = list(
        Interview.objects.filter(candidate__example=example).values_list("role", "mode")
    )
    if not interviews:
        InterviewRecord.objects.filter(example=example, from_research=True).delete()
        return None
    roles = {role for role, _mode in interviews}
    record, _created = InterviewRecord.objects.update_or_create(
        example=example,
        defaults={
            **{role.value: role.value in roles for role in InterviewRole},
            "mode": combined_mode({mode for _role, mode in interviews}),
            "from_research": True,
        },
    )
    return record


def sync_for_candidate(candidate_id: Any) -> None:
    example_id = Candidate.objects.filter(pk=candidate_id).values_list("example", flat=True).first()
    if example_id is not None:
        sync_interview_record(ExamplePage.objects.filter(pk=example_id).first())
