"""Background tasks of the publication app, run by `manage.py db_worker`."""

import logging
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from voorbeeldenbank.examples.models import ExamplePage

from . import example_pdfs
from .builder import run_build
from .constants import BuildStatus
from .models import ExamplePdf

logger = logging.getLogger(__name__)


@task()
def build_edition(build_id: int) -> str:
    """Build the edition for a build that `builder.start_build` queued; returns its status."""
    return run_build(build_id).status


@task()
def build_example_pdf(pdf_id: int) -> str:
    """Make the PDF of one example at one revision (example_pdfs.build); returns its status."""
    pdf = example_pdfs.build(pdf_id)
    return pdf.status if pdf is not None else "gone"


def _enqueue(pdf_id: int) -> None:
    try:
        build_example_pdf.enqueue(pdf_id)
    except Exception:
        # The queue is down: say so on the record, so a later request tries again.
        logger.exception("Could not queue the PDF %s", pdf_id)
        ExamplePdf.objects.filter(pk=pdf_id).update(
            status=BuildStatus.FAILED,
            error=_("De PDF kon niet worden ingepland."),
            updated_at=timezone.now(),
        )


def request_example_pdf(page: ExamplePage) -> ExamplePdf:
    """The PDF record for the page's live revision, queued for the worker when needed.

    Queued after the transaction commits, so the worker never looks for a record that is not
    there yet (or never will be).
    """
    pdf, queue = example_pdfs.find_or_create(page)
    if queue:
        transaction.on_commit(partial(_enqueue, pdf.pk))
    return pdf
