"""Quotes from coded verslagen on the example page, only while the interviewee consents.

A placed quote is a new revision of the page. It goes live at once only when the page is live,
had no unpublished changes (publishing would otherwise publish an editor's unfinished draft as
well) and the user may publish it; otherwise it waits in the draft. A withdrawal of consent
takes the quotes off the live page (published at once) and out of the latest draft.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from voorbeeldenbank.examples.constants import FormatSection, InterviewRole, SpeakerRole
from voorbeeldenbank.examples.models import ExamplePage, Quote

from .constants import ConsentKind, LogAction
from .models import Interview, Segment, record

SPEAKER_ROLES: dict[str, str] = {
    InterviewRole.OUDER_JEUGDIGE: SpeakerRole.OUDER,
    InterviewRole.VRIJWILLIGER: SpeakerRole.VRIJWILLIGER,
    InterviewRole.PROFESSIONAL: SpeakerRole.PROFESSIONAL,
    InterviewRole.COORDINATOR: SpeakerRole.COORDINATOR,
    InterviewRole.BELEID: SpeakerRole.BELEIDSADVISEUR,
}


@dataclass
class Placement:
    page: ExamplePage
    quote: Quote
    published: bool


def interview_of(segment: Segment) -> Interview:
    return segment.version.verslag.interview


def quotes_allowed(interview: Interview) -> bool:
    consent = interview.current_consents().get(ConsentKind.QUOTES)
    return consent is not None and consent.is_given


def example_of(segment: Segment) -> ExamplePage | None:
    example = interview_of(segment).candidate.example
    return example.specific if example is not None else None


def check_placeable(segment: Segment) -> ExamplePage:
    if segment.removed_at is not None or not segment.is_quote:
        raise ValidationError(_("Alleen een fragment dat als citaat is gemarkeerd kan erop."))
    page = example_of(segment)
    if page is None:
        raise ValidationError(
            _("De kandidaat van dit interview is nog niet aan een voorbeeld gekoppeld.")
        )
    if not quotes_allowed(interview_of(segment)):
        raise ValidationError(
            _("De geïnterviewde heeft geen toestemming gegeven voor citaten: plaatsen kan niet.")
        )
    return page


@transaction.atomic
def place_quote(segment: Segment, actor: Any, section: str = "", element: Any = None) -> Placement:
    page = check_placeable(segment)
    if element is not None:
        section = FormatSection.ELEMENTEN
    if section not in FormatSection.values:
        raise ValidationError(_("Kies een onderdeel of een element."))
    if section == FormatSection.ELEMENTEN and element is None:
        raise ValidationError(_("Kies bij 'aanwezige elementen' ook het element."))
    publish_now = (
        page.live
        and not page.has_unpublished_changes
        and page.permissions_for_user(actor).can_publish()
    )
    draft = page.get_latest_revision_as_object()
    quotes = list(draft.quotes.all())
    if any(quote.research_segment_id == segment.pk for quote in quotes):
        raise ValidationError(_("Dit citaat staat al op de voorbeeldpagina."))
    quote = Quote(
        text=segment.snippet,
        speaker_role=SPEAKER_ROLES.get(interview_of(segment).role, SpeakerRole.ANDERS),
        section=section,
        element=element,
        research_segment_id=segment.pk,
    )
    draft.quotes = [*quotes, quote]
    revision = draft.save_revision(user=actor)
    if publish_now:
        revision.publish(user=actor)
    record(
        interview_of(segment).project,
        actor,
        LogAction.CREATED,
        object_type="citaat",
        object_id=segment.pk,
        example=page.pk,
        revision=revision.pk,
        published=publish_now,
    )
    return Placement(page=page, quote=quote, published=publish_now)


def _without(obj: ExamplePage, segment_ids: set[int]) -> int:
    quotes = list(obj.quotes.all())
    kept = [quote for quote in quotes if quote.research_segment_id not in segment_ids]
    obj.quotes = kept
    return len(quotes) - len(kept)


def _withdraw_from(page: ExamplePage, segment_ids: set[int], actor: Any) -> int:
    """Takes the quotes off the live page and out of the latest draft; returns how many."""
    page = ExamplePage.objects.get(pk=page.pk)
    draft = page.get_latest_revision_as_object() if page.has_unpublished_changes else None
    removed = 0
    if page.live:
        # The database row of a live page holds what is published.
        removed = _without(page, segment_ids)
        if removed:
            # Whoever records the withdrawal, it must reach the public page.
            revision = page.save_revision(user=actor, clean=False)
            revision.publish(user=actor, skip_permission_checks=True)
    else:
        # An unpublished page may still hold rows from when it was live.
        removed = Quote.objects.filter(page=page, research_segment_id__in=segment_ids).delete()[0]
        if draft is None:
            draft = ExamplePage.objects.get(pk=page.pk)
    if draft is not None:
        draft_removed = _without(draft, segment_ids)
        # Publishing made the live copy the latest revision: the draft goes back on top.
        if draft_removed or removed:
            draft.save_revision(user=actor, clean=False)
        removed = max(removed, draft_removed)
    return removed


@transaction.atomic
def withdraw_quotes(interview: Interview, actor: Any) -> int:
    """Every quote from this interview's segments leaves every page it is on."""
    segment_ids = set(
        Segment.objects.filter(version__verslag__interview=interview).values_list("pk", flat=True)
    )
    if not segment_ids:
        return 0
    page_ids = set(
        Quote.objects.filter(research_segment_id__in=segment_ids).values_list("page_id", flat=True)
    )
    if interview.candidate.example_id:
        page_ids.add(interview.candidate.example_id)
    removed = 0
    for page in ExamplePage.objects.filter(pk__in=page_ids):
        count = _withdraw_from(page, segment_ids, actor)
        if count:
            record(
                interview.project,
                actor,
                LogAction.DELETED,
                object_type="citaat",
                object_id=interview.pk,
                interview=interview.pk,
                example=page.pk,
                quotes=count,
            )
        removed += count
    return removed
