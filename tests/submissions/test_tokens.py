"""The lifecycle of both links: valid, expired, revoked, wrong, or for another submission."""

from datetime import timedelta

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from voorbeeldenbank.submissions.constants import State
from voorbeeldenbank.submissions.tokens import (
    CONTACT_SALT,
    LinkError,
    rotate_token,
    round_for_signed,
    submission_for_token,
)

from .factories import SubmissionFactory

pytestmark = pytest.mark.django_db


def status(token: str):
    return Client().get(reverse("submissions:status", kwargs={"token": token}))


def test_the_private_link_opens_its_own_submission_only():
    mine = SubmissionFactory(content={"title": "Mijn voorbeeld"})
    other = SubmissionFactory(content={"title": "Ander voorbeeld"})
    text = status(mine.raw_token).content.decode()
    assert "Mijn voorbeeld" in text
    assert "Ander voorbeeld" not in text
    assert submission_for_token(other.raw_token) == other


def test_tokens_are_long_random_and_stored_only_as_a_hash():
    submissions = [SubmissionFactory() for _ in range(3)]
    tokens = {s.raw_token for s in submissions}
    assert len(tokens) == 3
    for submission in submissions:
        assert len(submission.raw_token) >= 43
        assert submission.token_hash != submission.raw_token
        assert len(submission.token_hash) == 64


@pytest.mark.parametrize(
    "token", ["", "kort", "x" * 43, "../../etc/passwd", "a" * 500, "<script>x</script>"]
)
def test_a_wrong_token_gets_not_found(token):
    SubmissionFactory()
    if "/" in token or not token:
        with pytest.raises(LinkError):
            submission_for_token(token)
        return
    response = status(token)
    assert response.status_code == 404
    assert "We kennen deze link niet" in response.content.decode()


def test_an_expired_link_is_gone_with_a_clear_page():
    submission = SubmissionFactory()
    submission.token_expires = timezone.now() - timedelta(seconds=1)
    submission.save()
    response = status(submission.raw_token)
    assert response.status_code == 410
    assert "verlopen" in response.content.decode()


def test_a_revoked_link_is_gone_and_a_new_one_works(redacteur, django_capture_on_commit_callbacks):
    submission = SubmissionFactory(submitted=True)
    client = Client()
    client.force_login(redacteur)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("submissions_admin:new_link", kwargs={"pk": submission.pk}))
    assert status(submission.raw_token).status_code == 410
    new_token = mail.outbox[-1].body.split("/insturen/")[1].split("/")[0]
    assert new_token != submission.raw_token
    assert status(new_token).status_code == 200
    assert "De vorige link werkt niet meer" in mail.outbox[-1].body


def test_revoking_by_flag_switches_the_link_off():
    submission = SubmissionFactory()
    submission.token_revoked = True
    submission.save()
    assert status(submission.raw_token).status_code == 410
    token = rotate_token(submission)
    assert status(token).status_code == 200


def test_a_contact_link_works_once(contact_person):
    assert contact_person.client.get(contact_person.url).status_code == 200
    response = contact_person.client.post(contact_person.url, {"decision": "akkoord"})
    assert response.status_code == 200
    again = contact_person.client.get(contact_person.url)
    assert again.status_code == 410


def test_an_expired_contact_link_is_gone(contact_person, settings):
    settings.SUBMISSION_CONTACT_LINK_DAYS = 0
    response = contact_person.client.get(contact_person.url)
    assert response.status_code == 410
    assert "verlopen" in response.content.decode()


def test_a_contact_link_past_its_rounds_expiry_is_gone(contact_person):
    contact_person.approval_round.expires = timezone.now() - timedelta(minutes=1)
    contact_person.approval_round.save()
    assert contact_person.client.get(contact_person.url).status_code == 410


def test_a_withdrawn_round_revokes_its_link(contact_person, redacteur):
    from voorbeeldenbank.submissions.workflow import withdraw_approval

    withdraw_approval(contact_person.approval_round.submission, redacteur, "te vroeg")
    response = contact_person.client.get(contact_person.url)
    assert response.status_code == 410
    assert "ingetrokken" in response.content.decode()


def test_a_new_round_revokes_the_previous_link(contact_person, redacteur):
    from voorbeeldenbank.submissions.workflow import send_for_approval, withdraw_approval

    submission = contact_person.approval_round.submission
    withdraw_approval(submission, redacteur)
    send_for_approval(submission, redacteur)
    assert contact_person.client.get(contact_person.url).status_code == 410


@pytest.mark.parametrize(
    "signed",
    [
        "1:abc:def",
        "nonsense",
        signing.TimestampSigner(salt="andere-salt").sign("1"),
        signing.TimestampSigner().sign("1"),
    ],
)
def test_a_forged_contact_link_is_not_found(signed, contact_person):
    response = Client().get(reverse("submissions:contact", kwargs={"signed": signed}))
    assert response.status_code == 404
    assert contact_person.approval_round.submission.state == State.TER_GOEDKEURING


def test_a_contact_link_only_shows_its_own_example(contact_person, redacteur):
    from voorbeeldenbank.submissions.workflow import send_for_approval

    other = SubmissionFactory(
        accepted=True,
        content={
            **contact_person.approval_round.submission.content,
            "title": "Heel ander voorbeeld",
            "summary": "Andere samenvatting",
        },
    )
    send_for_approval(other, redacteur)
    text = contact_person.client.get(contact_person.url).content.decode()
    assert "Koffieochtend voor nieuwe ouders" in text
    assert "Heel ander voorbeeld" not in text
    # Tampering with the round id breaks the signature.
    value = round_for_signed(contact_person.signed).pk
    forged = contact_person.signed.replace(f"{value}:", f"{value + 1}:", 1)
    assert (
        Client().get(reverse("submissions:contact", kwargs={"signed": forged})).status_code == 404
    )
    assert CONTACT_SALT


def test_asking_for_more_keeps_the_submitters_link_alive(redacteur):
    from voorbeeldenbank.submissions.constants import Actor
    from voorbeeldenbank.submissions.models import Submission
    from voorbeeldenbank.submissions.workflow import transition

    submission = SubmissionFactory(in_review=True)
    Submission.objects.filter(pk=submission.pk).update(
        token_expires=timezone.now() + timedelta(hours=1)
    )
    submission.refresh_from_db()
    transition(submission, State.AANVULLING_GEVRAAGD, Actor.REDACTIE, redacteur, "meer graag")
    submission.refresh_from_db()
    assert submission.token_expires > timezone.now() + timedelta(days=30)
    assert status(submission.raw_token).status_code == 200
