"""The PDF of one example: made once per published revision by the worker, kept as a file.

A request never renders: it finds the record for the page's live revision (`find_or_create`)
and either serves its file or shows that it is being prepared. The worker runs `build`, which
claims the record, renders with WeasyPrint, writes the file under a temporary name, saves the
record and only then moves the file into place. So a killed build leaves at most a temporary
file (swept by the next build) or a record without its file (queued again when requested),
never a file that no record knows. When a newer revision's PDF is ready, older ones go.
"""

from __future__ import annotations

import logging
import secrets
from datetime import datetime, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.utils import timezone
from django.utils.translation import gettext as _

from voorbeeldenbank.examples.models import ExamplePage

from . import files, render
from .constants import ACTIVE_STATUSES, BuildStatus
from .models import ExamplePdf

logger = logging.getLogger(__name__)

DIRECTORY = "example-pdfs"
TEMPORARY = f"{DIRECTORY}/tmp"
# Queued or running without any change for this long: the worker lost it (killed, restarted).
STALE_AFTER = timedelta(minutes=10)
# A failed PDF is tried again on a request after this pause, so a broken one cannot keep the
# worker busy with every click.
RETRY_FAILED_AFTER = timedelta(minutes=5)
SWEEP_TEMPORARY_AFTER = timedelta(hours=1)
MAX_ERROR_LENGTH = 500


def live_revision_id(page: ExamplePage) -> int | None:
    return page.live_revision_id or page.latest_revision_id


def is_ready(pdf: ExamplePdf, storage: Storage = default_storage) -> bool:
    name = pdf.file.name or ""
    return pdf.status == BuildStatus.DONE and bool(name) and storage.exists(name)


def needs_queueing(pdf: ExamplePdf, now: datetime | None = None) -> bool:
    """Whether this record should (again) be handed to the worker."""
    now = now or timezone.now()
    if pdf.status in ACTIVE_STATUSES:
        return pdf.updated_at < now - STALE_AFTER
    if pdf.status == BuildStatus.FAILED:
        return pdf.updated_at < now - RETRY_FAILED_AFTER
    # Done, but the file is gone (a build cut off between saving and moving, a lost disk).
    return not is_ready(pdf)


def find_or_create(page: ExamplePage) -> tuple[ExamplePdf, bool]:
    """The record for the page's live revision, and whether the worker must (re)make it."""
    revision_id = live_revision_id(page)
    if revision_id is None:
        raise LookupError(page.pk)
    pdf, created = ExamplePdf.objects.get_or_create(page=page, revision_id=revision_id)
    if created:
        return pdf, True
    if not needs_queueing(pdf):
        return pdf, False
    ExamplePdf.objects.filter(pk=pdf.pk).update(
        status=BuildStatus.QUEUED, progress=0, error="", updated_at=timezone.now()
    )
    pdf.refresh_from_db()
    return pdf, True


def _progress(pdf: ExamplePdf, percent: int) -> None:
    ExamplePdf.objects.filter(pk=pdf.pk).update(progress=percent, updated_at=timezone.now())


def _final_name(pdf: ExamplePdf, page: ExamplePage) -> str:
    # Not guessable, for storages whose files are public (EXAMPLE_PDF_DELIVERY = "redirect").
    return f"{DIRECTORY}/{page.slug[:80]}-{pdf.revision_id}-{secrets.token_hex(8)}.pdf"


def sweep_temporary(storage: Storage = default_storage, now: datetime | None = None) -> None:
    """Remove temporary files that builds cut off long ago left behind (not running ones)."""
    try:
        _dirs, names = storage.listdir(TEMPORARY)
    except (FileNotFoundError, NotImplementedError):
        return
    cutoff = (now or timezone.now()) - SWEEP_TEMPORARY_AFTER
    for name in names:
        path = f"{TEMPORARY}/{name}"
        try:
            if storage.get_modified_time(path) < cutoff:
                storage.delete(path)
        except (FileNotFoundError, NotImplementedError):
            continue


def _render(pdf: ExamplePdf, page: ExamplePage) -> bytes:
    html = render.render_example_html(page)
    _progress(pdf, 30)
    document = render.layout(html)
    _progress(pdf, 80)
    return render.write_pdf(document)


def build(pdf_id: int, storage: Storage = default_storage) -> ExamplePdf | None:
    """Make the PDF of a queued record; returns the record, or None when it is gone."""
    claimed = ExamplePdf.objects.filter(pk=pdf_id, status=BuildStatus.QUEUED).update(
        status=BuildStatus.RUNNING, progress=5, updated_at=timezone.now()
    )
    pdf = ExamplePdf.objects.filter(pk=pdf_id).first()
    if pdf is None or not claimed:
        # Delivered twice, or already made: nothing to do.
        return pdf
    page = (
        ExamplePage.objects.live()
        .public()
        .filter(pk=pdf.page_id, live_revision_id=pdf.revision_id)
        .first()
    )
    if page is None:
        # Unpublished, restricted or published again meanwhile: this revision is not shown.
        pdf.delete()
        return None
    sweep_temporary(storage)
    temporary = ""
    try:
        data = _render(pdf, page)
        temporary = storage.save(
            f"{TEMPORARY}/{pdf.pk}-{secrets.token_hex(8)}.pdf", ContentFile(data)
        )
        final = _final_name(pdf, page)
        # The record first, then the file: never a file in place that no record knows.
        ExamplePdf.objects.filter(pk=pdf.pk).update(
            status=BuildStatus.DONE,
            progress=100,
            file=final,
            size=len(data),
            error="",
            updated_at=timezone.now(),
        )
        files.promote(temporary, final, storage)
    except Exception as error:
        logger.exception("Could not make the PDF of example %s", pdf.page_id)
        if temporary and storage.exists(temporary):
            storage.delete(temporary)
        message = _("De PDF kon niet worden gemaakt: %(error)s") % {"error": error}
        ExamplePdf.objects.filter(pk=pdf.pk).update(
            status=BuildStatus.FAILED,
            file="",
            error=message[:MAX_ERROR_LENGTH],
            updated_at=timezone.now(),
        )
        pdf.refresh_from_db()
        return pdf
    # Older revisions' PDFs are no longer shown anywhere (their files go with them).
    for older in ExamplePdf.objects.filter(page_id=pdf.page_id, revision_id__lt=pdf.revision_id):
        older.delete()
    pdf.refresh_from_db()
    return pdf


def delete_file(name: str | None, storage: Storage = default_storage) -> None:
    if name and storage.exists(name):
        storage.delete(name)
