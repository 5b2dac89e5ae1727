"""What the contact person approved, and whether the page still says exactly that.

Approval is of the text: comparing the public parts of two page revisions tells whether an
editor changed anything after the contact person said yes.
"""

from __future__ import annotations

from typing import Any

from wagtail.models import Revision

from voorbeeldenbank.examples.models import ExamplePage

from .constants import Decision
from .models import Submission

# The parts of an example page that the public sees; internal notes and page-tree bookkeeping
# (paths, timestamps, live flags) may change without a new approval.
PAGE_FIELDS = ("title",)
CHILD_RELATIONS = (
    "organisations",
    "reach_figures",
    "delivery_roles",
    "example_elements",
    "what_works",
    "improvements",
    "quotes",
    "links",
    "contacts",
)
M2M = ("places", "target_groups", "topics")
IGNORED = {"page_ptr", "last_checked"}
CHILD_BOOKKEEPING = {"pk", "id", "page", "sort_order"}


def _normal(value: Any) -> Any:
    # Browsers send textareas with CRLF and model forms strip; neither is a change of text.
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    return value


def public_text(content: dict[str, Any]) -> dict[str, Any]:
    own = [f.name for f in ExamplePage._meta.local_fields if f.name not in IGNORED]
    text: dict[str, Any] = {key: _normal(content.get(key)) for key in (*PAGE_FIELDS, *own)}
    for name in CHILD_RELATIONS:
        text[name] = [
            {k: _normal(v) for k, v in child.items() if k not in CHILD_BOOKKEEPING}
            for child in content.get(name) or []
        ]
    for name in M2M:
        text[name] = sorted(content.get(name) or [])
    return text


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
    return public_text(approved.content) != public_text(latest.content)
