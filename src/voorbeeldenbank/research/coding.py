"""A project's codebook and the coding of released, approved verslagen.

Segments are added, changed and removed only through these functions, so that every change
writes a row of the append-only coding log. The log holds the code's key and the offsets, never
the snippet: the snippet is interview text.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from voorbeeldenbank.core.constants import ELEMENT_KEYS
from voorbeeldenbank.core.models import Element
from voorbeeldenbank.examples.constants import FormatSection
from voorbeeldenbank.examples.models import ImprovementTheme

from .models import (
    Code,
    CodeKind,
    CodingAction,
    CodingLog,
    ResearchProject,
    Segment,
    VerslagVersion,
)

WAT_WERKT = f"{CodeKind.SECTION}:{FormatSection.WAT_WERKT}"
WAT_BETER = f"{CodeKind.SECTION}:{FormatSection.WAT_BETER}"


def _bank_code(project: ResearchProject, key: str, **defaults: Any) -> Code:
    code, created = Code.objects.get_or_create(project=project, key=key, defaults=defaults)
    if not created and code.parent_id != getattr(defaults.get("parent"), "pk", None):
        code.parent = defaults.get("parent")
        code.save(update_fields=["parent"])
    return code


@transaction.atomic
def ensure_codebook(project: ResearchProject) -> list[Code]:
    """The bank's codes for this project: the 8 elements, the two sections, the themes.

    Calling it again adds what is missing (a new improvement theme) and changes nothing else.
    """
    elements = {element.key: element for element in Element.objects.all()}
    for order, key in enumerate(ELEMENT_KEYS, start=1):
        element = elements.get(key)
        _bank_code(
            project,
            f"{CodeKind.ELEMENT}:{key}",
            kind=CodeKind.ELEMENT,
            name=element.title if element else key,
            description=element.summary if element else "",
            sort_order=order,
        )
    _bank_code(
        project,
        WAT_WERKT,
        kind=CodeKind.SECTION,
        name=str(FormatSection.WAT_WERKT.label),
        sort_order=100,
    )
    wat_beter = _bank_code(
        project,
        WAT_BETER,
        kind=CodeKind.SECTION,
        name=str(FormatSection.WAT_BETER.label),
        sort_order=101,
    )
    for theme in ImprovementTheme.objects.all():
        _bank_code(
            project,
            f"{CodeKind.THEME}:{theme.key}",
            kind=CodeKind.THEME,
            name=theme.title,
            parent=wat_beter,
            sort_order=200 + theme.sort_order,
        )
    return list(project.codes.all())


def add_free_code(project: ResearchProject, actor: Any, name: str, description: str = "") -> Code:
    slug = slugify(name)[:70]
    if not slug:
        raise ValidationError(_("Geef de code een naam met letters of cijfers."))
    key = f"{CodeKind.FREE}:{slug}"
    if project.codes.filter(key=key).exists():
        raise ValidationError(_("Deze code bestaat al in het codeboek."))
    return Code.objects.create(
        project=project,
        kind=CodeKind.FREE,
        key=key,
        name=name.strip(),
        description=description.strip(),
        sort_order=1000,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )


def version_project(version: VerslagVersion) -> ResearchProject:
    return version.verslag.interview.project


def require_codable(version: VerslagVersion) -> None:
    if not VerslagVersion.objects.codable().filter(pk=version.pk).exists():
        raise ValidationError(
            _("Deze versie is niet vrijgegeven en goedgekeurd: je kunt haar niet coderen.")
        )


def check_offsets(text: str, start: int, end: int, snippet: str) -> None:
    """The offsets must lie inside the text and point at exactly the snippet."""
    if not 0 <= start < end <= len(text):
        raise ValidationError(_("Begin en eind van het fragment liggen niet binnen de tekst."))
    if text[start:end] != snippet:
        raise ValidationError(_("Het fragment komt niet overeen met de tekst op die plaats."))


def locate(text: str, passage: str, occurrence: int = 1) -> tuple[int, int]:
    """Offsets of the n-th occurrence of a typed passage (the fallback without a selection)."""
    if not passage:
        raise ValidationError(_("Selecteer een fragment of typ het precies over."))
    found: list[int] = []
    at = text.find(passage)
    while at != -1:
        found.append(at)
        at = text.find(passage, at + 1)
    if not found:
        raise ValidationError(_("Dit fragment staat niet letterlijk in de tekst."))
    if occurrence < 1 or occurrence > len(found):
        raise ValidationError(
            _("Het fragment staat %(count)s keer in de tekst: kies welke keer.")
            % {"count": len(found)}
        )
    start = found[occurrence - 1]
    return start, start + len(passage)


def _log(segment: Segment, actor: Any, action: str, **detail: Any) -> CodingLog:
    return CodingLog.objects.create(
        project=segment.code.project,
        segment=segment,
        version=segment.version,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        code_key=segment.code.key,
        start=segment.start,
        end=segment.end,
        detail=detail,
        at=timezone.now(),
    )


@transaction.atomic
def add_segment(
    version: VerslagVersion,
    coder: Any,
    code: Code,
    start: int,
    end: int,
    snippet: str,
    is_quote: bool = False,
    memo: str = "",
) -> Segment:
    require_codable(version)
    if code.project_id != version_project(version).pk:
        raise ValidationError(_("Deze code hoort niet bij het project van dit verslag."))
    check_offsets(version.anonymised_text, start, end, snippet)
    segment = Segment.objects.create(
        version=version,
        code=code,
        coder=coder,
        start=start,
        end=end,
        snippet=snippet,
        is_quote=is_quote,
        memo=memo,
    )
    _log(segment, coder, CodingAction.ADDED, is_quote=is_quote)
    return segment


def may_change(segment: Segment, user: Any) -> bool:
    """A coder changes their own segments; the project's lead may tidy anyone's."""
    return segment.coder_id == user.pk or version_project(segment.version).is_lead(user)


@transaction.atomic
def change_segment(
    segment: Segment,
    actor: Any,
    code: Code | None = None,
    is_quote: bool | None = None,
    memo: str | None = None,
) -> Segment:
    require_codable(segment.version)
    if segment.removed_at is not None:
        raise ValidationError(_("Dit fragment is verwijderd."))
    changed: list[str] = []
    if code is not None and code.pk != segment.code_id:
        if code.project_id != segment.code.project_id:
            raise ValidationError(_("Deze code hoort niet bij het project van dit verslag."))
        segment.code = code
        changed.append("code")
    if is_quote is not None and is_quote != segment.is_quote:
        segment.is_quote = is_quote
        changed.append("is_quote")
    if memo is not None and memo != segment.memo:
        segment.memo = memo
        changed.append("memo")
    if changed:
        segment.save(update_fields=changed)
        _log(segment, actor, CodingAction.CHANGED, fields=changed, is_quote=segment.is_quote)
    return segment


@transaction.atomic
def remove_segment(segment: Segment, actor: Any) -> Segment:
    if segment.removed_at is None:
        segment.removed_at = timezone.now()
        segment.save(update_fields=["removed_at"])
        _log(segment, actor, CodingAction.REMOVED)
    return segment


def active_segments(version: VerslagVersion) -> Any:
    return version.segments.filter(removed_at__isnull=True).select_related("code", "coder")
