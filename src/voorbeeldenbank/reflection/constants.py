from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    INFORMEEL = "informeel", _("Informeel (vrijwilligers, buurt, ouders)")
    FORMEEL = "formeel", _("Formeel (zorg, onderwijs, welzijn)")
    BELEID = "beleid", _("Beleid (gemeente)")


# The answer scale: how often the statement is true in the team's work. "Weet niet" is kept
# apart (value None), so it never pulls an average down or up.
SCALE = (
    (1, _("nooit")),
    (2, _("soms")),
    (3, _("regelmatig")),
    (4, _("vaak")),
    (5, _("altijd")),
)
DONT_KNOW = "x"
DONT_KNOW_LABEL = _("weet niet")

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L
CODE_LENGTH = 6

# The team chooses at most this many elements to grow in.
MAX_FOCUS_ELEMENTS = 3
# Sessions that must contribute before the cross-session overview is shown.
AGGREGATE_MIN_SESSIONS = 5
NOTE_MAX_LENGTH = 1000
