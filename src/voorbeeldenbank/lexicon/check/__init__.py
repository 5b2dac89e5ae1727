"""The language check: find lexicon words in any Dutch text and rate how easy it is to read.

Use `check_text(text)`; it builds the lexicon index on first use and again after any change
to the lexicon, the allowed names or the vision's elements (LexiconState's version), so a
published change applies to the next check.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from voorbeeldenbank.core.models import Element

from ..models import AllowedName, LexiconEntry, LexiconState
from .index import EntryInfo, LexiconIndex, build
from .matcher import scan
from .readability import Readability, count_sentences, flesch_douma

__all__ = ["CheckResult", "Finding", "Readability", "check_text", "get_index", "protected_phrases"]

_index: LexiconIndex | None = None


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    match: str
    term: str
    category: str
    category_label: str
    alternatives: list[str]
    explanation: str
    slug: str
    # No neutral word says the same: the finding explains and offers no replacement.
    advice_only: bool = False

    @property
    def replacements(self) -> list[str]:
        """The alternatives that may take the word's place in the text."""
        return [] if self.advice_only else list(self.alternatives)

    def as_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "match": self.match,
            "term": self.term,
            "category": self.category,
            "alternatives": list(self.alternatives),
            "explanation": self.explanation,
        }


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    readability: Readability | None = None
    # How many findings the whole text has; more than `findings` when they were capped.
    total: int = 0

    @property
    def truncated(self) -> bool:
        return self.total > len(self.findings)

    @property
    def truncated_message(self) -> str:
        """What the reader must know when not every finding is listed; "" when all are."""
        if not self.truncated:
            return ""
        return _(
            "De tekst heeft %(total)s woorden uit het lexicon. Alleen de eerste %(shown)s staan "
            "hier. Deel de tekst op om de rest te zien."
        ) % {"total": self.total, "shown": len(self.findings)}


def get_index() -> LexiconIndex:
    """The index for the current lexicon version, rebuilt when the lexicon changed."""
    global _index
    version = LexiconState.current_version()
    if _index is None or _index.version != version:
        rows = list(
            LexiconEntry.objects.values(
                "slug",
                "term",
                "category",
                "variants",
                "alternatives",
                "explanation",
                "match_compounds",
                "advice_only",
                "not_near",
            )
        )
        _index = build(version, rows, protected_phrases())
    return _index


def protected_phrases() -> list[str]:
    """What the check never reports: the vision's element titles, in the words the elements
    have now, and the allowed legal and institutional names."""
    phrases: list[str] = []
    for element in Element.objects.all():
        phrases += [element.title, element.short_title]
    phrases += AllowedName.objects.values_list("name", flat=True)
    return [phrase for phrase in phrases if phrase]


def _finding(text: str, start: int, end: int, entry: EntryInfo) -> Finding:
    return Finding(
        start=start,
        end=end,
        match=text[start:end],
        term=entry.term,
        category=entry.category,
        category_label=entry.category_label,
        alternatives=list(entry.alternatives),
        explanation=entry.explanation,
        slug=entry.slug,
        advice_only=entry.advice_only,
    )


def check_text(
    text: str, index: LexiconIndex | None = None, limit: int | None = None
) -> CheckResult:
    """Every lexicon word in the text (the first `limit`, if given), with its span, and the
    text's readability (always of the whole text)."""
    if not text or not text.strip():
        return CheckResult()
    result = scan(index or get_index(), text)
    hits = result.hits if limit is None else result.hits[:limit]
    findings = [_finding(text, hit.start, hit.end, hit.entry) for hit in hits]
    sentences = count_sentences(text) if result.words else 0
    return CheckResult(
        findings=findings,
        readability=flesch_douma(result.words, sentences, result.syllables),
        total=len(result.hits),
    )
