"""Publishing the draft page of an approved submission completes the workflow."""

from typing import Any

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from voorbeeldenbank.core.housekeeping import at_most_every, housekeeping
from voorbeeldenbank.examples.models import ExamplePage

from .models import Submission
from .retention import purge_expired
from .workflow import published


@receiver(page_published, sender=ExamplePage)
def mark_submission_published(sender, instance: ExamplePage, **kwargs) -> None:
    submission = Submission.objects.filter(example_page_id=instance.pk).first()
    if submission is not None:
        with transaction.atomic():
            published(submission)


@receiver(housekeeping)
def purge_expired_submissions(sender: Any, **kwargs: Any) -> int:
    if not at_most_every(60 * 60 * 6, "purge-submissions"):
        return 0
    return purge_expired()
