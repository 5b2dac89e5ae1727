"""Regular Dutch word forms of a lexicon term: plurals, diminutives and inflected adjectives.

The check looks words up in a dictionary of forms, so it generates them once per lexicon
version. Over-generating is harmless (a form that is not Dutch never occurs in a text); verb
forms and irregular plurals come from the lemmatiser and from the entry's own variants.
"""

import unicodedata

VOWELS = frozenset("aeiouy")
LONG_VOWELS = ("aa", "ee", "oo", "uu")
# A voiced consonant appears before a vowel ending: "brief" -> "brieven", "huis" -> "huizen".
VOICING = {"f": "v", "s": "z"}


def normalise(form: str) -> str:
    """Lowercase, accents off, curly apostrophes straight, hyphens out: the key for lookups."""
    decomposed = unicodedata.normalize("NFKD", form.lower().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("-", "")


def _stems_before_vowel(word: str) -> set[str]:
    """The stem a vowel-initial ending attaches to: undoubled, doubled or voiced."""
    stems = {word}
    if len(word) < 3:
        return stems
    last, before, third = word[-1], word[-2], word[-3]
    if last not in VOWELS:
        if word[-3:-1] in LONG_VOWELS:
            stems.add(word[:-2] + word[-1])  # probleem -> problem(en)
            if last in VOICING:
                stems.add(word[:-2] + VOICING[last])  # kwetsbaar is regular; "huis" style
        elif before in VOWELS and third not in VOWELS:
            stems.add(word + last)  # gezin -> gezinn(en), stoornis -> stoorniss(en)
        if last in VOICING:
            stems.add(word[:-1] + VOICING[last])
    return stems


def inflections(word: str) -> set[str]:
    """Plural, diminutive and adjective forms of one word (already normalised)."""
    if not word.isalpha() or len(word) < 3:
        return {word}
    forms = {word}
    last = word[-1]
    if last in VOWELS:
        forms |= {word + "s", word + "'s", word + "n"}
        forms |= {word + "tje", word + "tjes"}
        if last == "e":
            forms |= {word + "r", word + "n"}
        return forms
    for stem in _stems_before_vowel(word):
        forms |= {stem + "en", stem + "e", stem + "er", stem + "ers"}
        forms |= {stem + "etje", stem + "etjes"}
    forms |= {word + "s", word + "je", word + "jes", word + "tje", word + "tjes"}
    forms |= {word + "pje", word + "pjes"}
    return forms
