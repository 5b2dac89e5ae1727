"""Fingerprints of every example per section of the format, and the change list between editions.

The manifest is computed from the model fields, not from the rendered HTML, so a change in the
templates (or in hyphenation, page breaks, …) never shows up as a change to an example. Values
are language-independent (choice keys, not labels), so the same content always gives the same
fingerprint whatever language is active.
"""

import hashlib
import json
from collections.abc import Iterable
from typing import Any, TypedDict

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from voorbeeldenbank.examples.format import FORMAT, SECTION_KEYS, Format, content_from_page
from voorbeeldenbank.examples.format.spec import Terms
from voorbeeldenbank.examples.models import ExamplePage

from .content import with_parts

# The sections of the report's format, in the order of an example in the edition.
SECTIONS = SECTION_KEYS
SECTION_LABELS = {section.key: section.label for section in FORMAT.sections}
# How the fingerprints are made. An edition whose manifest was made another way cannot be
# compared section by section; its examples are listed as checked again (see diff).
SCHEME = 2
RECHECKED_LABEL = _("opnieuw vastgelegd: de vorige editie gebruikte een oudere vingerafdruk")


class ManifestEntry(TypedDict, total=False):
    title: str
    sections: dict[str, str]
    scheme: int


Manifest = dict[str, ManifestEntry]


class ChangeItem(TypedDict, total=False):
    slug: str
    title: str
    sections: list[str]
    rechecked: bool
    section_labels: list[str]


ChangeList = dict[str, list[ChangeItem]]


def live_examples() -> QuerySet[ExamplePage]:
    """The examples an edition contains: published and not behind a view restriction."""
    examples: QuerySet[ExamplePage] = ExamplePage.objects.live().public().order_by("title")
    return examples


def section_texts(page: ExamplePage, content_format: Format = FORMAT) -> dict[str, dict[str, Any]]:
    """What the public sees of each section of one example, as plain JSON values.

    Language-independent (choice keys, not labels), and from the model fields rather than the
    rendered HTML, so a change of template or hyphenation is never a change of the example.
    Only public contacts are read: a private address must not even leave a trace here.
    """
    content = content_from_page(page, content_format, public=True).comparable()
    texts: dict[str, dict[str, Any]] = {key: {} for key in SECTIONS}
    for field in content_format:
        if field.spec.section:
            value = content[field.name]
            # A vocabulary's order is the editors' display order, not part of the example.
            texts[field.spec.section][field.name] = (
                sorted(value) if isinstance(field.spec.store, Terms) else value
            )
    for quote in content["quotes"]:
        section = content_format.quote_sections.get(quote["section"])
        if section:
            texts[section].setdefault("quotes", []).append(quote)
    return texts


def fingerprint(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def manifest_for(
    examples: Iterable[ExamplePage] | None = None, content_format: Format = FORMAT
) -> Manifest:
    """Per example slug: its title and a SHA-256 fingerprint per section of the format."""
    if examples is None:
        examples = live_examples()
    if isinstance(examples, QuerySet):
        examples = with_parts(examples)
    manifest: Manifest = {}
    for page in examples:
        texts = section_texts(page, content_format)
        manifest[page.slug] = {
            "title": page.title,
            "sections": {key: fingerprint(texts[key]) for key in SECTIONS},
            "scheme": SCHEME,
        }
    return manifest


def diff(previous: Manifest | None, current: Manifest) -> ChangeList:
    """What changed since the previous edition: examples added, changed (which sections), removed.

    Examples are matched by slug, so a renamed example counts as changed ("facts"), not as one
    removed and one added. An example whose previous fingerprints were made another way (an
    older SCHEME) is listed as changed and `rechecked`, without sections: they cannot be told.
    """
    previous = previous or {}
    added: list[ChangeItem] = [
        {"slug": slug, "title": entry["title"]}
        for slug, entry in current.items()
        if slug not in previous
    ]
    removed: list[ChangeItem] = [
        {"slug": slug, "title": entry["title"]}
        for slug, entry in previous.items()
        if slug not in current
    ]
    changed: list[ChangeItem] = []
    for slug, entry in current.items():
        if slug not in previous:
            continue
        if previous[slug].get("scheme", 1) != entry.get("scheme", 1):
            changed.append(
                {"slug": slug, "title": entry["title"], "sections": [], "rechecked": True}
            )
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


def _by_title(item: ChangeItem) -> str:
    return item["title"].casefold()


def with_labels(changes: ChangeList) -> ChangeList:
    """The change list for display: changed sections with their names in the active language."""
    return {
        "added": changes.get("added", []),
        "changed": [
            {**item, "section_labels": _labels(item)} for item in changes.get("changed", [])
        ],
        "removed": changes.get("removed", []),
    }


def _labels(item: ChangeItem) -> list[str]:
    if item.get("rechecked"):
        return [str(RECHECKED_LABEL)]
    return [str(SECTION_LABELS.get(key, key)) for key in item["sections"]]
