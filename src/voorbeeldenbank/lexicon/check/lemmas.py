"""Lemmas for the check: simplemma via core.text, plus this lexicon's own corrections."""

from functools import lru_cache

from voorbeeldenbank.core.text import lemma as core_lemma

from .forms import normalise

# simplemma gets these wrong for the lexicon (it reads them as forms of a shorter word), or the
# lexicon needs them kept apart: a verb about a topic is not the noun about a person.
LEMMA_OVERRIDES: dict[str, str] = {
    "behandelen": "behandelen",
    "behandeld": "behandelen",
    "behandelt": "behandelen",
    "behandelde": "behandelen",
    "behandelden": "behandelen",
    "hulpverleners": "hulpverlener",
    "zorgverleners": "zorgverlener",
    "escaleerde": "escaleren",
    "escaleerden": "escaleren",
    "escaleert": "escaleren",
    "geescaleerd": "escaleren",
    "autistische": "autistisch",
    "gehandicapten": "gehandicapte",
    "verslaafden": "verslaafde",
    "jongeren": "jongere",
}

# Words that look like a form of a term but are ordinary Dutch words of their own.
NEVER_MATCH: frozenset[str] = frozenset(
    {
        "kindertijd",
        "behulp",
        "patientie",
        "casusje",
    }
)


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The normalised lemma of a normalised word."""
    if word in LEMMA_OVERRIDES:
        return LEMMA_OVERRIDES[word]
    return normalise(core_lemma(word))
