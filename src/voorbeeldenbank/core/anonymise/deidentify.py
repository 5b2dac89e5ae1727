"""Replace the identifying spans of a text by tags such as [PERSOON-1]."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypedDict

from . import context
from .categories import DEDUCE_TAGS, Category
from .engine import get_deduce
from .mapping import TITLES, Mapping
from .names import Gazetteer
from .patterns import ADDRESS, POSTCODE, SP, Candidate, find
from .protected import is_protected, leading_role

DEDUCE_PRIORITY = 1
NAMED = (Category.PERSOON, Category.LOCATIE, Category.INSTELLING)
# "tussen de 4 en 12 jaar", "van 16 tot 27 jaar": the ages of a group, not of a person.
AGE_RANGE = re.compile(
    rf"(?:tussen{SP}(?:de{SP})?\d{{1,3}}{SP}en|van{SP}\d{{1,3}}{SP}tot(?:{SP}en{SP}met)?|\d{{1,3}}{SP}?-){SP}?"
    rf"(?P<age>\d{{1,3}}(?:{SP}jaar)?)"
)


class SpanDict(TypedDict):
    start: int
    end: int
    category: str
    original: str
    tag: str


@dataclass(frozen=True)
class Span:
    """One replaced part: offsets into the original text, so a review screen can show both."""

    start: int
    end: int
    category: Category
    original: str
    tag: str

    def to_dict(self) -> SpanDict:
        return {
            "start": self.start,
            "end": self.end,
            "category": self.category.value,
            "original": self.original,
            "tag": self.tag,
        }


@dataclass
class Result:
    text: str
    spans: list[Span] = field(default_factory=list)


def _deduce_candidates(text: str) -> list[Candidate]:
    found = []
    for annotation in get_deduce().deidentify(text).annotations:
        category = DEDUCE_TAGS.get(annotation.tag)
        start, end = int(annotation.start_char), int(annotation.end_char)
        original = text[start:end]
        if category is None or category is Category.BSN or "\n" in original:
            continue
        if category in NAMED and (
            not any(char.isupper() for char in original) or is_protected(original)
        ):
            continue
        if category is Category.PERSOON:
            title = TITLES.match(original)
            if title:
                start += title.end()
            start += leading_role(text[start:end])
            tail = context.POSSESSIVE_TAIL.match(text, end)
            if tail:
                end = tail.end()
        if category is Category.LOCATIE:
            if POSTCODE.fullmatch(original.strip()):
                category = Category.POSTCODE
            elif ADDRESS.fullmatch(original.strip()) or original.rstrip()[-1:].isdigit():
                category = Category.ADRES
        if start < end:
            found.append(Candidate(start, end, category, DEDUCE_PRIORITY))
    return found


def _remainder(candidate: Candidate, kept: list[Candidate], text: str) -> Candidate | None:
    """The longest part of `candidate` outside the kept spans, if it can still be a name."""
    pieces = [(candidate.start, candidate.end)]
    for other in kept:
        pieces = [
            part
            for start, end in pieces
            for part in ((start, min(end, other.start)), (max(start, other.end), end))
            if part[0] < part[1]
        ]
    best: tuple[int, int] | None = None
    for start, end in pieces:
        piece = text[start:end]
        stripped = piece.strip(" \t-,.;:()")
        # Particles and punctuation left at the edges of a cut name are not part of it.
        stripped = re.sub(r"^(?:(?:van|de|der|den|het|in|bij|op|en)\s+)+", "", stripped)
        stripped = re.sub(r"(?:\s+(?:van|de|der|den|het|in|bij|op|en))+$", "", stripped)
        if len(stripped) < 2 or (candidate.category in NAMED and not stripped[0].isupper()):
            continue
        offset = start + piece.index(stripped)
        if best is None or len(stripped) > best[1] - best[0]:
            best = (offset, offset + len(stripped))
    if best is None or is_protected(text[best[0] : best[1]]):
        return None
    return Candidate(best[0], best[1], candidate.category, candidate.priority)


def _resolve(candidates: Iterable[Candidate], text: str) -> list[Candidate]:
    """Highest priority first, then the longest; a candidate that overlaps a kept one keeps only
    its longest part outside them (a name that deduce ran into an organisation stays a name)."""
    kept: list[Candidate] = []
    ordered = sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    for candidate in ordered:
        if all(candidate.end <= other.start or candidate.start >= other.end for other in kept):
            kept.append(candidate)
        elif candidate.priority <= DEDUCE_PRIORITY:
            rest = _remainder(candidate, kept, text)
            if rest is not None:
                kept.append(rest)
    return sorted(kept, key=lambda c: c.start)


def _group_ages(text: str) -> list[tuple[int, int]]:
    return [(m.start("age"), m.end("age")) for m in AGE_RANGE.finditer(text)]


def anonymise(
    text: str,
    known_names: Iterable[str] = (),
    mapping: Mapping | None = None,
    places: Iterable[str] = (),
    organisations: Iterable[str] = (),
    use_deduce: bool = True,
) -> Result:
    """De-identify `text`; one `mapping` passed to several calls keeps their tags the same."""
    mapping = mapping if mapping is not None else Mapping()
    known = Gazetteer(known_names, places, organisations).find(text)
    canonical = {match.candidate: match.canonical for match in known}
    candidates = find(text) + context.find(text) + [match.candidate for match in known]
    if use_deduce:
        candidates += _deduce_candidates(text)
    groups = _group_ages(text)
    candidates = [
        c
        for c in candidates
        if c.category is not Category.LEEFTIJD
        or not any(start <= c.start < end for start, end in groups)
    ]
    parts: list[str] = []
    spans: list[Span] = []
    position = 0
    for candidate in _resolve(candidates, text):
        original = text[candidate.start : candidate.end]
        tag = mapping.tag(candidate.category, canonical.get(candidate, original))
        spans.append(Span(candidate.start, candidate.end, candidate.category, original, tag))
        parts += [text[position : candidate.start], tag]
        position = candidate.end
    parts.append(text[position:])
    return Result("".join(parts), spans)
