from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PROGRAMMA = "programma", _("Programma")
    INTERVENTIE = "interventie", _("Interventie")
    INITIATIEF = "initiatief", _("Initiatief")
    PROJECT = "project", _("Project")
    BELEID = "beleid", _("Beleid")


class EffectivenessLevel(models.TextChoices):
    """How a databank of effective youth interventions rates the example (empty: not rated)."""

    GOED_ONDERBOUWD = "goed_onderbouwd", _("Goed onderbouwd")
    EERSTE_AANWIJZINGEN = "eerste_aanwijzingen", _("Effectief volgens eerste aanwijzingen")
    GOEDE_AANWIJZINGEN = "goede_aanwijzingen", _("Effectief volgens goede aanwijzingen")
    STERKE_AANWIJZINGEN = "sterke_aanwijzingen", _("Effectief volgens sterke aanwijzingen")


class Formality(models.TextChoices):
    """Informeel–formeel dimension of the quadrant."""

    INFORMEEL = "informeel", _("Informeel")
    FORMEEL = "formeel", _("Formeel")
    MIX = "mix", _("Mix van informeel en formeel")
    NONE = "none", _("Buiten het kwadrant")


class Scale(models.TextChoices):
    """Individueel–collectief dimension of the quadrant."""

    INDIVIDUEEL = "individueel", _("Individueel")
    COLLECTIEF = "collectief", _("Collectief")
    MIX = "mix", _("Mix van individueel en collectief")
    NONE = "none", _("Buiten het kwadrant")


class FormatSection(models.TextChoices):
    """Sections of the report's format that a quote can belong to."""

    NOTENDOP = "notendop", _("In een notendop")
    VERDIEPING = "verdieping", _("Verdieping")
    VOOR_WIE = "voor_wie", _("Voor wie?")
    DOOR_WIE = "door_wie", _("Door wie?")
    WAT_NODIG = "wat_nodig", _("Wat is er nodig?")
    ELEMENTEN = "elementen", _("Aanwezige elementen")
    WAT_WERKT = "wat_werkt", _("Wat werkt?")
    WAT_BETER = "wat_beter", _("Wat kan er nog beter?")


class SpeakerRole(models.TextChoices):
    VRIJWILLIGER = "vrijwilliger", _("Vrijwilliger")
    OUDER = "ouder", _("Ouder")
    JONGERE = "jongere", _("Jongere")
    COORDINATOR = "coordinator", _("Coördinator")
    PROFESSIONAL = "professional", _("Professional")
    BELEIDSADVISEUR = "beleidsadviseur", _("Beleidsadviseur")
    TRAINER = "trainer", _("Trainer")
    ANDERS = "anders", _("Anders")


class InterviewRole(models.TextChoices):
    """Role categories of the report's interview table, in its column order."""

    OUDER_JEUGDIGE = "ouder_jeugdige", _("Ouder/jeugdige")
    VRIJWILLIGER = "vrijwilliger", _("Vrijwilliger")
    PROFESSIONAL = "professional", _("Professional")
    COORDINATOR = "coordinator", _("Coördinator")
    BELEID = "beleid", _("Beleid")


class InterviewMode(models.TextChoices):
    FYSIEK = "fysiek", _("Fysiek")
    DIGITAAL = "digitaal", _("Digitaal")
    BEIDE = "beide", _("Fysiek en digitaal")


# The report: every example matches at least this many of the 8 elements.
ELEMENT_THRESHOLD = 5

AGE_MIN = 0
AGE_MAX = 30
