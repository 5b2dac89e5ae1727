"""What the contact person approved, and whether the page still says exactly that.

Approval is of the text: the content of two page revisions in the report's format tells
whether an editor changed anything after the contact person said yes. The date it was last
checked is not part of the text.
"""

from __future__ import annotations

from typing import Any

from wagtail.models import Revision

from voorbeeldenbank.examples.format import content_from_page
from voorbeeldenbank.examples.models import ExamplePage

from .constants import Decision
from .models import Submission

NOT_TEXT = {"last_checked"}


def public_text(page: ExamplePage) -> dict[str, Any]:
    return content_from_page(page).comparable(exclude=NOT_TEXT)


def approved_revision(submission: Submission) -> Revision | None:
    approval_round = (
        submission.approval_rounds.filter(decision=Decision.APPROVED, revision_id__isnull=False)
        .order_by("-used", "-pk")
        .first()
    )
    if approval_round is None:
        return None
    return Revision.objects.filter(pk=approval_round.revision_id).first()


def changed_since_approval(submission: Submission, page: ExamplePage) -> bool:
    approved = approved_revision(submission)
    latest = page.get_latest_revision()
    if approved is None or latest is None:
        return False
    return public_text(approved.as_object()) != public_text(latest.as_object())
