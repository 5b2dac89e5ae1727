"""Fingerprints of every example per section of the format, and the change list between editions.

The manifest is computed from the model fields, not from the rendered HTML, so a change in the
templates (or in hyphenation, page breaks, …) never shows up as a change to an example. Values
are language-independent (choice keys, not labels), so the same content always gives the same
fingerprint whatever language is active.
"""

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from voorbeeldenbank.examples.constants import FormatSection
from voorbeeldenbank.examples.models import ExampleContact, ExamplePage

from .content import with_parts

# The sections of the report's format, in the order of an example in the edition.
SECTIONS = (
    "facts",
    "notendop",
    "verdieping",
    "elementen",
    "wat_werkt",
    "wat_beter",
    "links_contact",
)
SECTION_LABELS = {
    "facts": _("Feiten"),
    "notendop": _("In een notendop"),
    "verdieping": _("Verdieping"),
    "elementen": _("Aanwezige elementen"),
    "wat_werkt": _("Wat werkt?"),
    "wat_beter": _("Wat kan er nog beter?"),
    "links_contact": _("Links en contact"),
}

# Quotes belong to a section of the format; the three sub-questions of the verdieping count as
# part of it, as they are printed under it.
QUOTE_SECTIONS = {
    FormatSection.NOTENDOP: "notendop",
    FormatSection.VERDIEPING: "verdieping",
    FormatSection.VOOR_WIE: "verdieping",
    FormatSection.DOOR_WIE: "verdieping",
    FormatSection.WAT_NODIG: "verdieping",
    FormatSection.ELEMENTEN: "elementen",
    FormatSection.WAT_WERKT: "wat_werkt",
    FormatSection.WAT_BETER: "wat_beter",
}

Manifest = dict[str, dict[str, Any]]


def live_examples() -> QuerySet[ExamplePage]:
    """The examples an edition contains: published and not behind a view restriction."""
    return ExamplePage.objects.live().public().order_by("title")


def _quotes(page: ExamplePage, section: str) -> list[list[str]]:
    return [
        [quote.text, quote.speaker_role, quote.element.key if quote.element else ""]
        for quote in page.quotes.all()
        if QUOTE_SECTIONS.get(quote.section) == section
    ]


def section_texts(page: ExamplePage) -> dict[str, Any]:
    """The content of each section of one example, as plain JSON-serialisable values."""
    return {
        "facts": {
            "title": page.title,
            "short_name": page.short_name,
            "organisations": [o.name for o in page.organisations.all()],
            "places": sorted(place.key for place in page.places.all()),
            "kind": page.kind,
            "since_year": page.since_year,
            "reach": [[r.label, r.value] for r in page.reach_figures.all()],
            "target_group": page.target_group,
            "ages": [page.age_min, page.age_max],
            "delivery_roles": [d.role for d in page.delivery_roles.all()],
            "quadrant": [page.formality, page.scale],
        },
        "notendop": {"text": page.summary, "quotes": _quotes(page, "notendop")},
        "verdieping": {
            "text": page.deepening,
            "for_whom": page.for_whom,
            "by_whom": page.by_whom,
            "what_is_needed": page.what_is_needed,
            "quotes": _quotes(page, "verdieping"),
        },
        "elementen": {
            "elements": [[e.element.key, e.explanation] for e in page.example_elements.all()],
            "quotes": _quotes(page, "elementen"),
        },
        "wat_werkt": {
            "points": [p.text for p in page.what_works.all()],
            "quotes": _quotes(page, "wat_werkt"),
        },
        "wat_beter": {
            "points": [[p.text, p.theme.key if p.theme else ""] for p in page.improvements.all()],
            "quotes": _quotes(page, "wat_beter"),
        },
        "links_contact": {
            "links": [[link.title, link.url] for link in page.links.all()],
            # Only public contacts are printed; a private address must not even leave a trace.
            "contacts": [
                [c.name, c.organisation, c.role, c.email, c.phone, c.url]
                for c in _public_contacts(page)
            ],
            "basis": page.basis,
            "effectiveness": [page.effectiveness_status, page.effectiveness_url],
            "last_checked": page.last_checked.isoformat() if page.last_checked else None,
        },
    }


def _public_contacts(page: ExamplePage) -> list[ExampleContact]:
    # with_parts() prefetches only the public contacts, under this name.
    prefetched = getattr(page, "public_contacts", None)
    if prefetched is not None:
        return prefetched
    return [contact for contact in page.contacts.all() if contact.is_public]


def fingerprint(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def manifest_for(examples: Iterable[ExamplePage] | None = None) -> Manifest:
    """Per example slug: its title and a SHA-256 fingerprint per section of the format."""
    if examples is None:
        examples = live_examples()
    if isinstance(examples, QuerySet):
        examples = with_parts(examples)
    manifest: Manifest = {}
    for page in examples:
        texts = section_texts(page)
        manifest[page.slug] = {
            "title": page.title,
            "sections": {key: fingerprint(texts[key]) for key in SECTIONS},
        }
    return manifest


def diff(previous: Manifest | None, current: Manifest) -> dict[str, list[dict[str, Any]]]:
    """What changed since the previous edition: examples added, changed (which sections), removed.

    Examples are matched by slug, so a renamed example counts as changed ("facts"), not as one
    removed and one added.
    """
    previous = previous or {}
    added = [
        {"slug": slug, "title": entry["title"]}
        for slug, entry in current.items()
        if slug not in previous
    ]
    removed = [
        {"slug": slug, "title": entry["title"]}
        for slug, entry in previous.items()
        if slug not in current
    ]
    changed = []
    for slug, entry in current.items():
        if slug not in previous:
            continue
        before = previous[slug].get("sections", {})
        sections = [key for key in SECTIONS if before.get(key) != entry["sections"].get(key)]
        if sections:
            changed.append({"slug": slug, "title": entry["title"], "sections": sections})
    return {
        "added": sorted(added, key=_by_title),
        "changed": sorted(changed, key=_by_title),
        "removed": sorted(removed, key=_by_title),
    }


def _by_title(item: dict[str, Any]) -> str:
    return item["title"].casefold()


def with_labels(changes: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """The change list for display: changed sections with their names in the active language."""
    return {
        "added": changes.get("added", []),
        "changed": [
            {**item, "section_labels": [str(SECTION_LABELS.get(k, k)) for k in item["sections"]]}
            for item in changes.get("changed", [])
        ],
        "removed": changes.get("removed", []),
    }
