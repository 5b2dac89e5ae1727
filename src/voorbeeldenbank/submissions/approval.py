"""Whether two revisions of an example page say the same thing.

Approval is of the text: the content of two page revisions in the report's format tells
whether an editor changed anything after the contact person said yes. The date it was last
checked is not part of the text.
"""

from __future__ import annotations

from typing import Any

from wagtail.models import Revision

from voorbeeldenbank.examples.format import FORMAT, content_from_page
from voorbeeldenbank.examples.models import ExamplePage

NOT_TEXT = {"last_checked"}


def public_text(page: ExamplePage) -> dict[str, Any]:
    return content_from_page(page).comparable(exclude=NOT_TEXT)


def same_text(one: Revision | None, other: Revision | None) -> bool:
    if one is None or other is None:
        return False
    if one.pk == other.pk:
        return True
    return public_text(one.as_object()) == public_text(other.as_object())


def changed_fields(one: Revision, other: Revision) -> list[tuple[str, list[str]]]:
    """What differs between two revisions: per section of the format, in the format's order,
    the labels (in the active language) of the fields whose text changed."""
    before, after = public_text(one.as_object()), public_text(other.as_object())
    changes: list[tuple[str, list[str]]] = []
    for section in FORMAT.sections:
        labels = [
            field.label
            for field in FORMAT.in_section(section.key)
            if field.name not in NOT_TEXT and before.get(field.name) != after.get(field.name)
        ]
        if labels:
            changes.append((str(section.label), labels))
    return changes
