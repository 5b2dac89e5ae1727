"""The contact person's e-mail: addressed by name, with the redactie's note and the submitter's
name, and in a later round what changed since the text they saw."""

import pytest
from django.core import mail

from voorbeeldenbank.submissions.workflow import contact_decides, send_for_approval

from .factories import SubmissionFactory

pytestmark = pytest.mark.django_db


def contact_mails():
    return [m for m in mail.outbox if m.to == ["carla@example.org"]]


def test_the_first_request_names_the_contact_person_the_submitter_and_the_note(
    redacteur, demo_content, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory(accepted=True)
    with django_capture_on_commit_callbacks(execute=True):
        send_for_approval(submission, redacteur, "Wilt u vooral de cijfers nakijken?")
    (message,) = contact_mails()
    dutch, _sep, english = message.body.partition("\n---\n")
    assert dutch.startswith("Beste Carla Contact,")
    assert "Dear Carla Contact," in english
    assert "contactpersoon," not in dutch.splitlines()[0]
    assert "door Ivo Indiener" in dutch
    assert "by Ivo Indiener" in english
    assert "Wilt u vooral de cijfers nakijken?" in dutch
    assert "Sinds de vorige keer" not in dutch


def test_without_a_name_the_mail_falls_back_to_contactpersoon(
    redacteur, demo_content, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory(accepted=True)
    submission.content["approver"] = {"name": "", "email": "carla@example.org"}
    submission.save()
    with django_capture_on_commit_callbacks(execute=True):
        send_for_approval(submission, redacteur)
    (message,) = contact_mails()
    assert message.body.startswith("Beste contactpersoon,")
    assert "Toelichting van de redactie" not in message.body


def test_a_second_round_lists_the_sections_that_changed(
    redacteur, demo_content, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory(accepted=True)
    contact_decides(send_for_approval(submission, redacteur), approve=False, comment="Anders")
    page = submission.example_page
    draft = page.get_latest_revision_as_object()
    draft.summary = "Een nieuwe korte beschrijving."
    draft.what_is_needed = "Een ruimte en drie vrijwilligers."
    draft.save_revision(user=redacteur)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send_for_approval(submission, redacteur, "Aangepast zoals u vroeg.")
    (message,) = contact_mails()
    dutch, _sep, english = message.body.partition("\n---\n")
    changed = dutch.split("is veranderd:", 1)[1].split("\n\n", 1)[0]
    assert "- In een notendop" in changed
    assert "- Verdieping: Wat is er nodig?" in changed
    assert "Feiten" not in changed
    assert "Wat werkt" not in changed
    assert "- In a nutshell" in english
    assert "Aangepast zoals u vroeg." in dutch


def test_a_second_round_without_changes_says_so(
    redacteur, demo_content, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory(accepted=True)
    contact_decides(send_for_approval(submission, redacteur), approve=False, comment="Toch niet")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send_for_approval(submission, redacteur, "Graag nog eens kijken.")
    (message,) = contact_mails()
    assert "is veranderd: niets aan de tekst." in message.body
    assert "Changed since you last saw the text: nothing in the text." in message.body
