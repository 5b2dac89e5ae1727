"""Example PDFs follow publishing (made after a publish, removed when no longer public), and
the publication app's housekeeping, run by the task worker every minute."""

from functools import partial
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from voorbeeldenbank.core.frontend_cache import purge_paths_after_commit
from voorbeeldenbank.core.housekeeping import at_most_every, housekeeping
from voorbeeldenbank.examples.models import ExamplePage

from . import files
from .builder import give_up_stalled
from .example_pdfs import delete_file
from .models import Edition, ExamplePdf
from .tasks import request_example_pdf


def _queue_pdf(page_id: int) -> None:
    page = ExamplePage.objects.live().public().filter(pk=page_id).first()
    if page is not None:
        request_example_pdf(page)


@receiver(page_published, sender=ExamplePage)
def queue_pdf_of_published_example(sender, instance: ExamplePage, **kwargs) -> None:
    # After commit: a publish that is rolled back queues nothing.
    transaction.on_commit(partial(_queue_pdf, instance.pk))


@receiver(page_unpublished, sender=ExamplePage)
def drop_pdfs_of_unpublished_example(sender, instance: ExamplePage, **kwargs) -> None:
    ExamplePdf.objects.filter(page_id=instance.pk).delete()


@receiver(post_save, sender=PageViewRestriction)
def drop_pdfs_of_restricted_examples(sender, instance: PageViewRestriction, **kwargs) -> None:
    """A restricted example has no public PDF; files of some storages are public by URL."""
    pages = ExamplePage.objects.descendant_of(instance.page, inclusive=True)
    ExamplePdf.objects.filter(page__in=pages).delete()


@receiver(post_delete, sender=ExamplePdf)
def delete_pdf_file(sender, instance: ExamplePdf, **kwargs) -> None:
    # Only once the deletion is committed: a rolled-back delete keeps its file.
    transaction.on_commit(partial(delete_file, instance.file.name))


@receiver(housekeeping)
def end_stalled_builds(sender: Any, **kwargs: Any) -> int:
    return give_up_stalled()


@receiver(housekeeping)
def sweep_edition_files(sender: Any, **kwargs: Any) -> dict[str, int]:
    if not at_most_every(10 * 60, "sweep-edition-files"):
        return {}
    return files.sweep()


@receiver(post_save, sender=Edition)
def purge_edition_list(sender, instance: Edition, created: bool, **kwargs: Any) -> None:
    """A new edition appears on the editions page."""
    if created:
        purge_paths_after_commit([reverse("publication:edition_list")])
