"""The only place where a submission changes state.

Every move is checked against the transition table in `constants.py`, locked against
double clicks (select_for_update inside a transaction), logged, and announced by e-mail: the
e-mails are written to the outbox in the same transaction and delivered after it commits.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import TaskState, WorkflowPage, WorkflowState

from .approval import same_text
from .constants import TRANSITIONS, Actor, State
from .content import missing_required
from .conversion import create_draft_page
from .models import (
    ContactApprovalTaskState,
    Submission,
    Transition,
    approval_rounds,
    contact_workflow,
)
from .notifications import ask_contact_again, notify_transition
from .tokens import token_expiry


class TransitionError(Exception):
    """A move that the table or the actor's role does not allow (message is user-readable)."""


REVIEW_PERMISSION = "submissions.review_submission"


def is_redactie(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_perm(REVIEW_PERMISSION))


def may(state: str, to_state: str, actor_kind: str) -> bool:
    return actor_kind in TRANSITIONS.get((state, to_state), frozenset())


@transaction.atomic
def transition(
    submission: Submission,
    to_state: str,
    actor_kind: str,
    user: Any = None,
    note: str = "",
    *,
    announce: bool = True,
) -> Transition:
    if actor_kind == Actor.REDACTIE and not is_redactie(user):
        raise TransitionError(_("Alleen de redactie mag deze stap zetten."))
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if not may(locked.state, to_state, actor_kind):
        raise TransitionError(
            _("Van '%(from)s' naar '%(to)s' kan niet (door %(actor)s).")
            % {
                "from": State(locked.state).label,
                "to": State(to_state).label,
                "actor": Actor(actor_kind).label,
            }
        )
    fields: dict[str, Any] = {"state": to_state, "version": F("version") + 1}
    if to_state == State.INGEDIEND and locked.submitted_at is None:
        fields["submitted_at"] = timezone.now()
    if to_state == State.AANVULLING_GEVRAAGD:
        # The submitter needs a working link to amend, however long the review took.
        fields["token_expires"] = max(locked.token_expires, token_expiry())
    Submission.objects.filter(pk=locked.pk).update(updated=timezone.now(), **fields)
    log = Transition.objects.create(
        submission=locked,
        actor=user if actor_kind == Actor.REDACTIE else None,
        actor_kind=actor_kind,
        from_state=locked.state,
        to_state=to_state,
        note=note,
    )
    submission.refresh_from_db()
    if announce:
        notify_transition(log.pk)
    return log


def submit(submission: Submission) -> Transition | None:
    """The submitter's "indienen"; a repeated click on an already submitted draft is a no-op."""
    if submission.state == State.INGEDIEND:
        return None
    missing = missing_required(submission.content)
    if missing:
        raise TransitionError(
            _("Vul eerst in: %(fields)s.") % {"fields": ", ".join(str(m) for m in missing)}
        )
    to_state = State.INGEDIEND
    try:
        return transition(submission, to_state, Actor.SUBMITTER)
    except TransitionError:
        submission.refresh_from_db()
        if submission.state == State.INGEDIEND:
            return None
        raise


def accept(submission: Submission, user: Any, note: str = "") -> Transition:
    """Redactie agrees: the submission becomes a draft example page (never published here)."""
    with transaction.atomic():
        log = transition(submission, State.AKKOORD_REDACTIE, Actor.REDACTIE, user, note)
        if submission.example_page_id is None and log.from_state == State.IN_BEHANDELING:
            page = create_draft_page(submission, user)
            Submission.objects.filter(pk=submission.pk).update(example_page=page)
            submission.example_page = page
    return log


def send_for_approval(
    submission: Submission, user: Any, note: str = ""
) -> ContactApprovalTaskState:
    """Start a round of the contact person's workflow step on the page's latest revision."""
    approver = submission.draft.approver
    if submission.example_page_id is None:
        raise TransitionError(_("Er is nog geen conceptpagina om goed te laten keuren."))
    if not approver.email.strip():
        raise TransitionError(_("Er is geen e-mailadres van de contactpersoon."))
    with transaction.atomic():
        log = transition(
            submission, State.TER_GOEDKEURING, Actor.REDACTIE, user, note, announce=False
        )
        page = submission.example_page
        assert page is not None
        workflow_state = page.current_workflow_state
        needs_changes = WorkflowState.STATUS_NEEDS_CHANGES
        if workflow_state is not None and workflow_state.status == needs_changes:
            # After "dit moet anders" the same workflow goes on, as Wagtail's "resubmit" does.
            workflow_state.resume(user=user)
        else:
            if workflow_state is not None:
                workflow_state.cancel(user=user)
            contact_workflow().start(page, user)
        # The e-mail carries the new round's link, so it is written once the round exists.
        notify_transition(log.pk)
    approval_round = approval_rounds(submission).last()
    assert approval_round is not None
    return approval_round


def withdraw_approval(submission: Submission, user: Any, note: str = "") -> Transition:
    with transaction.atomic():
        log = transition(submission, State.AKKOORD_REDACTIE, Actor.REDACTIE, user, note)
        page = submission.example_page
        workflow_state = page.current_workflow_state if page is not None else None
        if workflow_state is not None:
            workflow_state.cancel(user=user)
    return log


def contact_decides(
    approval_round: ContactApprovalTaskState, approve: bool, comment: str = ""
) -> Transition | None:
    """The contact person's answer; the signed link is the only authority accepted here.

    None when the answer moved nothing: the contact person approved a revision that an editor
    has changed since, so Wagtail asks for approval of the latest text in a new round.
    """
    with transaction.atomic():
        locked = ContactApprovalTaskState.objects.select_for_update().get(pk=approval_round.pk)
        if not locked.is_open:
            raise TransitionError(_("Deze link is al gebruikt of niet meer geldig."))
        submission = locked.submission
        if approve:
            locked.approve(user=None, comment=comment)
        else:
            locked.reject(user=None, comment=comment)
        workflow_state = WorkflowState.objects.get(pk=locked.workflow_state_id)
        if approve and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
            current = workflow_state.current_task_state
            if current is not None and current.pk != locked.pk:
                ask_contact_again(ContactApprovalTaskState.objects.get(pk=current.pk))
            return None
        to_state = State.GOEDGEKEURD if approve else State.AKKOORD_REDACTIE
        return transition(submission, to_state, Actor.CONTACT, note=comment)


def published(submission: Submission) -> Transition | None:
    if submission.state != State.GOEDGEKEURD:
        return None
    log = transition(submission, State.GEPUBLICEERD, Actor.SYSTEM)
    # Published, the page no longer waits for the contact person: later edits go the way of
    # any example page (the site's own workflow, if any).
    WorkflowPage.objects.filter(page_id=submission.example_page_id).filter(
        workflow=contact_workflow()
    ).delete()
    return log


def redactie_targets(submission: Submission) -> list[str]:
    """States the review screen offers as buttons (approval itself is never among them)."""
    return [
        to
        for (frm, to), actors in TRANSITIONS.items()
        if frm == submission.state and Actor.REDACTIE in actors
    ]


def publish_problem(page: Any) -> str | None:
    """Why this example page may not be published yet, or None when it may."""
    submission = Submission.objects.filter(example_page_id=page.pk).first()
    if submission is None or submission.state == State.GEPUBLICEERD:
        return None
    if submission.state != State.GOEDGEKEURD:
        return _(
            "Dit voorbeeld komt uit een inzending en kan pas worden gepubliceerd als de "
            "contactpersoon het heeft goedgekeurd. Uw wijzigingen zijn als concept bewaard."
        )
    if changed_since_approval(submission, page):
        return _(
            "De tekst is gewijzigd nadat de contactpersoon hem goedkeurde. Uw wijzigingen zijn "
            "als concept bewaard; leg de nieuwe tekst eerst opnieuw ter goedkeuring voor."
        )
    return None


def changed_since_approval(submission: Submission, page: Any) -> bool:
    """True when the latest revision says something else than the last approved one."""
    approved = approval_rounds(submission).filter(status=TaskState.STATUS_APPROVED).last()
    latest = page.get_latest_revision()
    if approved is None or latest is None:
        return False
    return not same_text(approved.revision, latest)
