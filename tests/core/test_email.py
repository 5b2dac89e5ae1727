"""The outbox: e-mail is written with the change it reports and delivered by the worker."""

from datetime import timedelta
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from voorbeeldenbank.core import email as outbox
from voorbeeldenbank.core.constants import EmailStatus
from voorbeeldenbank.core.housekeeping import run_once
from voorbeeldenbank.core.models import OutgoingEmail

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_down(monkeypatch):
    def refuse(self, messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)


def make_due(email: OutgoingEmail) -> None:
    OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())


def test_a_queued_message_is_delivered_after_commit_and_its_body_forgotten(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        email = outbox.queue_email("test", ["a@example.org"], "Onderwerp", "Uw link: https://x/y")
        assert mail.outbox == []
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert email.body == ""
    assert [(m.subject, m.to, m.body) for m in mail.outbox] == [
        ("Onderwerp", ["a@example.org"], "Uw link: https://x/y")
    ]


def test_nothing_is_sent_for_a_change_that_was_rolled_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                outbox.queue_email("test", ["a@example.org"], "Onderwerp", "Tekst")
                raise RuntimeError
        except RuntimeError:
            pass
    assert callbacks == []
    assert OutgoingEmail.objects.count() == 0
    assert mail.outbox == []


def test_no_recipients_means_no_message():
    assert outbox.queue_email("test", ["", ""], "Onderwerp", "Tekst") is None
    assert OutgoingEmail.objects.count() == 0


def test_a_failing_mail_server_is_retried_with_pauses_then_reported_undelivered(smtp_down):
    email = OutgoingEmail.objects.create(kind="test", recipients=["a@example.org"], subject="S")
    pauses = []
    for attempt in range(1, outbox.MAX_ATTEMPTS + 1):
        before = timezone.now()
        assert outbox.deliver(email.pk) in {EmailStatus.RETRYING, EmailStatus.FAILED}
        email.refresh_from_db()
        assert email.attempts == attempt
        assert "SMTPServerDisconnected" in email.last_error
        if email.status == EmailStatus.RETRYING:
            pauses.append(email.next_attempt_at - before)
            # Not due yet: a second delivery attempt now does nothing.
            assert outbox.deliver(email.pk) == EmailStatus.RETRYING
            assert OutgoingEmail.objects.get(pk=email.pk).attempts == attempt
            make_due(email)
    assert email.status == EmailStatus.FAILED
    assert len(pauses) == outbox.MAX_ATTEMPTS - 1
    assert pauses == sorted(pauses)
    assert pauses[0] >= timedelta(seconds=50)


def test_the_redactie_can_send_an_undelivered_message_again(django_capture_on_commit_callbacks):
    email = OutgoingEmail.objects.create(
        kind="test",
        recipients=["a@example.org"],
        subject="S",
        body="B",
        status=EmailStatus.FAILED,
        attempts=outbox.MAX_ATTEMPTS,
    )
    with django_capture_on_commit_callbacks(execute=True):
        outbox.send_again(email)
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert [m.body for m in mail.outbox] == ["B"]


def test_housekeeping_hands_out_messages_that_were_never_picked_up_or_got_stuck(
    django_capture_on_commit_callbacks,
):
    lost = OutgoingEmail.objects.create(kind="test", recipients=["a@example.org"], subject="Lost")
    stuck = OutgoingEmail.objects.create(
        kind="test",
        recipients=["b@example.org"],
        subject="Stuck",
        status=EmailStatus.SENDING,
        attempts=1,
        next_attempt_at=timezone.now() - timedelta(hours=1),
    )
    sending_now = OutgoingEmail.objects.create(
        kind="test", recipients=["c@example.org"], subject="Busy", status=EmailStatus.SENDING
    )
    with django_capture_on_commit_callbacks(execute=True):
        run_once()
    assert sorted(m.subject for m in mail.outbox) == ["Lost", "Stuck"]
    statuses = dict(OutgoingEmail.objects.values_list("pk", "status"))
    assert statuses[lost.pk] == statuses[stuck.pk] == EmailStatus.SENT
    assert statuses[sending_now.pk] == EmailStatus.SENDING


def test_old_delivered_and_failed_messages_are_deleted(settings):
    settings.EMAIL_RETENTION_DAYS = 30
    old = timezone.now() - timedelta(days=31)
    for status in (EmailStatus.SENT, EmailStatus.FAILED, EmailStatus.RETRYING):
        OutgoingEmail.objects.create(kind="t", recipients=["a@example.org"], subject=status)
    OutgoingEmail.objects.update(created_at=old)
    OutgoingEmail.objects.create(kind="t", recipients=["a@example.org"], subject="recent")
    OutgoingEmail.objects.filter(subject=EmailStatus.SENT).update(status=EmailStatus.SENT)
    OutgoingEmail.objects.filter(subject=EmailStatus.FAILED).update(status=EmailStatus.FAILED)
    OutgoingEmail.objects.filter(subject=EmailStatus.RETRYING).update(status=EmailStatus.RETRYING)
    assert outbox.delete_old() == 2
    assert sorted(OutgoingEmail.objects.values_list("subject", flat=True)) == [
        "recent",
        EmailStatus.RETRYING,
    ]
