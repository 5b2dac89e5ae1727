"""The two kinds of links: the submitter's private link and the contact person's signed link.

The submitter's token is random and only its hash is stored, so a database leak does not hand
out working links. The contact link is signed with the site's secret and bound to one approval
round (a task state of the contact person's workflow step); once that step is decided or
cancelled, the link stops working before it expires.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation

from .models import ContactApprovalTaskState, Submission
from .models.approval import contact_link_age

TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{20,100}\Z")
CONTACT_SALT = "voorbeeldenbank.submissions.approval"


class LinkError(Exception):
    """A link that does not (or no longer) work; `reason` picks the page that explains it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def token_expiry() -> datetime:
    return timezone.now() + timedelta(days=settings.SUBMISSION_TOKEN_DAYS)


def rotate_token(submission: Submission) -> str:
    """Issue a fresh private link; the old one stops working at once."""
    token, digest = new_token()
    submission.previous_token_hash = submission.token_hash
    submission.token_hash = digest
    submission.token_expires = token_expiry()
    submission.token_revoked = False
    submission.save(
        update_fields=[
            "token_hash",
            "previous_token_hash",
            "token_expires",
            "token_revoked",
            "updated",
        ]
    )
    return token


def submission_for_token(token: str) -> Submission:
    if not TOKEN_RE.match(token or ""):
        raise LinkError("unknown")
    digest = hash_token(token)
    submission = Submission.objects.filter(token_hash=digest).first()
    # The lookup is by hash; comparing again in constant time keeps timing from leaking anything.
    if submission is None or not hmac.compare_digest(submission.token_hash, digest):
        if Submission.objects.filter(previous_token_hash=digest).exists():
            raise LinkError("revoked")
        raise LinkError("unknown")
    if submission.token_revoked:
        raise LinkError("revoked")
    if submission.token_expires <= timezone.now():
        raise LinkError("expired")
    return submission


def absolute(path: str) -> str:
    return settings.SUBMISSION_BASE_URL.rstrip("/") + path


def submitter_url(token: str) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return absolute(reverse("submissions:status", kwargs={"token": token}))


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=CONTACT_SALT)


def sign_round(approval_round: ContactApprovalTaskState) -> str:
    return _signer().sign(str(approval_round.pk))


def contact_url(approval_round: ContactApprovalTaskState) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("submissions:contact", kwargs={"signed": sign_round(approval_round)})
    return absolute(path)


def round_for_signed(signed: str) -> ContactApprovalTaskState:
    try:
        value = _signer().unsign(signed, max_age=contact_link_age())
    except signing.SignatureExpired as error:
        raise LinkError("expired") from error
    except signing.BadSignature as error:
        raise LinkError("unknown") from error
    approval_round = (
        ContactApprovalTaskState.objects.select_related("workflow_state", "revision")
        .filter(pk=int(value))
        .first()
    )
    if approval_round is None:
        raise LinkError("unknown")
    if approval_round.status == ContactApprovalTaskState.STATUS_CANCELLED:
        raise LinkError("revoked")
    if approval_round.status != ContactApprovalTaskState.STATUS_IN_PROGRESS:
        raise LinkError("used")
    if approval_round.expires is None or approval_round.expires <= timezone.now():
        raise LinkError("expired")
    return approval_round
