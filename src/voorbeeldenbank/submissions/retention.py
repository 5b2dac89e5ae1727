"""Retention (AVG): submissions that will not be published are deleted after a period."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from .constants import State
from .models import Submission


def expired() -> QuerySet[Submission]:
    cutoff = timezone.now() - timedelta(days=settings.SUBMISSION_RETENTION_DAYS)
    # Published examples live on as pages; everything else is personal data kept too long.
    return Submission.objects.filter(updated__lt=cutoff).filter(
        Q(state=State.CONCEPT) | Q(state=State.AFGEWEZEN)
    )


def purge_expired() -> int:
    """Delete them, with their log, notes and e-mails; returns how many submissions."""
    stale = expired()
    count = stale.count()
    stale.delete()
    return count
