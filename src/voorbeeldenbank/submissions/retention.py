"""Retention (AVG): submissions that will not be published are deleted after a period."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import WorkflowState

from .constants import State
from .models import ContactApprovalTaskState, Submission


def expired() -> QuerySet[Submission]:
    cutoff = timezone.now() - timedelta(days=settings.SUBMISSION_RETENTION_DAYS)
    # Published examples live on as pages; everything else is personal data kept too long.
    return Submission.objects.filter(updated__lt=cutoff).filter(
        Q(state=State.CONCEPT) | Q(state=State.AFGEWEZEN)
    )


def purge_expired() -> int:
    """Delete them, with their log, notes, e-mails and approval rounds; returns how many.

    A rejected submission's draft page may stay, but the rounds on it (the contact person's
    name, address and answer) go with the submission.
    """
    stale = expired()
    count = stale.count()
    pages = [
        str(pk) for pk in stale.exclude(example_page=None).values_list("example_page_id", flat=True)
    ]
    rounds = ContactApprovalTaskState.objects.filter(workflow_state__object_id__in=pages)
    WorkflowState.objects.filter(pk__in=rounds.values("workflow_state_id")).delete()
    stale.delete()
    return count
