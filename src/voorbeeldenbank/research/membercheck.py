"""The member check: a version of the verslag goes to the interviewee, who approves or comments.

Rounds are numbered per verslag. Sending a new round withdraws the open one, so only the newest
link works. An approved version is frozen (VerslagVersion's save guard); a correction after
comments is a new version with a new round.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from voorbeeldenbank.core.email import queue_email

from .constants import LogAction
from .links import check_link_state, link_age, round_url
from .models import Interview, MemberCheckRound, MemberCheckStatus, Verslag, VerslagVersion, record


class MemberCheckError(ValidationError):
    pass


class TextChangedError(Exception):
    """The text changed between reading and answering: the interviewee must read it again."""


@dataclass(frozen=True)
class SentRound:
    round: MemberCheckRound
    url: str
    emailed: bool


def text_digest(version: VerslagVersion) -> str:
    return hashlib.sha256(version.original_text.encode()).hexdigest()


def interviewee_address(interview: Interview) -> str:
    """The first interviewee of the interview with an e-mail address."""
    for contact in interview.contacts.order_by("pk"):
        if contact.email.strip():
            return contact.email.strip()
    return ""


def sendable_version(verslag: Verslag) -> VerslagVersion:
    """The latest version, if the interviewee may be asked to read it; else why not."""
    version = verslag.latest_version()
    if version is None or not version.original_text.strip():
        raise MemberCheckError(_("Er is nog geen versie met tekst om te laten lezen."))
    if version.is_frozen:
        raise MemberCheckError(
            _("Deze versie is al goedgekeurd en verandert niet meer. Maak eerst een nieuwe versie.")
        )
    return version


@transaction.atomic
def send_round(verslag: Verslag, actor: Any) -> SentRound:
    """Number N+1 for the latest version; open rounds before it are withdrawn."""
    locked = (
        Verslag.objects.select_for_update().select_related("interview__project").get(pk=verslag.pk)
    )
    version = sendable_version(locked)
    rounds = MemberCheckRound.objects.filter(verslag=locked)
    last = rounds.order_by("-number").values_list("number", flat=True).first()
    withdrawn = list(
        rounds.filter(status=MemberCheckStatus.OPEN).values_list("pk", flat=True).order_by("pk")
    )
    rounds.filter(pk__in=withdrawn).update(status=MemberCheckStatus.CANCELLED)
    now = timezone.now()
    check_round = MemberCheckRound.objects.create(
        verslag=locked,
        version=version,
        number=(last or 0) + 1,
        sent_at=now,
        sent_by=actor if getattr(actor, "is_authenticated", False) else None,
        expires_at=now + link_age(),
    )
    url = round_url(check_round)
    address = interviewee_address(locked.interview)
    if address:
        _mail(
            "member_check",
            [address],
            check_round,
            {"url": url, "interview": locked.interview, "round": check_round},
        )
    record(
        locked.project,
        actor,
        LogAction.CREATED,
        check_round,
        verslag=locked.pk,
        version=version.pk,
        number=check_round.number,
        withdrawn=withdrawn,
        emailed=bool(address),
    )
    return SentRound(check_round, url, bool(address))


@transaction.atomic
def withdraw_round(check_round: MemberCheckRound, actor: Any) -> bool:
    """Switch an open round's link off; False if it was no longer open."""
    withdrawn = MemberCheckRound.objects.filter(
        pk=check_round.pk, status=MemberCheckStatus.OPEN
    ).update(status=MemberCheckStatus.CANCELLED)
    if withdrawn:
        _log_state(check_round, actor, MemberCheckStatus.CANCELLED)
    return bool(withdrawn)


@transaction.atomic
def respond(check_round: MemberCheckRound, approve: bool, comment: str, digest: str) -> None:
    """The interviewee's answer through the link. Raises LinkError when the round is no longer
    open (a second click, a newer round) and TextChangedError when the text was edited since the
    page was read."""
    locked = (
        MemberCheckRound.objects.select_for_update(of=("self",))
        .select_related("version", "verslag__interview__project", "sent_by")
        .get(pk=check_round.pk)
    )
    check_link_state(locked)
    version = VerslagVersion.objects.select_for_update().get(pk=locked.version_id)
    if text_digest(version) != digest:
        raise TextChangedError
    now = timezone.now()
    locked.responded_at = now
    if approve:
        locked.status = MemberCheckStatus.APPROVED
        version.approved_at = now
        version.save(update_fields=["approved_at"])
    else:
        locked.status = MemberCheckStatus.COMMENTED
        locked.comment = comment.strip()
    locked.save(update_fields=["status", "responded_at", "comment"])
    _log_state(locked, None, locked.status, characters=len(locked.comment))
    sender = locked.sent_by
    if sender is not None and sender.email:
        _mail("member_check_answered", [sender.email], locked, {"round": locked})


def _log_state(check_round: MemberCheckRound, actor: Any, status: str, **detail: Any) -> None:
    record(
        check_round.verslag.project,
        actor,
        LogAction.STATE,
        check_round,
        verslag=check_round.verslag_id,
        version=check_round.version_id,
        number=check_round.number,
        status=status,
        **detail,
    )


def admin_url(check_round: MemberCheckRound) -> str:
    path = reverse("research_interview:member_check", args=[check_round.verslag.interview_id])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _mail(
    template: str, recipients: list[str], check_round: MemberCheckRound, context: dict[str, Any]
) -> None:
    # Both languages are written out in the template: we do not know which one the reader uses.
    # No names and no text of the verslag: the outbox keeps messages for a while.
    context = {**context, "admin_url": admin_url(check_round)}
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string(f"research/emails/{template}.txt", context)
    subject, _newline, body = text.strip().partition("\n")
    queue_email(
        f"research_{template}", recipients, subject.strip(), body.strip() + "\n", about=check_round
    )
