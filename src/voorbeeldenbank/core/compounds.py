"""Split Dutch compounds for search: "opvoedondersteuning" -> opvoeden + ondersteuning.

Dutch writes compounds as one word, so a text about "gezinsondersteuning" never matches a
search for "ondersteuning" by its lemmas alone. A word is split where both sides are words that
simplemma's Dutch dictionary knows, allowing the linking sounds Dutch puts between the parts
("gezin-s-ondersteuning", "kind-er-opvang", "boek-en-kast"). The head (right part) may itself be
a compound; the left part is taken as the longest known word, so "ouderbetrokkenheid" becomes
ouder + betrokkenheid rather than oud + ...
"""

from functools import lru_cache

import simplemma

MIN_WORD = 8  # shorter words are rarely compounds worth splitting
MIN_PART = 4
MIN_HEAD = 4
LINKING = ("s", "en", "e", "er", "n")
# Known words that make poor parts: they split real words into nonsense ("kind-eren").
UNSPLITTABLE_PARTS = frozenset({"eren", "ende", "ing", "ingen", "heid", "lijk", "teit", "atie"})
# A head may be a known word with one of these endings ("betrokken-heid"), which the dictionary
# often lacks as a whole.
DERIVING = ("heid", "heden", "ing", "ingen", "schap", "schappen")


# Words of this field that simplemma's dictionary lacks.
EXTRA_WORDS = frozenset({"armoede", "opvoed", "peuter", "puber", "mantelzorg", "nieuwkomer"})


def _known(word: str) -> bool:
    if len(word) < MIN_PART or word in UNSPLITTABLE_PARTS:
        return False
    return word in EXTRA_WORDS or simplemma.is_known(word, lang="nl")


def _left_forms(left: str) -> list[str]:
    """The left part as written, and without a linking sound."""
    forms = [left]
    for link in LINKING:
        if left.endswith(link) and len(left) - len(link) >= MIN_PART:
            forms.append(left[: -len(link)])
    return forms


def _known_head(head: str) -> bool:
    if _known(head):
        return True
    return any(
        head.endswith(ending) and _known(head[: -len(ending)]) and len(head) - len(ending) >= 4
        for ending in DERIVING
    )


@lru_cache(maxsize=50_000)
def split_compound(word: str) -> tuple[str, ...]:
    """The parts of a compound (at least two), or () when the word is not one we can split.

    A word that the dictionary knows as a whole is left alone: splitting known words mostly
    finds accidental parts ("kin-deren", "verschil-lende").
    """
    word = word.lower()
    if len(word) < MIN_WORD or not word.isalpha() or simplemma.is_known(word, lang="nl"):
        return ()
    # The longest left part first: it keeps whole words together.
    for cut in range(len(word) - MIN_HEAD, MIN_PART - 1, -1):
        left, head = word[:cut], word[cut:]
        left_word = next((form for form in _left_forms(left) if _known(form)), None)
        if left_word is None:
            continue
        if _known_head(head):
            return (left_word, head)
        head_parts = split_compound(head)
        if head_parts:
            return (left_word, *head_parts)
    return ()
