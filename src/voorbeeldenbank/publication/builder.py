"""Building an edition: one code path for the admin (via a background task) and the command.

`start_build` claims the single "active" slot; `run_build` does the work step by step, saving
progress on the EditionBuild so the editor can follow it, and stores the Edition and its files
in one go at the end. Whatever goes wrong, the build ends as failed with a readable message and
nothing half-made is left behind.
"""

import hashlib
import logging
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .constants import ACTIVE_STATUSES, BuildStatus
from .manifest import diff, live_examples, manifest_for
from .models import Edition, EditionBuild

logger = logging.getLogger(__name__)

STEPS = (
    gettext_lazy("Inhoud verzamelen"),
    gettext_lazy("HTML maken"),
    gettext_lazy("PDF maken"),
    gettext_lazy("Opslaan"),
)
# A build still active after this long was cut off (worker killed, server restarted): it no
# longer blocks new builds. A 500-example build takes a few minutes.
ABANDONED_AFTER = timedelta(hours=1)
MAX_ERROR_LENGTH = 500
# Finished builds kept for the admin's history; editions themselves are never removed.
KEEP_FINISHED_BUILDS = 50


class BuildAlreadyRunning(Exception):
    """Only one edition can be built at a time."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Er wordt al een editie gebouwd. Wacht tot die klaar is en start daarna "
                "eventueel opnieuw."
            )
        )


def start_build(user: Any, *, dry_run: bool = False) -> EditionBuild:
    """Queue a new build, or raise BuildAlreadyRunning when one is queued or running."""
    _give_up_abandoned()
    _prune_finished()
    if EditionBuild.objects.filter(active=True).exists():
        raise BuildAlreadyRunning
    try:
        # The unique `active` column settles a race between two editors clicking at once.
        with transaction.atomic():
            return EditionBuild.objects.create(
                active=True,
                dry_run=dry_run,
                steps_total=len(STEPS),
                started_by=user if user is not None and user.is_authenticated else None,
            )
    except IntegrityError:
        raise BuildAlreadyRunning from None


def run_build(build_id: int, *, output: Path | None = None) -> EditionBuild:
    """Build the edition for a queued build; also write the PDF to `output` if given."""
    # Claim the build, so a task that is delivered twice does not build twice.
    claimed = EditionBuild.objects.filter(pk=build_id, status=BuildStatus.QUEUED).update(
        status=BuildStatus.RUNNING
    )
    build = EditionBuild.objects.get(pk=build_id)
    if not claimed:
        logger.warning("Edition build %s is %s, not queued: not run again", build_id, build.status)
        return build
    try:
        _build(build, output)
    except Exception as exc:
        logger.exception("Edition build %s failed in step %r", build_id, build.step_label)
        _finish(build, BuildStatus.FAILED, error=_readable(exc, build.step_label))
    else:
        _finish(build, BuildStatus.DONE)
    return build


def abandon(build: EditionBuild, error: str) -> None:
    """End a build that will never run, e.g. because its task could not be queued."""
    _finish(build, BuildStatus.FAILED, error=error)


def _build(build: EditionBuild, output: Path | None) -> None:
    # Imported here: the renderer pulls in WeasyPrint, which the admin pages do not need.
    from . import content, parts, render

    _step(build, 0)
    examples = live_examples()
    previous = Edition.objects.order_by("-number").first()
    number = previous.number + 1 if previous else 1
    published_on = timezone.localdate()
    manifest = manifest_for(examples)
    changes = diff(previous.manifest if previous else None, manifest)
    # A dry run is a proof (proefdruk): its PDF must not claim to be the next edition.
    context = content.edition_context(
        number=None if build.dry_run else number, published_on=published_on, examples=examples
    )

    _step(build, 1)
    html = render.render_edition_html(context, for_pdf=False)

    _step(build, 2)

    def part_done(done: int, total: int) -> None:
        build.parts_done, build.parts_total = done, total
        build.save(update_fields=["parts_done", "parts_total"])

    pdf, page_count = parts.edition_pdf(context, progress=part_done)
    if not pdf.startswith(b"%PDF-"):
        raise ValueError(_("De PDF-maker gaf geen PDF terug."))
    # Read by the benchmark and the command; not stored for a dry run.
    build.dry_run_pages = page_count  # type: ignore[attr-defined]

    _step(build, 3)
    if output is not None:
        output.write_bytes(pdf)
    if build.dry_run:
        return
    build.edition = _save_edition(
        build,
        number=number,
        published_on=published_on,
        html=html,
        pdf=pdf,
        page_count=page_count,
        manifest=manifest,
        changes=changes,
    )


def _save_edition(
    build: EditionBuild,
    *,
    number: int,
    published_on: date,
    html: str,
    pdf: bytes,
    page_count: int,
    manifest: dict,
    changes: dict,
) -> Edition:
    """Store the files and the record together; on failure, remove the files already written."""
    edition = Edition(
        number=number,
        published_on=published_on,
        pdf_size=len(pdf),
        page_count=page_count,
        checksum=hashlib.sha256(pdf).hexdigest(),
        example_count=len(manifest),
        manifest=manifest,
        changes=changes,
        created_by=build.started_by,
    )
    written: list[FieldFile] = []
    try:
        with transaction.atomic():
            edition.pdf.save(f"editie-{number}.pdf", ContentFile(pdf), save=False)
            written.append(edition.pdf)
            edition.html.save(f"editie-{number}.html", ContentFile(html.encode()), save=False)
            written.append(edition.html)
            edition.save()
            EditionBuild.objects.filter(pk=build.pk).update(edition=edition)
    except BaseException:
        for file in written:
            if file.name:
                file.storage.delete(file.name)
        raise
    return edition


def _step(build: EditionBuild, index: int) -> None:
    build.steps_done = index
    build.step_label = str(STEPS[index])
    build.parts_done = build.parts_total = 0
    build.save(update_fields=["steps_done", "step_label", "parts_done", "parts_total"])


def _finish(build: EditionBuild, status: BuildStatus, *, error: str = "") -> None:
    build.status = status
    build.error = error
    build.active = None
    build.finished_at = timezone.now()
    if status == BuildStatus.DONE:
        build.steps_done = build.steps_total
        build.step_label = ""
    else:
        # A failed build is not linked to an edition, even if the in-memory object says so.
        build.edition = None
    build.save()


def _readable(exc: Exception, step: str) -> str:
    """A message an editor can act on or pass on; the traceback goes to the log."""
    detail = str(exc).strip() or exc.__class__.__name__
    message = _("Het bouwen van de editie is mislukt bij de stap ‘%(step)s’: %(detail)s") % {
        "step": step,
        "detail": detail,
    }
    return message[:MAX_ERROR_LENGTH]


def _give_up_abandoned() -> None:
    cutoff = timezone.now() - ABANDONED_AFTER
    EditionBuild.objects.filter(
        active=True, status__in=ACTIVE_STATUSES, created_at__lt=cutoff
    ).update(
        status=BuildStatus.FAILED,
        active=None,
        finished_at=timezone.now(),
        error=_("Afgebroken: de bouw was na een uur nog niet klaar."),
    )


def _prune_finished() -> None:
    keep = EditionBuild.objects.filter(active=None).order_by("-created_at", "-pk")
    old = keep.values_list("pk", flat=True)[KEEP_FINISHED_BUILDS:]
    EditionBuild.objects.filter(pk__in=list(old)).delete()
