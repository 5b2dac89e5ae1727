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

from .approval import changed_since_approval
from .constants import TRANSITIONS, Actor, Decision, State
from .content import missing_required
from .conversion import create_draft_page
from .models import ApprovalRound, Submission, Transition
from .notifications import notify_transition
from .tokens import contact_link_age, token_expiry


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


def send_for_approval(submission: Submission, user: Any, note: str = "") -> ApprovalRound:
    approver = submission.content.get("approver") or {}
    email = str(approver.get("email") or "").strip()
    if submission.example_page_id is None:
        raise TransitionError(_("Er is nog geen conceptpagina om goed te laten keuren."))
    if not email:
        raise TransitionError(_("Er is geen e-mailadres van de contactpersoon."))
    with transaction.atomic():
        _close_open_rounds(submission, revoke=True)
        page = submission.example_page
        approval_round = ApprovalRound.objects.create(
            submission=submission,
            name=str(approver.get("name") or "")[:200],
            email=email,
            expires=timezone.now() + contact_link_age(),
            # The contact person sees (and approves) exactly this revision.
            revision_id=page.latest_revision_id if page is not None else None,
        )
        transition(submission, State.TER_GOEDKEURING, Actor.REDACTIE, user, note)
    return approval_round


def withdraw_approval(submission: Submission, user: Any, note: str = "") -> Transition:
    with transaction.atomic():
        log = transition(submission, State.AKKOORD_REDACTIE, Actor.REDACTIE, user, note)
        _close_open_rounds(submission, revoke=True)
    return log


def _close_open_rounds(submission: Submission, *, revoke: bool) -> None:
    submission.approval_rounds.filter(used__isnull=True, revoked=False).update(
        revoked=revoke, used=timezone.now()
    )


def contact_decides(approval_round: ApprovalRound, approve: bool, comment: str = "") -> Transition:
    """The contact person's answer; the signed link is the only authority accepted here."""
    with transaction.atomic():
        locked = ApprovalRound.objects.select_for_update().get(pk=approval_round.pk)
        if not locked.is_open:
            raise TransitionError(_("Deze link is al gebruikt of niet meer geldig."))
        locked.used = timezone.now()
        locked.decision = Decision.APPROVED if approve else Decision.CHANGES
        locked.comment = comment
        locked.save(update_fields=["used", "decision", "comment"])
        to_state = State.GOEDGEKEURD if approve else State.AKKOORD_REDACTIE
        return transition(locked.submission, to_state, Actor.CONTACT, note=comment)


def published(submission: Submission) -> Transition | None:
    if submission.state != State.GOEDGEKEURD:
        return None
    return transition(submission, State.GEPUBLICEERD, Actor.SYSTEM)


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
