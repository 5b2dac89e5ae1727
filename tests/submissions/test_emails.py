"""Every transition mails the right people, in Dutch first and English below."""

import pytest
from django.core import mail

from voorbeeldenbank.submissions.constants import TRANSITIONS, Actor, State
from voorbeeldenbank.submissions.workflow import transition

from .factories import SubmissionFactory

pytestmark = pytest.mark.django_db

SUBMITTER, REDACTIE, CONTACT = "submitter", "redactie", "contact"
EXPECTED = {
    State.INGEDIEND: {SUBMITTER, REDACTIE},
    State.IN_BEHANDELING: {SUBMITTER},
    State.AANVULLING_GEVRAAGD: {SUBMITTER},
    State.AKKOORD_REDACTIE: {SUBMITTER, REDACTIE},
    State.TER_GOEDKEURING: {CONTACT, SUBMITTER},
    State.GOEDGEKEURD: {SUBMITTER, REDACTIE},
    State.GEPUBLICEERD: {SUBMITTER, CONTACT},
    State.AFGEWEZEN: {SUBMITTER},
}
MOVES = [(frm, to, sorted(actors)[0]) for (frm, to), actors in TRANSITIONS.items()]


@pytest.mark.parametrize(("from_state", "to_state", "actor"), MOVES)
def test_each_transition_mails_the_right_people_in_both_languages(
    from_state, to_state, actor, redacteur, demo_content, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory(state=from_state)
    with django_capture_on_commit_callbacks(execute=True):
        user = redacteur if actor == Actor.REDACTIE else None
        transition(submission, to_state, actor, user, note="Graag meer over de wijk.")
    addresses = {
        SUBMITTER: submission.submitter_email,
        REDACTIE: redacteur.email,
        CONTACT: "carla@example.org",
    }
    received = {
        who for who, address in addresses.items() if any(address in m.to for m in mail.outbox)
    }
    assert received == EXPECTED[to_state]
    for message in mail.outbox:
        assert " / " in message.subject
        dutch, _sep, english = message.body.partition("\n---\n")
        assert english, message.body
        assert "Beste" in dutch or "Er is" in dutch or "De contactpersoon" in dutch or '"' in dutch
        assert any(
            word in english for word in ("Dear", "submitted", "accepted", "approved", "contact")
        )
        assert submission.title in message.subject or submission.title in message.body


def test_the_contact_mail_carries_a_working_signed_link(
    redacteur, demo_content, django_capture_on_commit_callbacks
):
    from django.test import Client

    from voorbeeldenbank.submissions.workflow import send_for_approval

    submission = SubmissionFactory(accepted=True)
    with django_capture_on_commit_callbacks(execute=True):
        send_for_approval(submission, redacteur, "")
    message = next(m for m in mail.outbox if m.to == ["carla@example.org"])
    link = next(line for line in message.body.splitlines() if "/insturen/goedkeuren/" in line)
    path = "/insturen/" + link.split("/insturen/", 1)[1]
    assert Client().get(path).status_code == 200


def test_links_in_mails_use_the_configured_address_not_the_request_host(
    anonymous_client, settings, django_capture_on_commit_callbacks
):
    settings.SUBMISSION_BASE_URL = "https://voorbeeldenbank.example.nl"
    with django_capture_on_commit_callbacks(execute=True):
        anonymous_client.post(
            "/insturen/",
            {"name": "A", "email": "a@example.org", "consent": "on"},
            HTTP_HOST="evil.example",
        )
    assert "https://voorbeeldenbank.example.nl/insturen/" in mail.outbox[0].body
    assert "evil.example" not in mail.outbox[0].body


def _move_then_fail(submission, user) -> None:
    from django.db import transaction

    with transaction.atomic():
        transition(submission, State.IN_BEHANDELING, Actor.REDACTIE, user)
        raise RuntimeError


def test_no_mail_is_sent_when_the_transition_is_rolled_back(
    redacteur, demo_content, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory(submitted=True)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError):
            _move_then_fail(submission, redacteur)
        transition(submission, State.IN_BEHANDELING, Actor.REDACTIE, redacteur)
    submission.refresh_from_db()
    assert submission.state == State.IN_BEHANDELING
    # Only the move that was committed announced itself.
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    assert submission.transitions.count() == 1
