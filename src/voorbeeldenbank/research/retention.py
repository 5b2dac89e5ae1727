"""Retention (AVG): what goes, when, and by which rule.

- Contact details of candidates' contact persons and interviewees, and the project's known
  names and pseudonym table, go once a project has ended and its grace period has passed.
- A recording's file goes `recording_retention_days` after its verslag was approved, and at once
  when the interviewee withdraws consent for the recording.
- The original (not de-identified) text of an approved and released verslag version goes
  `original_text_retention_days` after the approval.

The log says which rule deleted which objects (ids and counts); it names nobody.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from .constants import ConsentKind, DeletionRule, LogAction
from .models import (
    CandidateContact,
    Interview,
    InterviewContact,
    MemberCheckRound,
    Recording,
    ResearchProject,
    VerslagVersion,
    record,
)

RULE = "contacts_after_project_end"
ORIGINAL_RULE = "original_text_after_approval"


@dataclass
class Purged:
    candidate_contacts: int = 0
    interview_contacts: int = 0
    # Projects whose known names and pseudonym table were emptied.
    name_lists: int = 0

    @property
    def total(self) -> int:
        return self.candidate_contacts + self.interview_contacts + self.name_lists


@dataclass
class Retention:
    """What one run of every rule deleted or, in a dry run, would delete (ids only)."""

    contacts: Purged = field(default_factory=Purged)
    recordings_after_approval: list[int] = field(default_factory=list)
    recordings_without_consent: list[int] = field(default_factory=list)
    originals: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return (
            self.contacts.total
            + len(self.recordings_after_approval)
            + len(self.recordings_without_consent)
            + len(self.originals)
        )


def ended_projects() -> QuerySet[ResearchProject]:
    cutoff = timezone.now() - timedelta(days=settings.RESEARCH_CONTACT_GRACE_DAYS)
    return ResearchProject.objects.filter(ended_at__isnull=False, ended_at__lte=cutoff)


def due(project: ResearchProject) -> tuple[QuerySet, QuerySet]:
    return (
        CandidateContact.objects.filter(candidate__project=project),
        InterviewContact.objects.filter(interview__project=project),
    )


def _name_list_sizes(project: ResearchProject) -> tuple[int, int]:
    known = [line for line in project.known_names.splitlines() if line.strip()]
    return len(known), len(project.pseudonyms or {})


def purge_contacts(*, dry_run: bool = False) -> Purged:
    purged = Purged()
    for project in ended_projects():
        candidates, interviews = due(project)
        candidate_ids = sorted(candidates.values_list("pk", flat=True))
        interview_ids = sorted(interviews.values_list("pk", flat=True))
        known_names, pseudonyms = _name_list_sizes(project)
        if not (candidate_ids or interview_ids or known_names or pseudonyms):
            continue
        purged.candidate_contacts += len(candidate_ids)
        purged.interview_contacts += len(interview_ids)
        purged.name_lists += bool(known_names or pseudonyms)
        if dry_run:
            continue
        with transaction.atomic():
            CandidateContact.objects.filter(pk__in=candidate_ids).delete()
            InterviewContact.objects.filter(pk__in=interview_ids).delete()
            # The pseudonym table maps names to tags: it goes with the names it came from.
            project.known_names = ""
            project.pseudonyms = {}
            project.save(update_fields=["known_names", "pseudonyms"])
            record(
                project,
                None,
                LogAction.RETENTION,
                project,
                rule=RULE,
                grace_days=settings.RESEARCH_CONTACT_GRACE_DAYS,
                ended_at=project.ended_at.isoformat() if project.ended_at else None,
                candidate_contacts=candidate_ids,
                interview_contacts=interview_ids,
                known_names=known_names,
                pseudonyms=pseudonyms,
            )
    return purged


def _by_project(objects: Iterable[Recording | VerslagVersion]) -> dict[ResearchProject, list]:
    grouped: dict[ResearchProject, list] = defaultdict(list)
    for obj in objects:
        project = obj.project if isinstance(obj, Recording) else obj.verslag.project
        grouped[project].append(obj)
    return grouped


def _approved_long_enough(approved_at: datetime | None, days: int, now: datetime) -> bool:
    return approved_at is not None and approved_at <= now - timedelta(days=days)


def recordings_due() -> list[Recording]:
    """Live recordings whose verslag was approved longer ago than the project keeps them."""
    now = timezone.now()
    candidates = (
        Recording.objects.filter(
            deleted_at__isnull=True, interview__verslag__versions__approved_at__isnull=False
        )
        .select_related("interview__project", "interview__verslag")
        .distinct()
        .order_by("pk")
    )
    due_now = []
    for recording in candidates:
        approved = recording.interview.verslag.approved_version()
        days = recording.interview.project.recording_retention_days
        if approved is not None and _approved_long_enough(approved.approved_at, days, now):
            due_now.append(recording)
    return due_now


def purge_recordings(*, dry_run: bool = False) -> list[int]:
    due_now = recordings_due()
    if dry_run:
        return [recording.pk for recording in due_now]
    for project, recordings in _by_project(due_now).items():
        with transaction.atomic():
            for recording in recordings:
                recording.remove_file(DeletionRule.RETENTION)
            record(
                project,
                None,
                LogAction.RETENTION,
                project,
                rule=DeletionRule.RETENTION.value,
                retention_days=project.recording_retention_days,
                recordings=[recording.pk for recording in recordings],
                interviews=sorted({recording.interview_id for recording in recordings}),
            )
    return [recording.pk for recording in due_now]


def lacks_recording_consent(interview: Interview) -> bool:
    """True when the current answer for the recording is no (withdrawn or refused).

    An interview that was never asked is left alone: the admin does not accept a recording
    without consent, so such a recording did not come through it and needs a person's look.
    """
    consent = interview.current_consents().get(ConsentKind.RECORDING)
    return consent is not None and not consent.is_given


def delete_recordings_without_consent(
    interview: Interview, actor: Any = None, *, dry_run: bool = False
) -> list[int]:
    """All live recordings of the interview, once its recording consent is no longer given."""
    if not lacks_recording_consent(interview):
        return []
    recordings = list(interview.recordings.filter(deleted_at__isnull=True).order_by("pk"))
    ids = [recording.pk for recording in recordings]
    if dry_run or not recordings:
        return ids
    with transaction.atomic():
        for recording in recordings:
            recording.remove_file(DeletionRule.CONSENT_WITHDRAWN)
        record(
            interview.project,
            actor,
            LogAction.DELETED,
            object_type="recording",
            rule=DeletionRule.CONSENT_WITHDRAWN.value,
            interview=interview.pk,
            recordings=ids,
        )
    return ids


def purge_recordings_without_consent(*, dry_run: bool = False) -> list[int]:
    """The same rule as at withdrawal, for a consent that reached the database another way."""
    interviews = Interview.objects.filter(recordings__deleted_at__isnull=True).distinct()
    ids: list[int] = []
    for interview in interviews.select_related("project").order_by("pk"):
        ids += delete_recordings_without_consent(interview, dry_run=dry_run)
    return ids


def originals_due() -> list[VerslagVersion]:
    """Versions that still hold their original text although the member check ended long
    enough ago: the approved, released version itself, and every earlier version of the same
    verslag (drafts the interviewee commented on, superseded by the approved one)."""
    now = timezone.now()
    approved = (
        VerslagVersion.objects.codable()
        .select_related("verslag__interview__project")
        .order_by("verslag", "-number")
    )
    latest: dict[int, VerslagVersion] = {}
    for version in approved:
        latest.setdefault(version.verslag_id, version)
    due: list[VerslagVersion] = []
    for version in latest.values():
        project = version.verslag.project
        if not _approved_long_enough(
            version.approved_at, project.original_text_retention_days, now
        ):
            continue
        due.extend(
            version.verslag.versions.filter(
                number__lte=version.number, original_deleted_at__isnull=True
            ).select_related("verslag__interview__project")
        )
    return sorted(due, key=lambda version: version.pk)


def purge_originals(*, dry_run: bool = False) -> list[int]:
    due_now = originals_due()
    if dry_run:
        return [version.pk for version in due_now]
    for project, versions in _by_project(due_now).items():
        with transaction.atomic():
            for version in versions:
                version.original_text = ""
                version.proposed_spans = []
                version.original_deleted_at = timezone.now()
                version.save(
                    update_fields=["original_text", "proposed_spans", "original_deleted_at"]
                )
            # The interviewee's comments were about the original text and may name people.
            comments = MemberCheckRound.objects.filter(version__in=versions).exclude(comment="")
            emptied = comments.update(comment="")
            record(
                project,
                None,
                LogAction.RETENTION,
                project,
                rule=ORIGINAL_RULE,
                retention_days=project.original_text_retention_days,
                versions=[version.pk for version in versions],
                count=len(versions),
                comments=emptied,
            )
    return [version.pk for version in due_now]


def run_retention(*, dry_run: bool = False) -> Retention:
    """Every rule once: the management command and housekeeping both run this."""
    return Retention(
        contacts=purge_contacts(dry_run=dry_run),
        recordings_after_approval=purge_recordings(dry_run=dry_run),
        recordings_without_consent=purge_recordings_without_consent(dry_run=dry_run),
        originals=purge_originals(dry_run=dry_run),
    )
