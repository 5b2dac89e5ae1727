from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    """Why a word can make an ordinary difficulty sound like a problem."""

    PROBLEMATISEREND = "problematiserend", _("Problematiserend")
    MEDICALISEREND = "medicaliserend", _("Medicaliserend")
    STIGMATISEREND = "stigmatiserend", _("Stigmatiserend")
    AFSTANDELIJK_JARGON = "afstandelijk_jargon", _("Afstandelijk jargon")
    LABELEND = "labelend", _("Labelend")


class ReadingLevel(models.TextChoices):
    """Bands of the Flesch-Douma score; B1 sits roughly at 60 and above."""

    ZEER_MAKKELIJK = "zeer_makkelijk", _("Zeer makkelijk")
    MAKKELIJK = "makkelijk", _("Makkelijk (B1)")
    GEMIDDELD = "gemiddeld", _("Gemiddeld (B2)")
    MOEILIJK = "moeilijk", _("Moeilijk")
    ZEER_MOEILIJK = "zeer_moeilijk", _("Zeer moeilijk")


# Lower bounds of the Flesch-Douma score per level, highest first.
READING_LEVEL_BOUNDS: tuple[tuple[float, ReadingLevel], ...] = (
    (80.0, ReadingLevel.ZEER_MAKKELIJK),
    (60.0, ReadingLevel.MAKKELIJK),
    (50.0, ReadingLevel.GEMIDDELD),
    (30.0, ReadingLevel.MOEILIJK),
    (float("-inf"), ReadingLevel.ZEER_MOEILIJK),
)
B1_TARGET_SCORE = 60.0
