"""E-mails about a submission: one mail per person, Dutch first and English below it.

Both languages are written out in the templates themselves (rather than translated per
recipient) because we do not know which language a submitter or contact person reads.
Mails go to the outbox in the transaction of the change they report (core/email.py); the
worker delivers them, with retries.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation

from voorbeeldenbank.core.email import queue_email

from .constants import State
from .models import ContactApprovalTaskState, Submission, Transition, approval_rounds
from .tokens import absolute, contact_url, submitter_url

AUDIENCES: dict[str, tuple[str, ...]] = {
    State.INGEDIEND: ("submitter", "redactie"),
    State.IN_BEHANDELING: ("submitter",),
    State.AANVULLING_GEVRAAGD: ("submitter",),
    State.AKKOORD_REDACTIE: ("submitter", "redactie"),
    State.TER_GOEDKEURING: ("contact", "submitter"),
    State.GOEDGEKEURD: ("submitter", "redactie"),
    State.GEPUBLICEERD: ("submitter", "contact"),
    State.AFGEWEZEN: ("submitter",),
}


def redactie_addresses() -> list[str]:
    if settings.SUBMISSION_REDACTIE_EMAILS:
        return list(settings.SUBMISSION_REDACTIE_EMAILS)
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(
        Q(is_superuser=True)
        | Q(groups__permissions__codename="review_submission")
        | Q(user_permissions__codename="review_submission")
    )
    return sorted(set(users.values_list("email", flat=True)))


def contact_address(submission: Submission) -> str:
    approval_round = approval_rounds(submission).last()
    if approval_round is not None and approval_round.contact_email:
        return approval_round.contact_email
    return submission.draft.approver.email.strip()


def send(template: str, recipients: list[str], context: dict[str, Any]) -> None:
    if not recipients:
        return
    # The templates hold both languages; render them without an active translation.
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string(f"submissions/emails/{template}.txt", context)
    subject, _, body = text.strip().partition("\n")
    queue_email(
        template, recipients, subject.strip(), body.strip() + "\n", about=context["submission"]
    )


def admin_url(submission: Submission) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + f"/admin/inzendingen/{submission.pk}/"


def notify_transition(transition_id: int) -> None:
    log = Transition.objects.select_related("submission").get(pk=transition_id)
    submission = log.submission
    context: dict[str, Any] = {
        "submission": submission,
        "log": log,
        "to_state": log.to_state,
        "from_state": log.from_state,
        "actor_kind": log.actor_kind,
        "admin_url": admin_url(submission),
    }
    page = submission.example_page
    if page is not None and page.live:
        context["public_url"] = absolute(page.url or "")
    for audience in AUDIENCES.get(log.to_state, ()):
        if audience == "submitter":
            send("submitter", [submission.submitter_email], context)
        elif audience == "redactie":
            send("redactie", redactie_addresses(), context)
        elif audience == "contact":
            approval_round = approval_rounds(submission).last()
            if log.to_state == State.TER_GOEDKEURING and approval_round is not None:
                context.update(_contact_link(approval_round))
            address = contact_address(submission)
            send("contact", [address] if address else [], context)


def _contact_link(approval_round: ContactApprovalTaskState) -> dict[str, Any]:
    return {"contact_url": contact_url(approval_round), "contact_expires": approval_round.expires}


def ask_contact_again(approval_round: ContactApprovalTaskState) -> None:
    """The text changed while the contact person read it: the same request, for the new text."""
    submission = approval_round.submission
    context: dict[str, Any] = {
        "submission": submission,
        "to_state": State.TER_GOEDKEURING,
        "admin_url": admin_url(submission),
        **_contact_link(approval_round),
    }
    address = approval_round.contact_email or contact_address(submission)
    send("contact", [address] if address else [], context)


def send_private_link(submission: Submission, token: str, *, renewed: bool = False) -> None:
    context = {"submission": submission, "link": submitter_url(token), "renewed": renewed}
    send("link", [submission.submitter_email], context)
