"""Publishing the draft page of an approved submission completes the workflow."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from voorbeeldenbank.examples.models import ExamplePage

from .models import Submission


@receiver(page_published, sender=ExamplePage)
def mark_submission_published(sender, instance: ExamplePage, **kwargs) -> None:
    from .workflow import published

    submission = Submission.objects.filter(example_page_id=instance.pk).first()
    if submission is not None:
        with transaction.atomic():
            published(submission)
