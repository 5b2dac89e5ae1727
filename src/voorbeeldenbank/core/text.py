"""Dutch text normalisation for search: tokens, lemmas and the project's overrides."""

import re
import unicodedata
from functools import lru_cache

import simplemma

TOKEN_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)

# simplemma gets these wrong for our domain ("jongeren" -> "jong").
LEMMA_OVERRIDES: dict[str, str] = {
    "jongeren": "jongere",
    "jongere": "jongere",
    "jeugdigen": "jeugdige",
    "jeugdige": "jeugdige",
    "ouderen": "oudere",
    "vrijwilligers": "vrijwilliger",
    "coördinatoren": "coördinator",
    "coordinatoren": "coördinator",
    "professionals": "professional",
    "maatjes": "maatje",
    "gemeenten": "gemeente",
    "gemeentes": "gemeente",
    # simplemma reads these as verbs or adjectives ("ouder" -> "oud", "peuter" -> "peuteren").
    "ouder": "ouder",
    "peuter": "peuter",
}

# simplemma leaves compounds alone; a compound is lemmatised through its inflected head
# ("steungezinnen" -> "steungezin"). Longest heads first.
COMPOUND_HEADS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {
            "gezinnen": "gezin",
            "kinderen": "kind",
            "jongeren": "jongere",
            "ouders": "ouder",
            "moeders": "moeder",
            "vaders": "vader",
            "vrijwilligers": "vrijwilliger",
            "scholen": "school",
            "klachten": "klacht",
            "maatjes": "maatje",
            "trajecten": "traject",
            "groepen": "groep",
            "gesprekken": "gesprek",
        }.items(),
        key=lambda item: -len(item[0]),
    )
)

STOPWORDS = frozenset(
    "de het een en of in op aan van voor met door bij naar om te tot uit als dat die "
    "dit deze is zijn was waren wordt worden er ook niet geen wel nog maar dan zo "
    "hun hen hij zij ze we wij je jij u ik mij me ons onze haar hem wat wie waar hoe "
    "al meer veel".split()
)


def fold(text: str) -> str:
    """Lowercase and strip accents so 'coördinator' and 'coordinator' meet."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def tokenize(text: str) -> list[str]:
    return [match.group(0).lower() for match in TOKEN_RE.finditer(text)]


@lru_cache(maxsize=100_000)
def lemma(token: str) -> str:
    token = token.lower()
    if token in LEMMA_OVERRIDES:
        return fold(LEMMA_OVERRIDES[token])
    result = simplemma.lemmatize(token, lang="nl").lower()
    if result == token:
        for head, head_lemma in COMPOUND_HEADS:
            if token.endswith(head) and len(token) > len(head) + 2:
                result = token[: -len(head)] + head_lemma
                break
    return fold(result)


def lemmas(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """Return the lemmas of a text in order, without stopwords."""
    return [
        lemma(token)
        for token in tokenize(text)
        if keep_stopwords or (token not in STOPWORDS and len(token) > 1)
    ]
