"""Retention in the background; a recording that goes the moment its consent does; the interview
table that follows the interviews; a withdrawn consent for quotes that takes the quotes off the
pages."""

from typing import Any

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from voorbeeldenbank.core.housekeeping import at_most_every, housekeeping

from . import anonymisation
from .constants import ConsentKind
from .interview_table import sync_for_candidate, sync_interview_record
from .models import Candidate, Consent, Interview
from .quotes import withdraw_quotes
from .retention import delete_recordings_without_consent, run_retention


@receiver(housekeeping)
def research_retention(sender: Any, **kwargs: Any) -> int:
    if not at_most_every(60 * 60 * 6, "research-retention"):
        return 0
    return run_retention().total


@receiver(housekeeping)
def give_up_stalled_anonymisations(sender: Any, **kwargs: Any) -> int:
    if not at_most_every(60 * 5, "research-anonymisation-stalled"):
        return 0
    return anonymisation.give_up_stalled()


# Every consent statement is a new row (Consent.register, withdraw included), so a new row
# that says no to the recording is the moment to delete it, whichever screen recorded it.
@receiver(post_save, sender=Consent)
def delete_recordings_on_withdrawal(
    sender: Any, instance: Consent, created: bool, **kwargs: Any
) -> None:
    if created and instance.kind == ConsentKind.RECORDING and not instance.is_given:
        delete_recordings_without_consent(instance.interview, instance.recorded_by)


@receiver(post_save, sender=Consent)
def withdraw_refused_quotes(sender: Any, instance: Consent, created: bool, **kwargs: Any) -> None:
    if created and instance.kind == ConsentKind.QUOTES and not instance.is_given:
        withdraw_quotes(instance.interview, instance.recorded_by)


@receiver(pre_save, sender=Interview)
def remember_candidate(sender: Any, instance: Interview, **kwargs: Any) -> None:
    instance._stored_candidate_id = (  # type: ignore[attr-defined]
        Interview.objects.filter(pk=instance.pk).values_list("candidate", flat=True).first()
        if instance.pk
        else None
    )


@receiver(post_save, sender=Interview)
@receiver(post_delete, sender=Interview)
def sync_interviews_table(sender: Any, instance: Interview, **kwargs: Any) -> None:
    sync_for_candidate(instance.candidate_id)
    stored = getattr(instance, "_stored_candidate_id", None)
    if stored is not None and stored != instance.candidate_id:
        sync_for_candidate(stored)


@receiver(post_save, sender=Candidate)
@receiver(post_delete, sender=Candidate)
def sync_described_example(sender: Any, instance: Candidate, **kwargs: Any) -> None:
    if instance.example_id is not None:
        sync_interview_record(instance.example)
