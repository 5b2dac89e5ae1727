"""Retention (AVG): names, e-mail addresses and phone numbers of candidates' contact persons
and interviewees are deleted once a project has ended and its grace period has passed.

The log says which rule deleted how many rows of which objects; it names nobody.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from .constants import LogAction
from .models import CandidateContact, InterviewContact, ResearchProject, record

RULE = "contacts_after_project_end"


@dataclass
class Purged:
    candidate_contacts: int = 0
    interview_contacts: int = 0

    @property
    def total(self) -> int:
        return self.candidate_contacts + self.interview_contacts


def ended_projects() -> QuerySet[ResearchProject]:
    cutoff = timezone.now() - timedelta(days=settings.RESEARCH_CONTACT_GRACE_DAYS)
    return ResearchProject.objects.filter(ended_at__isnull=False, ended_at__lte=cutoff)


def due(project: ResearchProject) -> tuple[QuerySet, QuerySet]:
    return (
        CandidateContact.objects.filter(candidate__project=project),
        InterviewContact.objects.filter(interview__project=project),
    )


def purge_contacts(*, dry_run: bool = False) -> Purged:
    purged = Purged()
    for project in ended_projects():
        candidates, interviews = due(project)
        candidate_ids = sorted(candidates.values_list("pk", flat=True))
        interview_ids = sorted(interviews.values_list("pk", flat=True))
        if not candidate_ids and not interview_ids:
            continue
        purged.candidate_contacts += len(candidate_ids)
        purged.interview_contacts += len(interview_ids)
        if dry_run:
            continue
        with transaction.atomic():
            CandidateContact.objects.filter(pk__in=candidate_ids).delete()
            InterviewContact.objects.filter(pk__in=interview_ids).delete()
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
            )
    return purged
