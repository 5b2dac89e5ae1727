"""Matching names that the caller knows: a project's people, and the bank's places and
organisations.

A known person is matched in full, by first name, by surname (with or without its particles),
with initials ("A. de Wit") and in the possessive ("Anouks", "Anouk's"). Every form points back to
the full name, so that the mapping gives all of them one tag.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .categories import Category
from .patterns import SP, Candidate
from .protected import is_protected

PARTICLES = {
    "van",
    "de",
    "der",
    "den",
    "het",
    "'t",
    "ter",
    "ten",
    "te",
    "in",
    "op",
    "la",
    "le",
    "du",
}
POSSESSIVE = r"(?:'s|’s|s|')?"


@dataclass(frozen=True)
class KnownMatch:
    candidate: Candidate
    canonical: str


def _words(name: str) -> list[str]:
    return name.split()


def _phrase(words: list[str]) -> str:
    return f"{SP}+".join(re.escape(word) for word in words)


def person_forms(name: str) -> list[tuple[str, bool]]:
    """(regex, case_sensitive) for every form of one known name."""
    words = _words(name)
    if not words:
        return []
    forms: list[tuple[str, bool]] = [(_phrase(words), False)]
    if len(words) == 1:
        return [(_phrase(words), True)]
    first, rest = words[0], words[1:]
    forms.append((_phrase([first]), True))
    surname_core = [word for word in rest if word.lower() not in PARTICLES]
    if rest:
        # "de Wit", "De Wit", and the surname without particles ("Wit") when it is capitalised.
        forms.append((_phrase(rest), False))
        if surname_core and surname_core != rest and len(surname_core[-1]) > 2:
            forms.append((_phrase(surname_core), True))
        initials = rf"(?:[A-Z]\.{SP}?)+"
        forms.append((initials + _phrase(rest), False))
    return forms


def organisation_forms(name: str) -> list[str]:
    """ "Home-Start Nederland" is also "Home-Start"; "SOL (Leiden)" also "SOL"; "Stichting JESS"
    also "JESS"."""
    forms = [name]
    short = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
    short = re.sub(r"\s+(?:Nederland|NL)$", "", short)
    forms.append(short)
    without_kind = re.sub(r"^(?:Stichting|Vereniging|Gemeente)\s+", "", short)
    if without_kind != short and len(without_kind) > 2:
        forms.append(without_kind)
    return list(dict.fromkeys(form for form in forms if form))


def _compile(form: str, case_sensitive: bool) -> re.Pattern[str]:
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){form}{POSSESSIVE}(?![\w-])", flags)


class Gazetteer:
    """Compiled patterns for the known names, places and organisations of one call."""

    def __init__(
        self,
        known_names: Iterable[str] = (),
        places: Iterable[str] = (),
        organisations: Iterable[str] = (),
    ) -> None:
        self.patterns: list[tuple[re.Pattern[str], Category, str]] = []
        first_names: dict[str, int] = {}
        names = [" ".join(_words(name)) for name in known_names if name.strip()]
        for name in names:
            first_names[_words(name)[0].casefold()] = (
                first_names.get(_words(name)[0].casefold(), 0) + 1
            )
        for name in names:
            for index, (form, case_sensitive) in enumerate(person_forms(name)):
                # A first name shared by two known people cannot say which of them is meant.
                canonical = name
                if index == 1 and first_names[_words(name)[0].casefold()] > 1:
                    canonical = _words(name)[0]
                self.patterns.append((_compile(form, case_sensitive), Category.PERSOON, canonical))
        for entries, category in ((places, Category.LOCATIE), (organisations, Category.INSTELLING)):
            for entry in entries:
                forms = organisation_forms(entry) if category is Category.INSTELLING else [entry]
                for form in forms:
                    words = _words(form)
                    if words and (form == entry or not is_protected(form)):
                        pattern = re.compile(rf"(?<![\w-]){_phrase(words)}(?![\w-])")
                        self.patterns.append((pattern, category, " ".join(_words(entry))))

    def find(self, text: str) -> list[KnownMatch]:
        found = []
        for pattern, category, canonical in self.patterns:
            priority = 5 if category is Category.PERSOON else 4
            for match in pattern.finditer(text):
                candidate = Candidate(match.start(), match.end(), category, priority)
                found.append(KnownMatch(candidate, canonical))
        return found
