"""Turn an accepted submission into a draft ExamplePage (a revision, never published here)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from voorbeeldenbank.core.constants import ELEMENT_KEYS
from voorbeeldenbank.core.models import Element
from voorbeeldenbank.examples.constants import Formality, Kind, Scale
from voorbeeldenbank.examples.models import (
    ExampleContact,
    ExampleElement,
    ExampleIndexPage,
    ExampleLink,
    ExampleOrganisation,
    ExamplePage,
    ImprovementPoint,
    Place,
    WhatWorksPoint,
)

from .models import Submission


class ConversionError(Exception):
    pass


def _text(content: dict[str, Any], key: str) -> str:
    return str(content.get(key) or "").strip()


def _choice(value: Any, choices: type, default: str) -> str:
    return value if value in choices.values else default  # type: ignore[attr-defined]


def unique_slug(parent: ExampleIndexPage, title: str) -> str:
    base = (slugify(title) or "voorbeeld")[:240]
    siblings = set(parent.get_children().values_list("slug", flat=True))
    slug, n = base, 2
    while slug in siblings:
        slug, n = f"{base}-{n}", n + 1
    return slug


def place_terms(names: list[str]) -> list[Place]:
    terms = []
    for name in names:
        name = str(name).strip()[:120]
        if not name:
            continue
        term = Place.objects.filter(title__iexact=name).first()
        if term is None:
            key = (slugify(name) or "plaats")[:60]
            term, _created = Place.objects.get_or_create(key=key, defaults={"title": name})
        terms.append(term)
    return terms


@transaction.atomic
def create_draft_page(submission: Submission, user: Any) -> ExamplePage:
    parent = ExampleIndexPage.objects.first()
    if parent is None:
        raise ConversionError(_("Er is geen catalogus om de voorbeeldpagina onder te maken."))
    c = submission.content
    title = _text(c, "title")[:255] or _("Inzending %(id)s") % {"id": submission.pk}
    formality = _choice(c.get("formality"), Formality, Formality.MIX)
    scale = _choice(c.get("scale"), Scale, Scale.MIX)
    if Formality.NONE in (formality, scale):
        formality = scale = Formality.NONE
    page = ExamplePage(
        title=title,
        slug=unique_slug(parent, title),
        short_name=(_text(c, "short_name") or title)[:80],
        kind=_choice(c.get("kind"), Kind, Kind.INITIATIEF),
        since_year=c.get("since_year") or None,
        target_group=_text(c, "target_group"),
        age_min=c.get("age_min"),
        age_max=c.get("age_max"),
        formality=formality,
        scale=scale,
        summary=_text(c, "summary"),
        deepening=_text(c, "deepening"),
        for_whom=_text(c, "for_whom"),
        by_whom=_text(c, "by_whom"),
        what_is_needed=_text(c, "what_is_needed"),
        basis=_("Ingestuurd via het formulier 'Voorbeeld insturen' (inzending %(id)s).")
        % {"id": submission.pk},
        live=False,
    )
    page.organisations = [
        ExampleOrganisation(name=str(name)[:255]) for name in c.get("organisations") or [] if name
    ]
    elements = {e.key: e for e in Element.objects.filter(key__in=ELEMENT_KEYS)}
    chosen = c.get("elements") or {}
    page.example_elements = [
        ExampleElement(element=elements[key], explanation=str(chosen[key].get("explanation") or ""))
        for key in ELEMENT_KEYS
        if key in elements and (chosen.get(key) or {}).get("present")
    ]
    page.what_works = [WhatWorksPoint(text=str(t)) for t in c.get("what_works") or [] if t]
    page.improvements = [ImprovementPoint(text=str(t)) for t in c.get("improvements") or [] if t]
    page.links = [
        ExampleLink(title=str(link.get("title") or link.get("url"))[:255], url=link["url"])
        for link in c.get("links") or []
        if isinstance(link, dict) and link.get("url")
    ]
    contact = c.get("contact") or {}
    if any(contact.get(k) for k in ("name", "organisation", "email", "phone", "url")):
        # Not public until the redactie decides so: personal addresses stay private by default.
        page.contacts = [
            ExampleContact(
                name=str(contact.get("name") or "")[:255],
                organisation=str(contact.get("organisation") or "")[:255],
                role=str(contact.get("role") or "")[:255],
                email=str(contact.get("email") or ""),
                phone=str(contact.get("phone") or "")[:40],
                url=str(contact.get("url") or ""),
                is_public=False,
            )
        ]
    page.places = place_terms(c.get("places") or [])
    try:
        parent.add_child(instance=page)
    except ValidationError as error:
        raise ConversionError(
            _("De inzending is nog niet compleet genoeg voor een pagina: %(errors)s")
            % {"errors": "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())}
        ) from error
    page.save_revision(user=user, log_action=True)
    return page
