"""Whether two revisions of an example page say the same thing.

Approval is of the text: the content of two page revisions in the report's format tells
whether an editor changed anything after the contact person said yes. The date it was last
checked is not part of the text.
"""

from __future__ import annotations

from typing import Any

from wagtail.models import Revision

from voorbeeldenbank.examples.format import content_from_page
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
