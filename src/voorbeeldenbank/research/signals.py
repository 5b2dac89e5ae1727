"""Retention in the background, and a recording that goes the moment its consent does."""

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from voorbeeldenbank.core.housekeeping import at_most_every, housekeeping

from .constants import ConsentKind
from .models import Consent
from .retention import delete_recordings_without_consent, run_retention


@receiver(housekeeping)
def research_retention(sender: Any, **kwargs: Any) -> int:
    if not at_most_every(60 * 60 * 6, "research-retention"):
        return 0
    return run_retention().total


# Every consent statement is a new row (Consent.register, withdraw included), so a new row
# that says no to the recording is the moment to delete it, whichever screen recorded it.
@receiver(post_save, sender=Consent)
def delete_recordings_on_withdrawal(
    sender: Any, instance: Consent, created: bool, **kwargs: Any
) -> None:
    if created and instance.kind == ConsentKind.RECORDING and not instance.is_given:
        delete_recordings_without_consent(instance.interview, instance.recorded_by)
