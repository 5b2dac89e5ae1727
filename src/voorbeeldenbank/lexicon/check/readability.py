"""Flesch-Douma, the Dutch version of the Flesch reading ease, with a plain-language level."""

import re
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ..constants import B1_TARGET_SCORE, READING_LEVEL_BOUNDS, ReadingLevel

# A sentence ends at . ! ? or … followed by space, a closing quote or the end; a blank line
# (a heading or a list item without a full stop) also ends one.
SENTENCE_END = re.compile(r"[.!?…]+(?=[\s\"'”’)\]]|\Z)|\n\s*\n")
# Dutch vowel groups such as aa, ie, ui and ooi count as one syllable; a diaeresis
# (beïnvloeden, patiënt) starts a new one.
VOWEL_GROUP = re.compile(r"[äëïöü][aeiouyáéíóúàèâêîôû]*|[aeiouyáéíóúàèâêîôû]+")
WORD_CHAR = re.compile(r"[^\W_]")

LEVEL_EXPLANATIONS = {
    ReadingLevel.ZEER_MAKKELIJK: _("Heel makkelijk te lezen. Bijna iedereen begrijpt deze tekst."),
    ReadingLevel.MAKKELIJK: _(
        "Makkelijk te lezen. Dit is ongeveer taalniveau B1: de meeste mensen begrijpen het."
    ),
    ReadingLevel.GEMIDDELD: _(
        "Iets te moeilijk voor B1. Maak zinnen korter en kies kortere woorden."
    ),
    ReadingLevel.MOEILIJK: _(
        "Moeilijk te lezen. Veel mensen haken af. Gebruik kortere zinnen en gewone woorden."
    ),
    ReadingLevel.ZEER_MOEILIJK: _(
        "Heel moeilijk te lezen. Deel lange zinnen op en vervang lange of vakwoorden."
    ),
}


@dataclass(frozen=True)
class Readability:
    score: float
    level: str
    label: str | Promise
    explanation: str | Promise
    meets_b1: bool
    words: int
    sentences: int


def syllables(word: str) -> int:
    return max(1, len(VOWEL_GROUP.findall(word.lower())))


def count_sentences(text: str) -> int:
    return sum(1 for part in SENTENCE_END.split(text) if WORD_CHAR.search(part))


def level_for(score: float) -> ReadingLevel:
    for bound, level in READING_LEVEL_BOUNDS:
        if score >= bound:
            return level
    return ReadingLevel.ZEER_MOEILIJK  # pragma: no cover - the last bound is -inf


def flesch_douma(words: int, sentences: int, syllable_total: int) -> Readability | None:
    """Score = 206.835 − 0.93 × words per sentence − 77 × syllables per word."""
    if words == 0:
        return None
    sentences = max(1, sentences)
    score = round(206.835 - 0.93 * (words / sentences) - 77 * (syllable_total / words), 1)
    level = level_for(score)
    return Readability(
        score=score,
        level=level.value,
        label=level.label,
        explanation=LEVEL_EXPLANATIONS[level],
        meets_b1=score >= B1_TARGET_SCORE,
        words=words,
        sentences=sentences,
    )
