"""The transition table: every allowed move works for its actor, every other move is refused."""

import itertools

import pytest

from voorbeeldenbank.submissions.constants import TRANSITIONS, Actor, State
from voorbeeldenbank.submissions.models import Transition, approval_rounds
from voorbeeldenbank.submissions.workflow import TransitionError, may, transition

from .factories import SubmissionFactory

ALL_MOVES = [
    (frm, to, actor)
    for frm, to, actor in itertools.product(State.values, State.values, Actor.values)
    if frm != to
]
ALLOWED = [(f, t, a) for f, t, a in ALL_MOVES if a in TRANSITIONS.get((f, t), frozenset())]
REFUSED = [(f, t, a) for f, t, a in ALL_MOVES if a not in TRANSITIONS.get((f, t), frozenset())]


def user_for(actor, redacteur):
    return redacteur if actor == Actor.REDACTIE else None


def test_the_table_covers_the_path_of_the_issue():
    path = [
        (State.CONCEPT, State.INGEDIEND, Actor.SUBMITTER),
        (State.INGEDIEND, State.IN_BEHANDELING, Actor.REDACTIE),
        (State.IN_BEHANDELING, State.AANVULLING_GEVRAAGD, Actor.REDACTIE),
        (State.AANVULLING_GEVRAAGD, State.INGEDIEND, Actor.SUBMITTER),
        (State.IN_BEHANDELING, State.AKKOORD_REDACTIE, Actor.REDACTIE),
        (State.AKKOORD_REDACTIE, State.TER_GOEDKEURING, Actor.REDACTIE),
        (State.TER_GOEDKEURING, State.AKKOORD_REDACTIE, Actor.CONTACT),
        (State.TER_GOEDKEURING, State.GOEDGEKEURD, Actor.CONTACT),
        (State.GOEDGEKEURD, State.GEPUBLICEERD, Actor.SYSTEM),
    ]
    for move in path:
        assert may(*move), move
    assert len(ALLOWED) > 10
    assert not any(frm in (State.GEPUBLICEERD, State.AFGEWEZEN) for frm, _t, _a in ALLOWED)


@pytest.mark.django_db
@pytest.mark.parametrize(("from_state", "to_state", "actor"), ALLOWED)
def test_an_allowed_move_changes_the_state_and_is_logged(
    from_state, to_state, actor, redacteur, demo_content
):
    submission = SubmissionFactory(state=from_state)
    version = submission.version
    log = transition(submission, to_state, actor, user_for(actor, redacteur), note="waarom")
    submission.refresh_from_db()
    assert submission.state == to_state
    assert submission.version == version + 1
    assert (log.from_state, log.to_state, log.actor_kind, log.note) == (
        from_state,
        to_state,
        actor,
        "waarom",
    )
    assert log.actor == (redacteur if actor == Actor.REDACTIE else None)
    assert log.created is not None


@pytest.mark.django_db
@pytest.mark.parametrize(("from_state", "to_state", "actor"), REFUSED)
def test_a_move_outside_the_table_is_refused_and_changes_nothing(
    from_state, to_state, actor, redacteur
):
    submission = SubmissionFactory(state=from_state)
    with pytest.raises(TransitionError):
        transition(submission, to_state, actor, user_for(actor, redacteur))
    submission.refresh_from_db()
    assert submission.state == from_state
    assert not Transition.objects.filter(submission=submission).exists()


@pytest.mark.django_db
def test_a_redactie_move_needs_an_account_with_the_review_permission(visitor_account, redacteur):
    submission = SubmissionFactory(submitted=True)
    for user in (None, visitor_account):
        with pytest.raises(TransitionError):
            transition(submission, State.IN_BEHANDELING, Actor.REDACTIE, user)
    submission.refresh_from_db()
    assert submission.state == State.INGEDIEND
    transition(submission, State.IN_BEHANDELING, Actor.REDACTIE, redacteur)
    assert submission.state == State.IN_BEHANDELING


@pytest.mark.django_db
@pytest.mark.parametrize("user_fixture", ["redacteur", "beheerder"])
def test_editors_cannot_approve_on_behalf_of_the_contact_person(
    user_fixture, request, demo_content
):
    user = request.getfixturevalue(user_fixture)
    submission = SubmissionFactory(awaiting_contact=True)
    with pytest.raises(TransitionError):
        transition(submission, State.GOEDGEKEURD, Actor.REDACTIE, user)
    submission.refresh_from_db()
    assert submission.state == State.TER_GOEDKEURING


@pytest.mark.django_db
def test_requests_for_more_and_approval_rounds_can_repeat(redacteur, demo_content):
    from voorbeeldenbank.submissions.workflow import contact_decides, send_for_approval, submit

    submission = SubmissionFactory(in_review=True)
    for _round in range(2):
        transition(submission, State.AANVULLING_GEVRAAGD, Actor.REDACTIE, redacteur, "meer")
        submit(submission)
        transition(submission, State.IN_BEHANDELING, Actor.REDACTIE, redacteur)
    from voorbeeldenbank.submissions.workflow import accept

    accept(submission, redacteur)
    for _round in range(2):
        approval_round = send_for_approval(submission, redacteur)
        contact_decides(approval_round, approve=False, comment="Andere naam graag")
        submission.refresh_from_db()
        assert submission.state == State.AKKOORD_REDACTIE
    contact_decides(send_for_approval(submission, redacteur), approve=True)
    submission.refresh_from_db()
    assert submission.state == State.GOEDGEKEURD
    assert approval_rounds(submission).count() == 3
    assert submission.transitions.count() == 2 * 3 + 1 + 2 * 2 + 2
