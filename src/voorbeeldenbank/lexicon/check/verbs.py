"""Verb forms of a lexicon verb: the regular conjugation and separable verbs.

simplemma knows most forms ("doorverwezen" -> "doorverwijzen"), but not every verb in the
lexicon; the regular forms are generated here so that "gescreend" or "toegeleid" need not be
listed. Over-generating is harmless: a form that is not Dutch never occurs in a text.
A separable verb ("doorverwijzen") is also written apart in a main clause ("we verwijzen het
gezin door"); `separable` tells the matcher which finite verb to follow to which particle.
"""

from functools import lru_cache

import simplemma

from .forms import LONG_VOWELS, VOWELS

# Particles that split off a verb in a main clause. "be-", "ver-", "ont-" never do.
PARTICLES = ("door", "terug", "samen", "toe", "af", "op", "uit", "in", "aan", "mee", "weg", "bij")
# Prefixes that take no "ge-" in the participle: "behandeld", "verwezen".
UNSTRESSED_PREFIXES = ("be", "ge", "her", "ont", "ver", "er")
# 't kofschip: after these the past tense takes -te and the participle -t.
VOICELESS = frozenset("tkfschpx")
DEVOICING = {"z": "s", "v": "f"}


@lru_cache(maxsize=4096)
def is_verb(word: str) -> bool:
    """Whether a normalised word is probably an infinitive (not a plural such as 'diagnosen')."""
    if not word.endswith("en") or len(word) < 6 or not word.isalpha():
        return False
    if simplemma.lemmatize(word, lang="nl") == word or not simplemma.is_known(word, lang="nl"):
        return True
    # simplemma reads some infinitives as plurals ("monitoren" -> "monitor"); its verb forms
    # still lead back to them: "monitort" -> "monitoren".
    return any(simplemma.lemmatize(stem + "t", lang="nl") == word for stem in stems(word))


def stems(infinitive: str) -> set[str]:
    """The stem(s) of an infinitive; where stress decides ("behandel" or "behandeel"), both."""
    root = infinitive[:-2]
    if len(root) < 2:
        return {root}
    last, before = root[-1], root[-2]
    if last == before and last not in VOWELS:
        return {root[:-1]}  # zeggen -> zeg
    found = {root}
    if last not in VOWELS and before in VOWELS and root[-3:-1] not in LONG_VOWELS:
        third = root[-3] if len(root) > 2 else ""
        if third not in VOWELS:
            found.add(root[:-1] + before + last)  # schalen -> schaal, escaleren -> escaleer
    return {stem[:-1] + DEVOICING.get(stem[-1], stem[-1]) for stem in found}


def _participle(prefix: str, stem: str, voiceless: bool) -> str:
    if stem.endswith(("d", "t")):
        return prefix + stem
    return prefix + stem + ("t" if voiceless else "d")


def conjugate(infinitive: str, particle: str = "") -> set[str]:
    """Present, past, participle and participle as adjective of a regular verb."""
    base = infinitive[len(particle) :]
    root_last = base[-3] if len(base) > 2 else ""
    voiceless = root_last in VOICELESS
    ge = "" if base.startswith(UNSTRESSED_PREFIXES) else "ge"
    forms = {infinitive}
    for stem in stems(base):
        past = "te" if voiceless else "de"
        participle = _participle(particle + ge, stem, voiceless)
        forms |= {particle + stem, particle + stem + "t", particle + stem + past}
        forms |= {particle + stem + past + "n", participle, participle + "e"}
    # No present participle: "de behandelende arts" is about a doctor, not about the child.
    return forms


@lru_cache(maxsize=4096)
def separable(infinitive: str) -> tuple[str, str] | None:
    """(particle, base verb) for a separable verb: 'doorverwijzen' -> ('door', 'verwijzen')."""
    for particle in PARTICLES:
        base = infinitive[len(particle) :]
        if (
            infinitive.startswith(particle)
            and len(base) >= 5
            and base.endswith("en")
            and simplemma.is_known(base, lang="nl")
        ):
            return particle, base
    return None


def verb_forms(infinitive: str) -> set[str]:
    """Every joined form of a verb: 'doorverwijzen' also gives 'doorverwijst', 'doorgeleid'."""
    parts = separable(infinitive)
    return conjugate(infinitive, parts[0] if parts else "")


def finite_forms(base: str) -> set[str]:
    """Forms of a base verb that stand first in a main clause: 'verwijst', 'leidde'."""
    stems_found = stems(base)
    voiceless = (base[-3] if len(base) > 2 else "") in VOICELESS
    past = "te" if voiceless else "de"
    forms = {base}
    for stem in stems_found:
        forms |= {stem, stem + "t", stem + past, stem + past + "n"}
    return forms
