"""E-mail that never breaks a request: written to the outbox, delivered by the worker.

`queue_email` stores the message in the caller's transaction, so it exists exactly when the
change it reports was saved, and asks the worker to deliver it once that transaction commits.
Delivery is retried with growing pauses; after the last attempt the message is "niet
afgeleverd" and the redactie sees that in the admin and can send it again.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from .constants import EmailStatus
from .models import OutgoingEmail
from .tasks import enqueue_later, enqueue_on_commit

logger = logging.getLogger(__name__)

# Pause before each next attempt; one attempt more than there are pauses.
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=20),
    timedelta(hours=1),
    timedelta(hours=4),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# A message still "sending" after this long belongs to a worker that died while sending.
SENDING_TIMEOUT = timedelta(minutes=10)
MAX_ERROR_LENGTH = 500


def queue_email(
    kind: str,
    recipients: Sequence[str],
    subject: str,
    body: str,
    *,
    about: models.Model | None = None,
) -> OutgoingEmail | None:
    addresses = [address for address in dict.fromkeys(recipients) if address]
    if not addresses:
        return None
    email = OutgoingEmail.objects.create(
        kind=kind,
        recipients=addresses,
        subject=subject[:255],
        body=body,
        content_type=ContentType.objects.get_for_model(about) if about is not None else None,
        object_id=about.pk if about is not None else None,
    )
    schedule(email.pk)
    return email


def schedule(email_id: int) -> None:
    """Ask the worker to deliver once the current transaction commits; if the queue cannot
    be reached, the message stays in the outbox and `requeue_due` hands it out later."""
    enqueue_on_commit(deliver_email, email_id)


@task()
def deliver_email(email_id: int) -> str:
    return deliver(email_id)


def deliver(email_id: int) -> str:
    """Send one queued message; returns its status afterwards."""
    now = timezone.now()
    claimed = OutgoingEmail.objects.filter(
        pk=email_id,
        status__in=(EmailStatus.QUEUED, EmailStatus.RETRYING),
        next_attempt_at__lte=now,
    ).update(status=EmailStatus.SENDING, attempts=F("attempts") + 1, next_attempt_at=now)
    email = OutgoingEmail.objects.filter(pk=email_id).first()
    if email is None:
        return "missing"
    if not claimed:
        # Delivered already, being sent by another worker, or not due yet.
        return email.status
    try:
        EmailMessage(
            subject=email.subject,
            body=email.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=list(email.recipients),
        ).send()
    except Exception as error:  # any failure of the mail server or the network
        _failed_attempt(email, error)
    else:
        email.status = EmailStatus.SENT
        email.sent_at = timezone.now()
        email.body = ""
        email.last_error = ""
        email.save(update_fields=["status", "sent_at", "body", "last_error"])
    return email.status


def _failed_attempt(email: OutgoingEmail, error: Exception) -> None:
    # The recipients are not in the log: they are personal data.
    logger.warning(
        "E-mail %s (%s), attempt %s failed: %s", email.pk, email.kind, email.attempts, error
    )
    email.last_error = (f"{error.__class__.__name__}: {error}")[:MAX_ERROR_LENGTH]
    if email.attempts >= MAX_ATTEMPTS:
        email.status = EmailStatus.FAILED
    else:
        email.status = EmailStatus.RETRYING
        email.next_attempt_at = timezone.now() + RETRY_DELAYS[email.attempts - 1]
    email.save(update_fields=["status", "last_error", "next_attempt_at"])
    if email.status == EmailStatus.RETRYING:
        enqueue_later(deliver_email, email.next_attempt_at, email.pk)


def send_again(email: OutgoingEmail) -> None:
    """The redactie's "opnieuw versturen" for a message that was not delivered."""
    OutgoingEmail.objects.filter(pk=email.pk, status=EmailStatus.FAILED).update(
        status=EmailStatus.QUEUED, attempts=0, next_attempt_at=timezone.now(), last_error=""
    )
    schedule(email.pk)


def requeue_due() -> int:
    """Hand messages that are due, or stuck with a dead worker, to the worker again."""
    now = timezone.now()
    OutgoingEmail.objects.filter(
        status=EmailStatus.SENDING, next_attempt_at__lt=now - SENDING_TIMEOUT
    ).update(status=EmailStatus.RETRYING)
    due = list(
        OutgoingEmail.objects.filter(
            Q(status=EmailStatus.QUEUED) | Q(status=EmailStatus.RETRYING),
            next_attempt_at__lte=now,
        ).values_list("pk", flat=True)[:500]
    )
    for email_id in due:
        schedule(email_id)
    return len(due)


def delete_old() -> int:
    """Forget delivered and failed messages after EMAIL_RETENTION_DAYS: their recipients and
    subjects are personal data too."""
    cutoff = timezone.now() - timedelta(days=settings.EMAIL_RETENTION_DAYS)
    deleted, _ = OutgoingEmail.objects.filter(
        status__in=(EmailStatus.SENT, EmailStatus.FAILED), created_at__lt=cutoff
    ).delete()
    return deleted


def emails_about(obj: models.Model) -> models.QuerySet[OutgoingEmail]:
    return OutgoingEmail.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    )
