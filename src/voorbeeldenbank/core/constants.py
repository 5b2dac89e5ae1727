"""Constants shared by every app: the vision's element keys and e-mail delivery states.

The element keys are the vision's eight elements in the report's order. Titles and
explanations are editable (the Element snippet); the keys are not: the format of an example,
the submission form and the Word template refer to elements by these keys.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

ELEMENT_KEYS = (
    "twijfels_normaal",
    "steun_informeel",
    "toegang_laagdrempelig",
    "gelijkwaardigheid",
    "vraag_leidend",
    "brede_context",
    "positieve_zaken",
    "niet_problematiseren",
)


class EmailStatus(models.TextChoices):
    QUEUED = "queued", _("In de wachtrij")
    SENDING = "sending", _("Wordt verstuurd")
    RETRYING = "retrying", _("Nieuwe poging gepland")
    SENT = "sent", _("Afgeleverd")
    FAILED = "failed", _("Niet afgeleverd")
