"""Turn an accepted submission into a draft ExamplePage (a revision, never published here).

The draft becomes content in the report's format (examples.format) and is written onto the
page by the format's one writer, as the demo content is.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import WorkflowPage

from voorbeeldenbank.core.constants import ELEMENT_KEYS
from voorbeeldenbank.examples.constants import Formality, Kind, Scale
from voorbeeldenbank.examples.format import Contact, ElementText, ExampleContent, Improvement, Link
from voorbeeldenbank.examples.format.writing import apply_content
from voorbeeldenbank.examples.models import ExampleIndexPage, ExamplePage, Place

from .draft import SubmissionContent, draft_of
from .models import Submission, contact_workflow


class ConversionError(Exception):
    pass


def unique_slug(parent: ExampleIndexPage, title: str) -> str:
    base = (slugify(title) or "voorbeeld")[:240]
    siblings = set(parent.get_children().values_list("slug", flat=True))
    slug, n = base, 2
    while slug in siblings:
        slug, n = f"{base}-{n}", n + 1
    return slug


def place_keys(names: list[str]) -> list[str]:
    """The vocabulary's keys for free-text place names; unknown names become new places."""
    keys = []
    for name in names:
        name = str(name).strip()[:120]
        if not name:
            continue
        term = Place.objects.filter(title__iexact=name).first()
        if term is None:
            key = (slugify(name) or "plaats")[:60]
            term, _created = Place.objects.get_or_create(key=key, defaults={"title": name})
        if term.key not in keys:
            keys.append(term.key)
    return keys


def to_content(draft: SubmissionContent, submission: Submission) -> ExampleContent:
    """The submission in the report's format (see draft.DRAFT_FIELDS for what maps where)."""
    name = draft.title.strip()[:255] or _("Inzending %(id)s") % {"id": submission.pk}
    formality = draft.formality or Formality.MIX
    scale = draft.scale or Scale.MIX
    if Formality.NONE in (formality, scale):
        formality = scale = Formality.NONE
    contact = draft.contact
    has_contact = any(
        (contact.name, contact.organisation, contact.email, contact.phone, contact.url)
    )
    return ExampleContent(
        name=name,
        short_name=(draft.short_name.strip() or name)[:80],
        organisations=[item[:255] for item in draft.organisations if item],
        places=place_keys(draft.places),
        kind=draft.kind or Kind.INITIATIEF,
        since_year=draft.since_year,
        target_group=draft.target_group.strip(),
        age_min=draft.age_min,
        age_max=draft.age_max,
        formality=formality,
        scale=scale,
        summary=draft.summary.strip(),
        deepening=draft.deepening.strip(),
        for_whom=draft.for_whom.strip(),
        by_whom=draft.by_whom.strip(),
        what_is_needed=draft.what_is_needed.strip(),
        elements=[
            ElementText(key=key, explanation=draft.elements[key].explanation)
            for key in ELEMENT_KEYS
            if key in draft.elements and draft.elements[key].present
        ],
        what_works=[text for text in draft.what_works if text],
        improvements=[Improvement(text=text) for text in draft.improvements if text],
        links=[Link(title=(link.title or link.url)[:255], url=link.url) for link in draft.links],
        # Not public until the redactie decides so: personal addresses stay private by default.
        contacts=[
            Contact(
                name=contact.name[:255],
                organisation=contact.organisation[:255],
                role=contact.role[:255],
                email=contact.email,
                phone=contact.phone[:40],
                url=contact.url,
                is_public=False,
            )
        ]
        if has_contact
        else [],
        basis=_("Ingestuurd via het formulier 'Voorbeeld insturen' (inzending %(id)s).")
        % {"id": submission.pk},
    )


@transaction.atomic
def create_draft_page(submission: Submission, user: Any) -> ExamplePage:
    parent = ExampleIndexPage.objects.first()
    if parent is None:
        raise ConversionError(_("Er is geen catalogus om de voorbeeldpagina onder te maken."))
    content = to_content(draft_of(submission.content), submission)
    page = ExamplePage(slug=unique_slug(parent, content.name), live=False)
    apply_content(page, content)
    try:
        parent.add_child(instance=page)
    except ValidationError as error:
        raise ConversionError(
            _("De inzending is nog niet compleet genoeg voor een pagina: %(errors)s")
            % {"errors": "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())}
        ) from error
    page.save_revision(user=user, log_action=True)
    # Its publication waits for the contact person: the page gets their workflow.
    WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": contact_workflow()})
    return page
