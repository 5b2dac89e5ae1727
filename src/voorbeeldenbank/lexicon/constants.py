from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    """Why a word can make an ordinary difficulty sound like a problem."""

    PROBLEMATISEREND = "problematiserend", _("Problematiserend")
    MEDICALISEREND = "medicaliserend", _("Medicaliserend")
    STIGMATISEREND = "stigmatiserend", _("Stigmatiserend")
    AFSTANDELIJK_JARGON = "afstandelijk_jargon", _("Afstandelijk jargon")
    LABELEND = "labelend", _("Labelend")


# What each category means, for the lexicon page and the legend of the language check.
CATEGORY_EXPLANATIONS = {
    Category.PROBLEMATISEREND: _(
        "Het woord maakt van iets gewoons een probleem, zoals vragen over opvoeden of een "
        "moeilijke periode."
    ),
    Category.MEDICALISEREND: _(
        "Het woord komt uit de zorg of de geneeskunde en maakt van gewoon gedrag of gewone "
        "gevoelens iets medisch."
    ),
    Category.STIGMATISEREND: _(
        "Het woord zet mensen of buurten in een slecht daglicht. Wie zo genoemd wordt, voelt "
        "zich vaak afgewezen."
    ),
    Category.AFSTANDELIJK_JARGON: _(
        "Vaktaal van organisaties of de overheid. Ouders en jongeren begrijpen het vaak niet, "
        "of het maakt van mensen een dossier."
    ),
    Category.LABELEND: _(
        "Het woord maakt één kenmerk, zoals een diagnose of een situatie, tot de naam van een "
        "persoon."
    ),
}


def categories_explained() -> list[dict]:
    """Every category with its label and what it means, in the lexicon's order."""
    return [
        {"value": value, "label": label, "explanation": CATEGORY_EXPLANATIONS[Category(value)]}
        for value, label in Category.choices
    ]


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
