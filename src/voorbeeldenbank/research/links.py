"""The interviewee's signed link to one round of the member check.

The link carries the round's id, signed with the site's secret and a salt of its own and
stamped with the time of signing. It works while its round is open: a newer round, an answer
or the round's deadline switches it off, whatever the signature says.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation

from .models import MemberCheckRound, MemberCheckStatus

MEMBER_CHECK_SALT = "voorbeeldenbank.research.member_check"


class LinkError(Exception):
    """A link that does not (or no longer) work; `reason` picks the page that explains it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# Unknown links get a 404; links that worked once get a 410 (gone).
LINK_STATUS = {"unknown": 404, "expired": 410, "revoked": 410, "used": 410}


def link_age() -> timedelta:
    return timedelta(days=settings.RESEARCH_MEMBER_CHECK_DAYS)


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=MEMBER_CHECK_SALT)


def sign_round(check_round: MemberCheckRound) -> str:
    return _signer().sign(str(check_round.pk))


def round_url(check_round: MemberCheckRound) -> str:
    """The absolute address for the e-mail, always the default language's."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("research:member_check", kwargs={"signed": sign_round(check_round)})
    return settings.BASE_URL.rstrip("/") + path


def round_for_signed(signed: str) -> MemberCheckRound:
    try:
        value = _signer().unsign(signed, max_age=link_age())
    except signing.SignatureExpired as error:
        raise LinkError("expired") from error
    except signing.BadSignature as error:
        raise LinkError("unknown") from error
    if not value.isdigit():
        raise LinkError("unknown")
    check_round = (
        MemberCheckRound.objects.select_related("version", "verslag__interview__project")
        .filter(pk=int(value))
        .first()
    )
    if check_round is None:
        raise LinkError("unknown")
    check_link_state(check_round)
    return check_round


def check_link_state(check_round: MemberCheckRound) -> None:
    """Raise the reason a round's link no longer works, if it does not."""
    if check_round.status == MemberCheckStatus.CANCELLED:
        raise LinkError("revoked")
    if check_round.status != MemberCheckStatus.OPEN:
        raise LinkError("used")
    if check_round.expires_at <= timezone.now():
        raise LinkError("expired")
