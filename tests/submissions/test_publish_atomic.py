"""Publishing an example from a submission is all or nothing, and a retry finishes the job.

A failure is injected at each step of publishing in the editor; afterwards the database holds
either the old state (page not live, not in the catalogue, submission still approved, nothing
logged or mailed) or the new one, never a mix. Mail that cannot be delivered is retried by the
worker and does not undo the publication.
"""

from smtplib import SMTPServerDisconnected
from types import SimpleNamespace

import pytest
from django.core import mail
from django.test import Client

from voorbeeldenbank.core.constants import EmailStatus
from voorbeeldenbank.core.email import deliver, requeue_due
from voorbeeldenbank.core.models import OutgoingEmail
from voorbeeldenbank.examples.models import SearchDocument
from voorbeeldenbank.submissions.constants import State

from .factories import SubmissionFactory
from .pages import editor_post_data

pytestmark = pytest.mark.django_db


class Injected(Exception):
    pass


def fail(*args, **kwargs):
    raise Injected("injected failure")


@pytest.fixture
def editor(beheerder) -> Client:
    # A 500 is what the editor would see; the test client should hand it back, not raise.
    client = Client(raise_request_exception=False)
    client.force_login(beheerder)
    return client


def publish(client: Client, page, user):
    data = editor_post_data(page, user, **{"action-publish": "action-publish"})
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def state_of(submission):
    submission.refresh_from_db()
    page = submission.example_page
    page.refresh_from_db()
    return {
        "live": page.live,
        "indexed": SearchDocument.objects.filter(page_id=page.pk).exists(),
        "state": submission.state,
        "published_log": submission.transitions.filter(to_state=State.GEPUBLICEERD).count(),
        "emails": OutgoingEmail.objects.filter(object_id=submission.pk).count(),
    }


OLD = {"live": False, "indexed": False, "state": State.GOEDGEKEURD, "published_log": 0}
NEW = {"live": True, "indexed": True, "state": State.GEPUBLICEERD, "published_log": 1}

STEPS = [
    # (what fails, what is replaced, by what)
    ("catalogue index", "voorbeeldenbank.examples.indexing.index_page", fail),
    (
        "submission state and log",
        "voorbeeldenbank.submissions.models.log.Transition.objects.create",
        fail,
    ),
    ("outgoing e-mail", "voorbeeldenbank.core.email.OutgoingEmail.objects.create", fail),
    (
        "search-index task",
        "modelsearch.signal_handlers.insert_or_update_object_task",
        SimpleNamespace(enqueue=fail),
    ),
]


@pytest.mark.parametrize(("step", "target", "broken"), STEPS, ids=[step[0] for step in STEPS])
def test_a_failure_at_any_step_leaves_the_old_state_and_a_retry_finishes(
    step,
    target,
    broken,
    beheerder,
    editor,
    demo_content,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    submission = SubmissionFactory(approved=True)
    emails_before = OutgoingEmail.objects.filter(object_id=submission.pk).count()
    page = submission.example_page
    with monkeypatch.context() as patch:
        patch.setattr(target, broken)
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            response = publish(editor, page, beheerder)
    assert response.status_code == 500, step
    assert callbacks == [], "nothing may be scheduled for after a rolled-back publish"
    assert state_of(submission) == {**OLD, "emails": emails_before}

    with django_capture_on_commit_callbacks(execute=True):
        response = publish(editor, page, beheerder)
    assert response.status_code == 302
    after = state_of(submission)
    assert {key: after[key] for key in NEW} == NEW
    assert after["emails"] > emails_before


def test_publishing_goes_through_while_the_mail_server_is_down_and_mail_follows_later(
    beheerder, editor, demo_content, monkeypatch, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory(approved=True)
    mail.outbox.clear()
    with monkeypatch.context() as patch:
        patch.setattr(
            "django.core.mail.backends.locmem.EmailBackend.send_messages",
            lambda self, messages: (_ for _ in ()).throw(SMTPServerDisconnected("down")),
        )
        with django_capture_on_commit_callbacks(execute=True):
            response = publish(editor, submission.example_page, beheerder)
    assert response.status_code == 302
    assert {k: v for k, v in state_of(submission).items() if k in NEW} == NEW
    waiting = OutgoingEmail.objects.filter(object_id=submission.pk, status=EmailStatus.RETRYING)
    assert waiting.exists()
    assert all("SMTPServerDisconnected" in email.last_error for email in waiting)
    assert mail.outbox == []

    # The mail server is back; once the retry is due the worker delivers.
    waiting.update(next_attempt_at=waiting.first().created_at)
    with django_capture_on_commit_callbacks(execute=True):
        requeue_due()
    assert not OutgoingEmail.objects.filter(
        object_id=submission.pk, status=EmailStatus.RETRYING
    ).exists()
    assert any("Gepubliceerd" in message.subject for message in mail.outbox)
    delivered = OutgoingEmail.objects.filter(object_id=submission.pk, status=EmailStatus.SENT)
    assert delivered.exists()
    assert set(delivered.values_list("body", flat=True)) == {""}
    # Delivering a message twice sends it once.
    count = len(mail.outbox)
    deliver(delivered.first().pk)
    assert len(mail.outbox) == count
