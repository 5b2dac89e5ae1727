"""Sessions are reachable for REFLECTION_KEEP_DAYS after they were opened; then the session,
its answers and its notes are deleted."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import ReflectionSession


@transaction.atomic
def delete_expired(today: datetime.date | None = None) -> int:
    """Delete every session past its period; returns how many sessions went."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=settings.REFLECTION_KEEP_DAYS)
    expired = ReflectionSession.objects.filter(created_on__lt=cutoff)
    count = expired.count()
    # Answers and notes go with their responses (CASCADE).
    expired.delete()
    return count
