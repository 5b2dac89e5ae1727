"""De-identifying a verslag version: proposing spans in the worker, reviewing them, releasing.

`run` is what the task does; it is the only place that loads deduce. Everything else works on
the stored spans and never touches the engine, so the review screen stays light. A span is a
`SpanDict` plus the reviewer's `decision` and whether the reviewer `added` it; offsets point into
the original text. The log gets ids, states and counts, never a span's words.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal, NotRequired

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from voorbeeldenbank.core.anonymise import Category, Mapping, SpanDict, anonymise
from voorbeeldenbank.examples.models import ExampleOrganisation, Place

from .constants import LogAction
from .models import (
    AnonymisationStatus,
    CandidateContact,
    FrozenVersionError,
    InterviewContact,
    ResearchProject,
    VerslagVersion,
    record,
)

logger = logging.getLogger(__name__)

ACCEPTED: Literal["accepted"] = "accepted"
REJECTED: Literal["rejected"] = "rejected"
ACTIVE = frozenset({AnonymisationStatus.QUEUED, AnonymisationStatus.RUNNING})
# "Landelijk" is a place term of the bank, and an ordinary word in a verslag.
NOT_A_PLACE = frozenset({"landelijk"})


class ReviewSpan(SpanDict):
    decision: Literal["accepted", "rejected"]
    added: NotRequired[bool]


def known_names(project: ResearchProject) -> list[str]:
    names = [line.strip() for line in project.known_names.splitlines()]
    names += InterviewContact.objects.filter(interview__project=project).values_list(
        "name", flat=True
    )
    names += CandidateContact.objects.filter(candidate__project=project).values_list(
        "name", flat=True
    )
    names += [member.user.get_full_name() for member in project.members.select_related("user")]
    return sorted({name.strip() for name in names if name and name.strip()})


def bank_places() -> list[str]:
    rows = Place.objects.values_list("key", "title")
    return sorted({title for key, title in rows if key not in NOT_A_PLACE})


def bank_organisations(project: ResearchProject) -> list[str]:
    names = set(ExampleOrganisation.objects.values_list("name", flat=True))
    names.update(project.candidates.values_list("organisation", flat=True))
    return sorted(name.strip() for name in names if name and name.strip())


def _log_status(version: VerslagVersion, actor: Any, before: str, after: str, **extra: Any) -> None:
    detail: dict[str, Any] = {"step": "anonimisering", "from": before, "to": after, **extra}
    record(version.verslag.project, actor, LogAction.STATE, version, **detail)


def project_mapping(project: ResearchProject) -> Mapping:
    """The project's pseudonym table, so a person keeps one tag across its verslagen."""
    return Mapping((project.pseudonyms or {}).get("entries", {}))


def _refuse_if_released(version: VerslagVersion) -> None:
    if version.is_released:
        raise FrozenVersionError(
            _("Deze versie is vrijgegeven: de anonimisering verandert niet meer.")
        )


@transaction.atomic
def queue(version: VerslagVersion, actor: Any) -> None:
    """Mark the version as waiting; the caller enqueues the task after commit."""
    locked = VerslagVersion.objects.select_for_update().get(pk=version.pk)
    _refuse_if_released(locked)
    if locked.anonymisation_status in ACTIVE:
        raise FrozenVersionError(_("De anonimisering van deze versie loopt al."))
    if not locked.original_text.strip():
        raise FrozenVersionError(_("Deze versie heeft geen tekst meer om te anonimiseren."))
    before = locked.anonymisation_status
    locked.anonymisation_status = AnonymisationStatus.QUEUED
    locked.anonymisation_changed_at = timezone.now()
    locked.proposed_spans = []
    locked.save(
        update_fields=["anonymisation_status", "anonymisation_changed_at", "proposed_spans"]
    )
    version.refresh_from_db()
    _log_status(locked, actor, before, AnonymisationStatus.QUEUED)


def run(version_id: int) -> str:
    """Propose spans for one version (the task's work); returns the status it ends in."""
    from voorbeeldenbank.core.anonymise import get_deduce

    started = VerslagVersion.objects.filter(
        pk=version_id, anonymisation_status=AnonymisationStatus.QUEUED, released_at__isnull=True
    ).update(
        anonymisation_status=AnonymisationStatus.RUNNING, anonymisation_changed_at=timezone.now()
    )
    if not started:
        return "skipped"
    version = VerslagVersion.objects.select_related("verslag__interview__project").get(
        pk=version_id
    )
    _log_status(version, None, AnonymisationStatus.QUEUED, AnonymisationStatus.RUNNING)
    try:
        # Load deduce before taking the project's row lock: the first load takes seconds.
        get_deduce()
        count = _propose(version)
    except Exception as error:
        # The type only: a message or traceback could carry words of the verslag.
        logger.error("Anonymising version %s failed (%s)", version_id, type(error).__name__)
        VerslagVersion.objects.filter(pk=version_id).update(
            anonymisation_status=AnonymisationStatus.FAILED
        )
        _log_status(version, None, AnonymisationStatus.RUNNING, AnonymisationStatus.FAILED)
        return AnonymisationStatus.FAILED
    _log_status(version, None, AnonymisationStatus.RUNNING, AnonymisationStatus.READY, spans=count)
    return AnonymisationStatus.READY


def give_up_stalled(now: datetime | None = None) -> int:
    """Mark anonymisations that have been queued or running too long as failed: their worker
    was stopped half-way, or no worker runs the "models" queue. "Opnieuw anonimiseren" starts
    them again. Returns how many were given up."""
    cutoff = (now or timezone.now()) - timedelta(
        seconds=settings.RESEARCH_ANONYMISATION_STALLED_AFTER
    )
    stalled = VerslagVersion.objects.filter(
        Q(anonymisation_changed_at__lt=cutoff) | Q(anonymisation_changed_at__isnull=True),
        anonymisation_status__in=ACTIVE,
    ).select_related("verslag__interview__project")
    given_up = 0
    for version in stalled:
        before = version.anonymisation_status
        changed = VerslagVersion.objects.filter(pk=version.pk, anonymisation_status=before).update(
            anonymisation_status=AnonymisationStatus.FAILED
        )
        if changed:
            _log_status(version, None, before, AnonymisationStatus.FAILED, reason="stalled")
            given_up += 1
    if given_up:
        logger.warning("Gave up %s anonymisation(s) without progress", given_up)
    return given_up


@transaction.atomic
def _propose(version: VerslagVersion) -> int:
    # The project's row is locked for the whole run, so two verslagen of one project never
    # hand out the same tag number to different people.
    project = ResearchProject.objects.select_for_update().get(pk=version.verslag.project.pk)
    mapping = project_mapping(project)
    result = anonymise(
        version.original_text,
        known_names=known_names(project),
        places=bank_places(),
        organisations=bank_organisations(project),
        mapping=mapping,
    )
    project.pseudonyms = mapping.to_dict()
    project.save(update_fields=["pseudonyms"])
    spans: list[ReviewSpan] = [
        {**span.to_dict(), "decision": ACCEPTED}  # type: ignore[typeddict-item]
        for span in result.spans
    ]
    VerslagVersion.objects.filter(pk=version.pk).update(
        proposed_spans=spans, anonymisation_status=AnonymisationStatus.READY
    )
    return len(spans)


def chosen(spans: list[ReviewSpan]) -> list[ReviewSpan]:
    """The accepted spans in text order; of two that overlap, the earlier (then longer) wins."""
    ordered = sorted(
        (span for span in spans if span["decision"] == ACCEPTED),
        key=lambda span: (span["start"], -span["end"]),
    )
    kept: list[ReviewSpan] = []
    for span in ordered:
        if not kept or span["start"] >= kept[-1]["end"]:
            kept.append(span)
    return kept


def result_text(text: str, spans: list[ReviewSpan]) -> str:
    # From the end backwards, so the offsets of the spans still to replace stay valid.
    for span in reversed(chosen(spans)):
        text = text[: span["start"]] + span["tag"] + text[span["end"] :]
    return text


@dataclass(frozen=True)
class Piece:
    """A part of the original for the side-by-side view; `span` is set for a proposal."""

    text: str
    index: int | None = None
    span: ReviewSpan | None = None


def pieces(text: str, spans: list[ReviewSpan]) -> list[Piece]:
    """The original cut at the spans (accepted or not), for marking them on screen."""
    ordered = sorted(enumerate(spans), key=lambda item: (item[1]["start"], -item[1]["end"]))
    parts: list[Piece] = []
    position = 0
    for index, span in ordered:
        if span["start"] < position:
            continue
        parts.append(Piece(text[position : span["start"]]))
        parts.append(Piece(text[span["start"] : span["end"]], index, span))
        position = span["end"]
    parts.append(Piece(text[position:]))
    return [part for part in parts if part.text]


def _editable(version: VerslagVersion) -> VerslagVersion:
    locked = VerslagVersion.objects.select_for_update().get(pk=version.pk)
    _refuse_if_released(locked)
    if locked.anonymisation_status != AnonymisationStatus.READY:
        raise FrozenVersionError(_("Er is nog geen voorstel om te controleren."))
    return locked


@transaction.atomic
def decide(version: VerslagVersion, actor: Any, index: int, decision: str) -> None:
    locked = _editable(version)
    spans: list[ReviewSpan] = list(locked.proposed_spans)
    if decision not in (ACCEPTED, REJECTED) or not 0 <= index < len(spans):
        raise FrozenVersionError(_("Dit voorstel bestaat niet."))
    span = spans[index].copy()
    span["decision"] = ACCEPTED if decision == ACCEPTED else REJECTED
    spans[index] = span
    VerslagVersion.objects.filter(pk=locked.pk).update(proposed_spans=spans)
    record(
        locked.verslag.project,
        actor,
        LogAction.CHANGED,
        locked,
        step="anonimisering",
        span=index,
        decision=decision,
    )


def _occurrences(text: str, words: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?<!\w){re.escape(words.strip())}(?!\w)", re.IGNORECASE)
    return [(match.start(), match.end()) for match in pattern.finditer(text)]


@transaction.atomic
def add(
    version: VerslagVersion,
    actor: Any,
    category: str,
    *,
    words: str = "",
    start: int | None = None,
    end: int | None = None,
) -> int:
    """Add spans the engine missed: every occurrence of `words`, or one start–end range.

    Returns how many were added; occurrences inside an accepted span are left out. The tag
    comes from the project's table, so the person keeps the tag they have elsewhere.
    """
    locked = _editable(version)
    text = locked.original_text
    if words.strip():
        ranges = _occurrences(text, words)
    elif start is not None and end is not None and 0 <= start < end <= len(text):
        ranges = [(start, end)]
    else:
        raise FrozenVersionError(_("Geef de woorden, of een begin en einde binnen de tekst."))
    spans: list[ReviewSpan] = list(locked.proposed_spans)
    taken = chosen(spans)
    ranges = [
        (s, e) for s, e in ranges if all(e <= span["start"] or s >= span["end"] for span in taken)
    ]
    if not ranges:
        return 0
    project = ResearchProject.objects.select_for_update().get(pk=locked.verslag.project.pk)
    mapping = project_mapping(project)
    for s, e in ranges:
        original = text[s:e]
        spans.append(
            {
                "start": s,
                "end": e,
                "category": Category(category).value,
                "original": original,
                "tag": mapping.tag(Category(category), original),
                "decision": ACCEPTED,
                "added": True,
            }
        )
    project.pseudonyms = mapping.to_dict()
    project.save(update_fields=["pseudonyms"])
    VerslagVersion.objects.filter(pk=locked.pk).update(proposed_spans=spans)
    record(
        project,
        actor,
        LogAction.CHANGED,
        locked,
        step="anonimisering",
        added=len(ranges),
        category=Category(category).value,
    )
    return len(ranges)


@transaction.atomic
def release(version: VerslagVersion, actor: Any) -> None:
    """Write the de-identified text from the accepted spans; from now on it never changes."""
    locked = _editable(version)
    spans: list[ReviewSpan] = list(locked.proposed_spans)
    locked.anonymised_text = result_text(locked.original_text, spans)
    locked.released_at = timezone.now()
    locked.released_by = actor if getattr(actor, "is_authenticated", False) else None
    locked.save(update_fields=["anonymised_text", "released_at", "released_by"])
    version.refresh_from_db()
    record(
        locked.verslag.project,
        actor,
        LogAction.STATE,
        locked,
        step="anonimisering",
        to="vrijgegeven",
        spans=len(chosen(spans)),
        rejected=sum(span["decision"] == REJECTED for span in spans),
        added=sum(bool(span.get("added")) for span in spans),
    )
