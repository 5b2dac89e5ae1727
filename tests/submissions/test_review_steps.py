"""Rejecting and asking for more: a note is required, the step is confirmed, and the submitter
is told the reason by e-mail and on the status page."""

import pytest
from django.core import mail

from voorbeeldenbank.submissions.constants import Actor, State
from voorbeeldenbank.submissions.models import Transition
from voorbeeldenbank.submissions.workflow import TransitionError, redactie_targets, transition

from .actions import post_step
from .factories import SubmissionFactory

pytestmark = pytest.mark.django_db


def detail(client, submission) -> str:
    return client.get(f"/admin/inzendingen/{submission.pk}/").content.decode()


@pytest.mark.parametrize("to_state", [State.AANVULLING_GEVRAAGD, State.AFGEWEZEN])
def test_the_workflow_refuses_these_steps_without_a_note(to_state, redacteur):
    submission = SubmissionFactory(in_review=True)
    with pytest.raises(TransitionError, match="toelichting"):
        transition(submission, to_state, Actor.REDACTIE, redacteur, "   ")
    submission.refresh_from_db()
    assert submission.state == State.IN_BEHANDELING
    assert not Transition.objects.filter(submission=submission).exists()


@pytest.mark.parametrize("to_state", [State.AANVULLING_GEVRAAGD, State.AFGEWEZEN])
def test_the_review_screen_refuses_an_empty_note_with_a_message(to_state, redacteur_client):
    submission = SubmissionFactory(in_review=True)
    response = post_step(redacteur_client, submission, to_state, "")
    assert "Schrijf een toelichting" in redacteur_client.get(response["Location"]).content.decode()
    submission.refresh_from_db()
    assert submission.state == State.IN_BEHANDELING


@pytest.mark.parametrize("to_state", [State.AANVULLING_GEVRAAGD, State.AFGEWEZEN])
def test_the_first_click_only_asks_for_confirmation(to_state, redacteur_client):
    submission = SubmissionFactory(in_review=True)
    response = post_step(redacteur_client, submission, to_state, "Wie doet wat?", confirmed=False)
    assert response.status_code == 200
    text = response.content.decode()
    assert 'data-testid="confirm"' in text
    assert "Wie doet wat?" in text
    assert 'name="confirmed" value="1"' in text
    submission.refresh_from_db()
    assert submission.state == State.IN_BEHANDELING
    assert not mail.outbox


def test_the_rejection_button_looks_like_a_rejection(redacteur_client):
    submission = SubmissionFactory(in_review=True)
    text = detail(redacteur_client, submission)
    assert 'class="button no" data-testid="to-afgewezen"' in text
    assert 'class="button" data-testid="to-aanvulling_gevraagd"' in text
    assert 'class="button no" data-testid="to-aanvulling_gevraagd"' not in text
    confirm = post_step(redacteur_client, submission, State.AFGEWEZEN, "Nee", confirmed=False)
    assert 'class="button no" data-testid="confirm"' in confirm.content.decode()


def test_the_redactie_can_ask_again_while_waiting_for_more(
    redacteur, redacteur_client, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory(more_info=True)
    assert State.AANVULLING_GEVRAAGD in redactie_targets(submission)
    assert "Opnieuw om aanvulling vragen" in detail(redacteur_client, submission)
    with django_capture_on_commit_callbacks(execute=True):
        post_step(redacteur_client, submission, State.AANVULLING_GEVRAAGD, "Ook de kosten graag.")
    submission.refresh_from_db()
    assert submission.state == State.AANVULLING_GEVRAAGD
    log = submission.transitions.get()
    assert (log.from_state, log.to_state, log.note) == (
        State.AANVULLING_GEVRAAGD,
        State.AANVULLING_GEVRAAGD,
        "Ook de kosten graag.",
    )
    assert mail.outbox[-1].to == [submission.submitter_email]
    assert "Ook de kosten graag." in mail.outbox[-1].body


def test_only_the_redactie_may_ask_again(redacteur):
    submission = SubmissionFactory(more_info=True)
    for actor in (Actor.SUBMITTER, Actor.CONTACT, Actor.SYSTEM):
        with pytest.raises(TransitionError):
            transition(submission, State.AANVULLING_GEVRAAGD, actor, note="meer")


@pytest.mark.parametrize("who", ["anonymous_client", "visitor_client"])
def test_others_cannot_reach_the_confirmation(who, request):
    client = request.getfixturevalue(who)
    submission = SubmissionFactory(in_review=True)
    response = post_step(client, submission, State.AFGEWEZEN, "Nee", confirmed=False)
    assert response.status_code in (302, 403)
    assert b'data-testid="confirm"' not in response.content
    submission.refresh_from_db()
    assert submission.state == State.IN_BEHANDELING
