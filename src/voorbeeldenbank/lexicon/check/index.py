"""The in-memory index of the lexicon: built once per lexicon version, shared by every check.

Lookup order for one word: its exact form (including the generated plurals and diminutives)
→ its lemma (simplemma with overrides; verb forms) → a compound whose last part is a term
("gedragsstoornissen") or whose first part is a listed stem ("behandel-traject").
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import simplemma

from ..constants import Category
from ..models import split_lines
from .forms import inflections, normalise
from .lemmas import NEVER_MATCH, lemma
from .readability import syllables

MIN_TAIL = 4  # shorter terms would turn up inside too many unrelated compounds
MIN_HEAD = 3
# First parts that make a derived word, not a compound: "ver" + "hulp" is not about "hulp".
NON_COMPOUND_HEADS = frozenset({"ver", "ont", "her", "mis", "be", "ge", "on", "er"})
# What may follow a stem without making a new word: "behandel" + "ende" is the verb.
INFLECTION_ENDINGS = frozenset(
    {"end", "ende", "enden", "den", "ten", "ing", "ingen", "ers", "jes", "tje", "tjes"}
)
MEMO_LIMIT = 500_000


@dataclass(frozen=True)
class EntryInfo:
    slug: str
    term: str
    category: str
    alternatives: tuple[str, ...]
    explanation: str
    match_compounds: bool

    @property
    def category_label(self) -> str:
        return str(Category(self.category).label)


@dataclass(frozen=True)
class Phrase:
    entry: EntryInfo
    rest: tuple[frozenset[str], ...]  # the forms allowed for each word after the first


@dataclass
class WordInfo:
    entry: EntryInfo | None
    weight: int
    normalised: str
    syllables: int


@dataclass
class LexiconIndex:
    version: int
    surface: dict[str, EntryInfo] = field(default_factory=dict)
    lemmas: dict[str, EntryInfo] = field(default_factory=dict)
    tails: dict[str, EntryInfo] = field(default_factory=dict)
    stems: dict[str, EntryInfo] = field(default_factory=dict)
    phrases: dict[str, list[Phrase]] = field(default_factory=dict)
    memo: dict[str, WordInfo] = field(default_factory=dict)

    def add(self, info: EntryInfo, forms: list[str]) -> None:
        explicit = [normalise(form) for form in forms if not form.endswith("-")]
        for form in forms:
            if form.endswith("-") and len(form) > MIN_HEAD + 1:
                self.stems.setdefault(normalise(form[:-1]), info)
        for original, form in zip([f for f in forms if not f.endswith("-")], explicit, strict=True):
            if " " in original.strip():
                self._add_phrase(info, original)
                continue
            self.surface[form] = info  # an explicit form beats a generated one
            # A word reaches an entry through its lemma only if the entry lists that lemma:
            # "gestoord" is listed, its verb "storen" ("het weer stoorde") is not.
            self.lemmas.setdefault(form, info)
        for form in explicit:
            if " " in form:
                continue
            for generated in inflections(form):
                self.surface.setdefault(generated, info)
                if info.match_compounds and len(generated) >= MIN_TAIL:
                    self.tails.setdefault(generated, info)

    def _add_phrase(self, info: EntryInfo, text: str) -> None:
        words = [normalise(word) for word in text.split()]
        sets = [frozenset(inflections(word)) for word in words]
        phrase = Phrase(entry=info, rest=tuple(sets[1:]))
        for first in sets[0]:
            self.phrases.setdefault(first, []).append(phrase)

    def lookup(self, word: str) -> tuple[EntryInfo | None, int]:
        """The entry a normalised word belongs to, and how many letters of it matched."""
        if word in NEVER_MATCH or len(word) < 2:
            return None, 0
        hit = self.surface.get(word)
        if hit is None:
            hit = self.lemmas.get(lemma(word))
        if hit is not None:
            return hit, len(word)
        return self._compound(word)

    def _compound(self, word: str) -> tuple[EntryInfo | None, int]:
        best: EntryInfo | None = None
        best_length = 0
        size = len(word)
        for cut in range(MIN_HEAD, size - MIN_TAIL + 1):
            tail = self.tails.get(word[cut:])
            if tail is not None and word[:cut] not in NON_COMPOUND_HEADS:
                best, best_length = tail, size - cut
                break
        for cut in range(size - MIN_HEAD, MIN_HEAD - 1, -1):
            if cut <= best_length:
                break
            stem = self.stems.get(word[:cut])
            if stem is not None and _is_new_word(word[cut:]):
                best, best_length = stem, cut
                break
        return best, best_length

    def word(self, raw: str) -> WordInfo:
        info = self.memo.get(raw)
        if info is not None:
            return info
        normalised = normalise(raw)
        entry, weight = self.lookup(normalised)
        if entry is None and "-" in raw:
            # In "ex-patiënt" the last part carries the meaning.
            entry, weight = self.lookup(normalise(raw.rsplit("-", 1)[1]))
            if entry is not None and not entry.match_compounds:
                entry, weight = None, 0
        info = WordInfo(entry=entry, weight=weight, normalised=normalised, syllables=syllables(raw))
        if len(self.memo) >= MEMO_LIMIT:
            self.memo.clear()
        self.memo[raw] = info
        return info


def _is_new_word(rest: str) -> bool:
    if len(rest) < 3 or rest in INFLECTION_ENDINGS:
        return False
    return len(rest) >= 6 or simplemma.is_known(rest, lang="nl")


def build(version: int, rows: Iterable[Mapping[str, Any]]) -> LexiconIndex:
    """An index of entries given as dicts with the LexiconEntry field names."""
    index = LexiconIndex(version=version)
    # Longer terms first, so that where two entries share a form the more specific one wins.
    for row in sorted(rows, key=lambda row: -len(row["term"])):
        info = EntryInfo(
            slug=row["slug"],
            term=row["term"],
            category=row["category"],
            alternatives=tuple(split_lines(row["alternatives"])),
            explanation=row["explanation"],
            match_compounds=row["match_compounds"],
        )
        index.add(info, [row["term"], *split_lines(row["variants"])])
    return index
