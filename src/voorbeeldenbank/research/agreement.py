"""Agreement between two coders: Cohen's kappa per code, over the sentences of the text.

The unit is a sentence of the de-identified text. Coder A "gives" a code to a sentence when one
of A's segments with that code overlaps the sentence by at least one character. Per code this
makes a 2×2 table over the sentences (A yes/no × B yes/no), and kappa follows from it. The
overall figure pools the tables of all codes (units are sentence × code pairs). Sentences are
taken rather than characters because coders rarely pick the same first and last character of a
passage, and characters outside any passage would make the chance agreement look near perfect.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model

from .models import Code, Segment, VerslagVersion

# A sentence ends at . ! or ? followed by white space, or at a line break.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the text's sentences, white space between them left out."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


@dataclass
class Table:
    """Counts of units: both coders gave the code, only A, only B, neither."""

    both: int = 0
    only_a: int = 0
    only_b: int = 0
    neither: int = 0

    def add(self, a: bool, b: bool) -> None:
        if a and b:
            self.both += 1
        elif a:
            self.only_a += 1
        elif b:
            self.only_b += 1
        else:
            self.neither += 1

    def __iadd__(self, other: Table) -> Table:
        self.both += other.both
        self.only_a += other.only_a
        self.only_b += other.only_b
        self.neither += other.neither
        return self

    @property
    def n(self) -> int:
        return self.both + self.only_a + self.only_b + self.neither

    @property
    def observed(self) -> float | None:
        return (self.both + self.neither) / self.n if self.n else None

    @property
    def expected(self) -> float | None:
        if not self.n:
            return None
        a_yes = (self.both + self.only_a) / self.n
        b_yes = (self.both + self.only_b) / self.n
        return a_yes * b_yes + (1 - a_yes) * (1 - b_yes)

    @property
    def kappa(self) -> float | None:
        """Cohen's kappa; None when chance agreement is already complete (nobody or everybody
        gave the code), where kappa is not defined."""
        observed, expected = self.observed, self.expected
        if observed is None or expected is None or expected >= 1:
            return None
        return (observed - expected) / (1 - expected)


@dataclass
class Agreement:
    coder_a: Any
    coder_b: Any
    versions: list[VerslagVersion] = field(default_factory=list)
    per_code: list[tuple[Code, Table]] = field(default_factory=list)
    overall: Table = field(default_factory=Table)


def _marks(segments: Iterable[Segment], spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """(sentence index, code id) pairs that the segments touch."""
    marks: set[tuple[int, int]] = set()
    for segment in segments:
        for index, (start, end) in enumerate(spans):
            if segment.start < end and start < segment.end:
                marks.add((index, segment.code_id))
    return marks


def version_tables(
    version: VerslagVersion, coder_a: Any, coder_b: Any, codes: list[Code]
) -> dict[int, Table]:
    spans = sentences(version.anonymised_text)
    active = list(version.segments.filter(removed_at__isnull=True))
    marks_a = _marks((s for s in active if s.coder_id == coder_a.pk), spans)
    marks_b = _marks((s for s in active if s.coder_id == coder_b.pk), spans)
    tables: dict[int, Table] = {}
    for code in codes:
        table = Table()
        for index in range(len(spans)):
            table.add((index, code.pk) in marks_a, (index, code.pk) in marks_b)
        tables[code.pk] = table
    return tables


def project_agreement(project: Any, coder_a: Any, coder_b: Any) -> Agreement:
    """Kappa per code over every codable version of the project that both coders coded."""
    result = Agreement(coder_a, coder_b)
    coded = VerslagVersion.objects.codable().filter(verslag__interview__project=project)
    for user in (coder_a, coder_b):
        coded = coded.filter(segments__coder=user, segments__removed_at__isnull=True)
    result.versions = list(coded.distinct().order_by("pk"))
    codes = list(project.codes.all())
    totals = {code.pk: Table() for code in codes}
    for version in result.versions:
        for code_id, table in version_tables(version, coder_a, coder_b, codes).items():
            totals[code_id] += table
    for code in codes:
        result.per_code.append((code, totals[code.pk]))
        result.overall += totals[code.pk]
    return result


def coders(project: Any) -> Any:
    """Users with at least one segment in the project, for the choice of the two coders."""
    return (
        get_user_model()
        .objects.filter(
            pk__in=Segment.objects.filter(code__project=project, removed_at__isnull=True).values(
                "coder"
            )
        )
        .order_by("username")
    )
