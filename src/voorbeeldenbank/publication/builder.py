"""Building an edition: one code path for the admin (via a background task) and the command.

`start_build` claims the single "active" slot; `run_build` does the work step by step, saving
progress on the EditionBuild so the editor can follow it, and stores the Edition and its files
in one go at the end. Whatever goes wrong, the build ends as failed with a readable message and
nothing half-made is left behind.

Every progress report is also a sign of life and the moment the build learns that it was
cancelled: it writes only while the build is still running. A build that stops reporting (a
worker killed or restarted) is marked failed by `give_up_stalled` after STALLED_AFTER, so it
never blocks the next one for long.
"""

import hashlib
import logging
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import files
from .constants import ACTIVE_STATUSES, BuildStatus
from .manifest import ChangeList, diff, live_examples, manifest_for
from .models import Edition, EditionBuild

logger = logging.getLogger(__name__)

STEPS = (
    gettext_lazy("Inhoud verzamelen"),
    gettext_lazy("HTML maken"),
    gettext_lazy("PDF maken"),
    gettext_lazy("Opslaan"),
)
MAX_ERROR_LENGTH = 500
# Finished builds kept for the admin's history; editions themselves are never removed.
KEEP_FINISHED_BUILDS = 50


# Sent with `build` after each saved progress report (the command prints them).
progress = Signal()


class BuildStopped(Exception):
    """The build was cancelled, or given up as stalled, while it ran: stop and clean up."""


def stalled_after() -> timedelta:
    """How long a running build may go without reporting progress before it counts as dead.
    One part of the PDF (50 examples) takes well under a minute."""
    return timedelta(seconds=settings.EDITION_BUILD_STALLED_AFTER)


def unclaimed_after() -> timedelta:
    """How long a queued build may wait for a worker."""
    return timedelta(seconds=settings.EDITION_BUILD_UNCLAIMED_AFTER)


class BuildAlreadyRunning(Exception):
    """Only one edition can be built at a time."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Er wordt al een editie gebouwd. Wacht tot die klaar is en start daarna "
                "eventueel opnieuw."
            )
        )


@dataclass(frozen=True)
class Preview:
    """What the next edition would contain, without building it: the admin's dry run."""

    number: int
    examples: list[dict[str, str]]
    changes: ChangeList
    previous: Edition | None


def preview() -> Preview:
    """The next edition's number, its examples and what changed since the last edition; the
    same manifest and change list that a build stores, so the preview is what will be built."""
    previous = Edition.objects.order_by("-number").first()
    manifest = manifest_for(live_examples())
    return Preview(
        number=previous.number + 1 if previous else 1,
        examples=[{"slug": slug, "title": entry["title"]} for slug, entry in manifest.items()],
        changes=diff(previous.manifest if previous else None, manifest),
        previous=previous,
    )


def start_build(user: Any, *, dry_run: bool = False, release_note: str = "") -> EditionBuild:
    """Queue a new build, or raise BuildAlreadyRunning when one is queued or running."""
    give_up_stalled()
    _prune_finished()
    if EditionBuild.objects.filter(active=True).exists():
        raise BuildAlreadyRunning
    try:
        # The unique `active` column settles a race between two editors clicking at once.
        with transaction.atomic():
            return EditionBuild.objects.create(
                active=True,
                dry_run=dry_run,
                release_note=release_note.strip(),
                steps_total=len(STEPS),
                started_by=user if user is not None and user.is_authenticated else None,
            )
    except IntegrityError:
        raise BuildAlreadyRunning from None


def run_build(build_id: int, *, output: Path | None = None) -> EditionBuild:
    """Build the edition for a queued build; also write the PDF to `output` if given."""
    # Claim the build, so a task that is delivered twice does not build twice.
    claimed = EditionBuild.objects.filter(pk=build_id, status=BuildStatus.QUEUED).update(
        status=BuildStatus.RUNNING, heartbeat_at=timezone.now()
    )
    build = EditionBuild.objects.get(pk=build_id)
    if not claimed:
        logger.warning("Edition build %s is %s, not queued: not run again", build_id, build.status)
        return build
    try:
        _build(build, output)
    except BuildStopped:
        logger.info("Edition build %s stopped: %s", build_id, build.status)
    except Exception as exc:
        logger.exception("Edition build %s failed in step %r", build_id, build.step_label)
        _finish(build, BuildStatus.FAILED, error=_readable(exc, build.step_label))
    else:
        _finish(build, BuildStatus.DONE)
    build.refresh_from_db()
    return build


def abandon(build: EditionBuild, error: str) -> None:
    """End a build that will never run, e.g. because its task could not be queued."""
    _finish(build, BuildStatus.FAILED, error=error)


def cancel(build: EditionBuild, user: Any) -> bool:
    """The editor's "afbreken": the build ends now; a worker that is still busy with it stops
    at its next progress report. False when the build had already ended."""
    who = (user.get_full_name() or user.get_username()) if user is not None else ""
    stopped = EditionBuild.objects.filter(pk=build.pk, status__in=ACTIVE_STATUSES).update(
        status=BuildStatus.CANCELLED,
        active=None,
        finished_at=timezone.now(),
        error=_("Afgebroken door %(user)s.") % {"user": who or _("de redactie")},
    )
    return bool(stopped)


def give_up_stalled() -> int:
    """Mark builds failed whose worker stopped reporting, or that no worker picked up."""
    now = timezone.now()
    stalled = 0
    for build in EditionBuild.objects.filter(status=BuildStatus.RUNNING):
        last_sign = build.heartbeat_at or build.created_at
        if last_sign < now - stalled_after():
            error = _(
                "De bouw gaf sinds %(time)s geen teken van leven meer: de achtergrondwerker is "
                "waarschijnlijk gestopt of herstart. Er is niets opgeslagen; start de bouw "
                "opnieuw."
            ) % {"time": date_format(timezone.localtime(last_sign), "j F Y H:i")}
            stalled += _end_if(build, BuildStatus.RUNNING, BuildStatus.FAILED, error)
    for build in EditionBuild.objects.filter(
        status=BuildStatus.QUEUED, created_at__lt=now - unclaimed_after()
    ):
        error = _(
            "Geen achtergrondwerker heeft de bouw binnen %(minutes)s minuten opgepakt. Draait "
            "'manage.py db_worker'? Start de bouw opnieuw zodra de werker draait."
        ) % {"minutes": round(unclaimed_after().total_seconds() / 60)}
        stalled += _end_if(build, BuildStatus.QUEUED, BuildStatus.FAILED, error)
    return stalled


def _end_if(build: EditionBuild, current: str, status: str, error: str) -> int:
    return EditionBuild.objects.filter(pk=build.pk, status=current).update(
        status=status, active=None, finished_at=timezone.now(), error=error[:MAX_ERROR_LENGTH]
    )


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
        number=None if build.dry_run else number,
        published_on=published_on,
        examples=examples,
        release_note=build.release_note,
    )

    _step(build, 1)
    html = render.render_edition_html(context, for_pdf=False)

    _step(build, 2)

    def part_done(done: int, total: int) -> None:
        build.parts_done, build.parts_total = done, total
        _report(build, "parts_done", "parts_total")

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
    """Store the files and the record together (files.py says how nothing is left behind)."""
    storage = default_storage
    final_pdf, final_html = files.final_name(number, "pdf"), files.final_name(number, "html")
    written: list[str] = []
    try:
        written.append(files.write_temporary(build.pk, final_pdf, pdf, storage))
        written.append(files.write_temporary(build.pk, final_html, html.encode(), storage))
        with transaction.atomic():
            # Cancelled meanwhile? Then no edition, even though everything is ready.
            if (
                not EditionBuild.objects.select_for_update()
                .filter(pk=build.pk, status=BuildStatus.RUNNING)
                .exists()
            ):
                raise BuildStopped
            edition = Edition(
                number=number,
                published_on=published_on,
                pdf=final_pdf,
                html=final_html,
                pdf_size=len(pdf),
                page_count=page_count,
                checksum=hashlib.sha256(pdf).hexdigest(),
                example_count=len(manifest),
                manifest=manifest,
                changes=changes,
                release_note=build.release_note,
                created_by=build.started_by,
            )
            edition.save()
            EditionBuild.objects.filter(pk=build.pk).update(edition=edition)
    except BaseException:
        files.discard(written, storage)
        raise
    files.promote(written[0], final_pdf, storage)
    files.promote(written[1], final_html, storage)
    return edition


def _step(build: EditionBuild, index: int) -> None:
    build.steps_done = index
    build.step_label = str(STEPS[index])
    build.parts_done = build.parts_total = 0
    _report(build, "steps_done", "step_label", "parts_done", "parts_total")


def _report(build: EditionBuild, *fields: str) -> None:
    """Save progress as a sign of life, only while the build still runs."""
    build.heartbeat_at = timezone.now()
    changes = {name: getattr(build, name) for name in (*fields, "heartbeat_at")}
    if not EditionBuild.objects.filter(pk=build.pk, status=BuildStatus.RUNNING).update(**changes):
        raise BuildStopped
    progress.send(sender=EditionBuild, build=build)


def _finish(build: EditionBuild, status: BuildStatus, *, error: str = "") -> None:
    """End the build, unless it already ended another way (cancelled, given up as stalled)."""
    changes: dict[str, Any] = {
        "status": status,
        "error": error[:MAX_ERROR_LENGTH],
        "active": None,
        "finished_at": timezone.now(),
    }
    if status == BuildStatus.DONE:
        changes.update(steps_done=build.steps_total, step_label="")
    else:
        # A failed build is not linked to an edition, even if the in-memory object says so.
        changes["edition"] = None
    EditionBuild.objects.filter(pk=build.pk, status__in=ACTIVE_STATUSES).update(**changes)
    build.refresh_from_db()


def _readable(exc: Exception, step: str) -> str:
    """A message an editor can act on or pass on; the traceback goes to the log."""
    detail = str(exc).strip() or exc.__class__.__name__
    message = _("Het bouwen van de editie is mislukt bij de stap ‘%(step)s’: %(detail)s") % {
        "step": step,
        "detail": detail,
    }
    return message[:MAX_ERROR_LENGTH]


def _prune_finished() -> None:
    keep = EditionBuild.objects.filter(active=None).order_by("-created_at", "-pk")
    old = keep.values_list("pk", flat=True)[KEEP_FINISHED_BUILDS:]
    EditionBuild.objects.filter(pk__in=list(old)).delete()
