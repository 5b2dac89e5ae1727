"""The contact person's page: the draft as it will be published, approve or ask for changes."""

import pytest
from django.core import mail
from django.test import Client

from voorbeeldenbank.submissions.constants import State

from .actions import post_step

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_draft_as_it_will_be_published(contact_person):
    response = contact_person.client.get(contact_person.url)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Ter goedkeuring" in text
    # Rendered with the example page template, from the latest revision.
    assert 'class="page-example"' in text
    assert "Elke week drinken ouders samen koffie" in text
    assert "Zo zie je twijfels_normaal terug." in text
    assert 'name="decision"' in text
    assert "noindex" in text
    assert response["Cache-Control"].startswith("no-store")


def test_approving_moves_the_submission_on_and_tells_the_redactie(
    contact_person, redacteur, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = contact_person.client.post(contact_person.url, {"decision": "akkoord"})
    assert "U hebt akkoord gegeven" in response.content.decode()
    approval_round = contact_person.approval_round
    approval_round.refresh_from_db()
    assert approval_round.status == approval_round.STATUS_APPROVED
    assert approval_round.finished_at is not None
    assert approval_round.finished_by is None
    submission = approval_round.submission
    submission.refresh_from_db()
    assert submission.state == State.GOEDGEKEURD
    log = submission.transitions.last()
    assert log.actor_kind == "contactpersoon"
    assert log.actor is None
    assert any(redacteur.email in m.to and "goedgekeurd" in m.subject for m in mail.outbox)


def test_asking_for_changes_needs_a_comment_and_returns_it_to_the_redactie(
    contact_person, redacteur, django_capture_on_commit_callbacks
):
    response = contact_person.client.post(contact_person.url, {"decision": "aanpassen"})
    assert response.status_code == 200
    assert "Schrijf op wat er anders moet" in response.content.decode()
    submission = contact_person.approval_round.submission
    submission.refresh_from_db()
    assert submission.state == State.TER_GOEDKEURING
    with django_capture_on_commit_callbacks(execute=True):
        contact_person.client.post(
            contact_person.url, {"decision": "aanpassen", "comment": "Het is Zoetermeer-Oost."}
        )
    submission.refresh_from_db()
    assert submission.state == State.AKKOORD_REDACTIE
    mails = [m for m in mail.outbox if redacteur.email in m.to]
    assert mails
    assert "Het is Zoetermeer-Oost." in mails[-1].body


@pytest.mark.parametrize("persona", ["redacteur_client", "beheerder_client"])
def test_an_editor_session_is_no_authority_without_the_link(contact_person, persona, request):
    client = request.getfixturevalue(persona)
    submission = contact_person.approval_round.submission
    # No signed link: the editor cannot reach an approval page at all.
    response = client.post("/insturen/goedkeuren/geen-link/", {"decision": "akkoord"})
    assert response.status_code == 404
    # The admin offers no approval step either, and refuses one that is forged.
    detail = client.get(f"/admin/inzendingen/{submission.pk}/").content.decode()
    assert 'value="goedgekeurd"' not in detail
    post_step(client, submission, State.GOEDGEKEURD)
    submission.refresh_from_db()
    assert submission.state == State.TER_GOEDKEURING


def test_the_link_stops_working_once_the_submission_moved_on(contact_person, redacteur):
    from voorbeeldenbank.submissions.models import Submission

    submission = contact_person.approval_round.submission
    Submission.objects.filter(pk=submission.pk).update(state=State.AFGEWEZEN)
    assert Client().get(contact_person.url).status_code == 410


def test_the_page_shows_the_revision_that_was_sent_not_later_edits(contact_person):
    page = contact_person.approval_round.submission.example_page
    page.summary = "Later gewijzigd, nog niet ter goedkeuring."
    page.save_revision()
    text = contact_person.client.get(contact_person.url).content.decode()
    assert "Later gewijzigd" not in text
    assert "Elke week drinken ouders samen koffie" in text
