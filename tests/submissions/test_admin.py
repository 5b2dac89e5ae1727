"""The redactie's review queue: filters, the submission in the format, notes, steps and edits."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from voorbeeldenbank.submissions.constants import State
from voorbeeldenbank.submissions.models import EditorNote, Submission

from .actions import post_step
from .factories import SubmissionFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/inzendingen/"


def test_the_queue_lists_what_needs_attention_and_flags_fewer_than_five(redacteur_client):
    SubmissionFactory(content={"title": "Nog een concept"})
    SubmissionFactory(submitted=True, content={"title": "Volledig ingediend", **_six()})
    SubmissionFactory(submitted=True, few_elements=True, content={"title": "Dun ingediend"})
    text = redacteur_client.get(QUEUE).content.decode()
    assert "Volledig ingediend" in text
    assert "Dun ingediend" in text
    assert "Nog een concept" not in text
    assert text.count('data-testid="threshold-flag"') == 1


def _six():
    from .factories import complete_content

    return {"elements": complete_content(6)["elements"]}


def test_the_queue_filters_by_state_and_age(redacteur_client):
    old = SubmissionFactory(submitted=True, content={"title": "Oud"})
    Submission.objects.filter(pk=old.pk).update(submitted_at=timezone.now() - timedelta(days=40))
    SubmissionFactory(in_review=True, content={"title": "Nieuw in behandeling"})
    by_state = redacteur_client.get(QUEUE, {"status": "in_behandeling"}).content.decode()
    assert "Nieuw in behandeling" in by_state
    assert ">Oud<" not in by_state
    by_age = redacteur_client.get(QUEUE, {"leeftijd": "30"}).content.decode()
    assert ">Oud<" in by_age
    assert "Nieuw in behandeling" not in by_age
    everything = redacteur_client.get(QUEUE, {"status": "alle"}).content.decode()
    assert ">Oud<" in everything
    assert "Nieuw in behandeling" in everything


def test_the_detail_shows_the_format_the_flag_and_the_possible_steps(redacteur_client):
    submission = SubmissionFactory(submitted=True, few_elements=True)
    text = redacteur_client.get(f"{QUEUE}{submission.pk}/").content.decode()
    assert "Koffieochtend voor nieuwe ouders" in text
    assert "In een notendop" in text
    assert "Wat werkt?" in text
    assert 'data-testid="threshold-flag"' in text
    assert 'data-testid="to-in_behandeling"' in text
    assert 'data-testid="to-afgewezen"' in text
    assert 'data-testid="to-goedgekeurd"' not in text


def test_side_notes_are_kept_with_their_author(redacteur, redacteur_client):
    submission = SubmissionFactory(submitted=True)
    redacteur_client.post(f"{QUEUE}{submission.pk}/notitie/", {"text": "Bellen met <b>Carla</b>"})
    redacteur_client.post(f"{QUEUE}{submission.pk}/notitie/", {"text": "   "})
    note = EditorNote.objects.get()
    assert (note.text, note.author) == ("Bellen met Carla", redacteur)
    assert "Bellen met Carla" in redacteur_client.get(f"{QUEUE}{submission.pk}/").content.decode()


def test_the_whole_review_through_the_admin(
    redacteur_client, django_capture_on_commit_callbacks, demo_content
):
    submission = SubmissionFactory(submitted=True)
    with django_capture_on_commit_callbacks(execute=True):
        post_step(redacteur_client, submission, State.IN_BEHANDELING)
        submission.refresh_from_db()
        post_step(redacteur_client, submission, State.AKKOORD_REDACTIE, "Goed zo")
        submission.refresh_from_db()
        post_step(redacteur_client, submission, State.TER_GOEDKEURING)
    submission.refresh_from_db()
    assert submission.state == State.TER_GOEDKEURING
    assert submission.example_page is not None
    assert not submission.example_page.live
    contact_mail = next(m for m in mail.outbox if m.to == ["carla@example.org"])
    assert "/insturen/goedkeuren/" in contact_mail.body
    assert "Graag uw goedkeuring" in contact_mail.subject
    assert "Please approve" in contact_mail.subject


def test_a_reason_for_rejection_is_sent_to_the_submitter(
    redacteur_client, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory(in_review=True)
    with django_capture_on_commit_callbacks(execute=True):
        post_step(redacteur_client, submission, State.AFGEWEZEN, "Het gaat niet over jeugd.")
    submission.refresh_from_db()
    assert submission.state == State.AFGEWEZEN
    message = mail.outbox[-1]
    assert message.to == [submission.submitter_email]
    assert "Het gaat niet over jeugd." in message.body
    assert "niet op" in message.body
    # The reason is on the submitter's status page too.
    status = Client().get(reverse("submissions:status", kwargs={"token": submission.raw_token}))
    assert "Het gaat niet over jeugd." in status.content.decode()
    assert "will not include" in message.body


def test_a_step_from_a_stale_screen_is_refused(redacteur_client):
    submission = SubmissionFactory(submitted=True)
    stale_version = submission.version
    post_step(redacteur_client, submission, State.IN_BEHANDELING)
    submission.refresh_from_db()
    response = post_step(redacteur_client, submission, State.AFGEWEZEN, version=stale_version)
    follow = redacteur_client.get(response["Location"]).content.decode()
    assert "Iemand anders heeft deze inzending intussen gewijzigd" in follow
    submission.refresh_from_db()
    assert submission.state == State.IN_BEHANDELING


def test_a_step_outside_the_table_is_refused_with_a_message(redacteur_client):
    submission = SubmissionFactory(submitted=True)
    response = post_step(redacteur_client, submission, State.GEPUBLICEERD)
    follow = redacteur_client.get(response["Location"]).content.decode()
    assert "kan niet" in follow
    submission.refresh_from_db()
    assert submission.state == State.INGEDIEND


def edit_data(submission, **changes):
    from voorbeeldenbank.submissions.forms import STEPS

    data = {"version": submission.version}
    for key, _label, form_class in STEPS:
        form = form_class(initial=form_class.initial_from(submission.content), prefix=key)
        for name in form.fields:
            value = form[name].value()
            if value in (None, False, ""):
                continue
            data[form.add_prefix(name)] = (
                "on" if value is True else ("\n".join(value) if isinstance(value, list) else value)
            )
    data.update(changes)
    return data


def test_the_redactie_can_edit_the_content(redacteur_client):
    submission = SubmissionFactory(submitted=True)
    response = redacteur_client.post(
        f"{QUEUE}{submission.pk}/bewerken/", edit_data(submission, **{"notendop-summary": "Nieuw."})
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.content["summary"] == "Nieuw."
    assert submission.content["title"] == "Koffieochtend voor nieuwe ouders"
    assert len(submission.explained_elements) == 6


def test_two_editors_editing_the_same_submission_do_not_overwrite_each_other(
    redacteur_client, beheerder_client
):
    submission = SubmissionFactory(submitted=True)
    first = edit_data(submission, **{"notendop-summary": "Tekst van de redacteur."})
    second = edit_data(submission, **{"notendop-summary": "Tekst van de beheerder."})
    assert redacteur_client.post(f"{QUEUE}{submission.pk}/bewerken/", first).status_code == 302
    response = beheerder_client.post(f"{QUEUE}{submission.pk}/bewerken/", second)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Iemand anders heeft deze inzending intussen gewijzigd" in text
    assert "Tekst van de beheerder." in text
    submission.refresh_from_db()
    assert submission.content["summary"] == "Tekst van de redacteur."


def test_the_submitter_and_the_redactie_do_not_overwrite_each_other(redacteur_client):
    from django.test import Client
    from django.urls import reverse

    submission = SubmissionFactory(more_info=True)
    editor_data = edit_data(submission, **{"notendop-summary": "Van de redactie."})
    Client().post(
        reverse("submissions:step", kwargs={"token": submission.raw_token, "step": "notendop"}),
        {"version": submission.version, "summary": "Van de indiener.", "go": "stay"},
    )
    response = redacteur_client.post(f"{QUEUE}{submission.pk}/bewerken/", editor_data)
    assert response.status_code == 200
    submission.refresh_from_db()
    assert submission.content["summary"] == "Van de indiener."


def test_an_undelivered_email_is_flagged_and_can_be_sent_again(
    redacteur_client, monkeypatch, django_capture_on_commit_callbacks
):
    from django.core import mail

    from voorbeeldenbank.core import email as outbox
    from voorbeeldenbank.core.constants import EmailStatus
    from voorbeeldenbank.core.models import OutgoingEmail
    from voorbeeldenbank.submissions.workflow import submit

    submission = SubmissionFactory()
    with monkeypatch.context() as patch:
        patch.setattr(outbox, "MAX_ATTEMPTS", 1)
        patch.setattr(
            "django.core.mail.backends.locmem.EmailBackend.send_messages",
            lambda self, messages: (_ for _ in ()).throw(OSError("mail server down")),
        )
        with django_capture_on_commit_callbacks(execute=True):
            submit(submission)
    failed = OutgoingEmail.objects.filter(object_id=submission.pk, status=EmailStatus.FAILED)
    assert failed.exists()
    queue = redacteur_client.get("/admin/inzendingen/").content.decode()
    assert 'data-testid="undelivered-flag"' in queue
    detail = redacteur_client.get(f"/admin/inzendingen/{submission.pk}/").content.decode()
    assert "Niet afgeleverd" in detail
    assert "mail server down" in detail
    for email in list(failed):
        with django_capture_on_commit_callbacks(execute=True):
            response = redacteur_client.post(
                f"/admin/inzendingen/{submission.pk}/e-mail/{email.pk}/opnieuw/"
            )
        assert response.status_code == 302
        email.refresh_from_db()
        assert email.status == EmailStatus.SENT
    assert any(submission.title in m.subject or submission.title in m.body for m in mail.outbox)
    queue = redacteur_client.get("/admin/inzendingen/").content.decode()
    assert 'data-testid="undelivered-flag"' not in queue


def test_only_the_redactie_may_resend_and_only_mail_about_that_submission(
    redacteur_client, visitor_client, anonymous_client
):
    from voorbeeldenbank.core.constants import EmailStatus
    from voorbeeldenbank.core.email import queue_email

    mine, other = SubmissionFactory(), SubmissionFactory()
    email = queue_email("test", ["x@example.org"], "S", "B", about=other)
    type(email).objects.filter(pk=email.pk).update(status=EmailStatus.FAILED)
    url = f"/admin/inzendingen/{mine.pk}/e-mail/{email.pk}/opnieuw/"
    assert redacteur_client.post(url).status_code == 404
    for client in (visitor_client, anonymous_client):
        assert client.post(
            f"/admin/inzendingen/{other.pk}/e-mail/{email.pk}/opnieuw/"
        ).status_code in (302, 403)
    email.refresh_from_db()
    assert email.status == EmailStatus.FAILED
