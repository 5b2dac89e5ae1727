from django.db import models
from django.utils.translation import gettext_lazy as _

ACCESS_PERMISSION = "research.access_research"


class MemberRole(models.TextChoices):
    LEAD = "lead", _("Projectleider")
    INTERVIEWER = "interviewer", _("Interviewer")
    CODER = "coder", _("Codeur")


class CandidateState(models.TextChoices):
    VOORGESTELD = "voorgesteld", _("Voorgesteld")
    BENADERD = "benaderd", _("Benaderd")
    AKKOORD = "akkoord", _("Akkoord")
    AFGEVALLEN = "afgevallen", _("Afgevallen")
    VERVANGEN = "vervangen", _("Vervangen")
    BESCHREVEN = "beschreven", _("Beschreven")


# Which state may follow which: a candidate is approached before it can agree, and only one
# that agreed is described. One that declined may still be replaced by a comparable one.
TRANSITIONS: dict[str, frozenset[str]] = {
    CandidateState.VOORGESTELD: frozenset({CandidateState.BENADERD, CandidateState.AFGEVALLEN}),
    CandidateState.BENADERD: frozenset(
        {CandidateState.AKKOORD, CandidateState.AFGEVALLEN, CandidateState.VERVANGEN}
    ),
    CandidateState.AKKOORD: frozenset({CandidateState.BESCHREVEN, CandidateState.AFGEVALLEN}),
    CandidateState.AFGEVALLEN: frozenset({CandidateState.VERVANGEN}),
    CandidateState.VERVANGEN: frozenset(),
    CandidateState.BESCHREVEN: frozenset(),
}

# Candidates that still count for a cell of the selection board.
ACTIVE_STATES = frozenset(
    {CandidateState.VOORGESTELD, CandidateState.BENADERD, CandidateState.AKKOORD}
)


class ConsentKind(models.TextChoices):
    RECORDING = "opname", _("Opname van het gesprek")
    QUOTES = "citaten", _("Citaten gebruiken")
    ORGANISATION = "organisatie", _("Organisatie noemen")
    REUSE = "hergebruik", _("Hergebruik voor later onderzoek")


class ConsentMethod(models.TextChoices):
    FORM = "formulier", _("Formulier")
    EMAIL = "email", _("E-mail")
    VERBAL = "mondeling", _("Mondeling, op de opname")


class LogAction(models.TextChoices):
    CREATED = "aangemaakt", _("Aangemaakt")
    CHANGED = "gewijzigd", _("Gewijzigd")
    STATE = "status", _("Status gewijzigd")
    CONSENT = "toestemming", _("Toestemming vastgelegd")
    MEMBER_ADDED = "lid_toegevoegd", _("Lid toegevoegd")
    MEMBER_REMOVED = "lid_verwijderd", _("Lid verwijderd")
    DELETED = "verwijderd", _("Verwijderd")
    RETENTION = "bewaartermijn", _("Verwijderd na bewaartermijn")


class DeletionRule(models.TextChoices):
    """Why a recording's file went. Stored in Recording.deletion_rule, which has no choices of
    its own, so that a new rule needs no migration."""

    MANUAL = "handmatig", _("Handmatig verwijderd")
    CONSENT_WITHDRAWN = "toestemming ingetrokken", _("Toestemming voor de opname ingetrokken")
    RETENTION = "bewaartermijn", _("Bewaartermijn na goedkeuring van het verslag verstreken")


# What the admin accepts as a recording: audio or video in the usual formats.
RECORDING_EXTENSIONS = frozenset({".m4a", ".mp3", ".wav", ".ogg", ".webm", ".mp4"})
RECORDING_ACCEPT = "audio/*,video/*," + ",".join(sorted(RECORDING_EXTENSIONS))
