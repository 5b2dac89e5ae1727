"""The in-memory index of the lexicon: built once per lexicon version, shared by every check.

Lookup order for one word: an allowed name is never a finding ("jeugdhulp") → its exact form
(including the generated plurals, diminutives and verb forms) → its lemma (simplemma with
overrides) → a compound whose last part is a term ("gedragsstoornissen"), whose first part is a
listed stem ("behandel-traject") or whose first part is a term ("probleemgezinnenaanpak").
Protected phrases (the vision's element titles, allowed names of several words) and split
separable verbs ("we verwijzen het gezin door") are the matcher's part.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import simplemma

from voorbeeldenbank.core.text import TOKEN_RE

from ..constants import Category
from ..models import split_lines
from .forms import inflections, normalise
from .lemmas import NEVER_MATCH, lemma
from .readability import syllables
from .verbs import finite_forms, is_verb, separable, verb_forms

MIN_TAIL = 4  # shorter terms would turn up inside too many unrelated compounds
MIN_HEAD = 3
# First parts that make a derived word, not a compound: "ver" + "hulp" is not about "hulp".
NON_COMPOUND_HEADS = frozenset({"ver", "ont", "her", "mis", "be", "ge", "on", "er"})
# What may follow a stem without making a new word: "behandel" + "ende" is the verb.
INFLECTION_ENDINGS = frozenset(
    {"end", "ende", "enden", "den", "ten", "ing", "ingen", "ers", "jes", "tje", "tjes"}
)
# A term is found as the first part of a compound only when it is long enough to be
# unmistakable: "probleemgezin" in "probleemgezinnenaanpak", not "hulp" in "hulpmiddel".
MIN_HEAD_TERM = 6
MIN_REST = 4
# Endings that make a derived word of a term, not a compound: "kwetsbaar" + "heid".
DERIVING_ENDINGS = frozenset({"heid", "heden", "isch", "ische", "achtig", "achtige", "loos"})
MEMO_LIMIT = 500_000


@dataclass(frozen=True)
class EntryInfo:
    slug: str
    term: str
    category: str
    alternatives: tuple[str, ...]
    explanation: str
    match_compounds: bool
    advice_only: bool = False
    # Normalised words which, in the same sentence, show the word is meant in its plain sense.
    not_near: frozenset[str] = frozenset()

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
    # (particle, entry) for a finite verb that is a lexicon verb when its particle follows.
    separable: tuple[tuple[str, EntryInfo], ...] = ()


@dataclass
class LexiconIndex:
    version: int
    surface: dict[str, EntryInfo] = field(default_factory=dict)
    lemmas: dict[str, EntryInfo] = field(default_factory=dict)
    tails: dict[str, EntryInfo] = field(default_factory=dict)
    stems: dict[str, EntryInfo] = field(default_factory=dict)
    phrases: dict[str, list[Phrase]] = field(default_factory=dict)
    heads: dict[str, EntryInfo] = field(default_factory=dict)
    # Finite forms of the base of a separable verb -> (particle, entry): "verwijst" -> "door".
    separables: dict[str, list[tuple[str, EntryInfo]]] = field(default_factory=dict)
    # Base infinitives of separable verbs, for "door te verwijzen".
    separable_bases: dict[str, list[tuple[str, EntryInfo]]] = field(default_factory=dict)
    allowed: set[str] = field(default_factory=set)
    # First word of a protected phrase -> the forms allowed for each word after it.
    protected: dict[str, list[tuple[frozenset[str], ...]]] = field(default_factory=dict)
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
            generated_forms = inflections(form)
            if is_verb(form):
                generated_forms |= verb_forms(form)
                self._add_separable(info, form)
            for generated in generated_forms:
                self.surface.setdefault(generated, info)
                if info.match_compounds and len(generated) >= MIN_TAIL:
                    self.tails.setdefault(generated, info)
                if info.match_compounds and len(generated) >= MIN_HEAD_TERM:
                    self.heads.setdefault(generated, info)

    def _add_separable(self, info: EntryInfo, infinitive: str) -> None:
        parts = separable(infinitive)
        if parts is None:
            return
        particle, base = parts
        # The base itself is among the finite forms: irregular ones ("verwees") reach it
        # through their lemma (`separable_of`).
        for form in finite_forms(base):
            self.separables.setdefault(form, []).append((particle, info))
        self.separable_bases.setdefault(base, []).append((particle, info))

    def protect(self, phrase: str) -> None:
        """Never report a word inside this phrase: an element title or an allowed name."""
        words = [normalise(word) for word in TOKEN_RE.findall(phrase)]
        if not words:
            return
        # The last word may be inflected: "jeugdhulpaanbieders".
        sets = [frozenset({word}) for word in words[:-1]] + [frozenset(inflections(words[-1]))]
        if len(words) == 1:
            self.allowed |= sets[0]
            return
        self.protected.setdefault(words[0], []).append(tuple(sets[1:]))

    def _add_phrase(self, info: EntryInfo, text: str) -> None:
        words = [normalise(word) for word in text.split()]
        sets = [frozenset(inflections(word)) for word in words]
        phrase = Phrase(entry=info, rest=tuple(sets[1:]))
        for first in sets[0]:
            self.phrases.setdefault(first, []).append(phrase)

    def lookup(self, word: str) -> tuple[EntryInfo | None, int]:
        """The entry a normalised word belongs to, and how many letters of it matched."""
        if word in NEVER_MATCH or word in self.allowed or len(word) < 2:
            return None, 0
        hit = self.surface.get(word)
        if hit is None:
            base = lemma(word)
            if not _present_participle(word, base):
                hit = self.lemmas.get(base)
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
        if best is None:
            for cut in range(size - MIN_REST, MIN_HEAD_TERM - 1, -1):
                head = self.heads.get(word[:cut])
                if head is not None and _is_compound_rest(word[cut:]):
                    return head, cut
        return best, best_length

    def separable_of(self, normalised: str) -> tuple[tuple[str, EntryInfo], ...]:
        found = self.separables.get(normalised)
        if found is None:
            found = self.separables.get(lemma(normalised))
        return tuple(found or ())

    def word(self, raw: str) -> WordInfo:
        info = self.memo.get(raw)
        if info is not None:
            return info
        normalised = normalise(raw)
        entry, weight = self.lookup(normalised)
        if entry is None and "-" in raw and normalised not in self.allowed:
            entry, weight = self._hyphenated(raw)
        info = WordInfo(
            entry=entry,
            weight=weight,
            normalised=normalised,
            syllables=syllables(raw),
            separable=() if entry is not None else self.separable_of(normalised),
        )
        if len(self.memo) >= MEMO_LIMIT:
            self.memo.clear()
        self.memo[raw] = info
        return info

    def _hyphenated(self, raw: str) -> tuple[EntryInfo | None, int]:
        """A part of a hyphenated word: "ex-patiënt", "probleemgezinnen-aanpak"."""
        for part in reversed(raw.replace("’", "'").split("-")):
            entry, weight = self.lookup(normalise(part))
            if entry is not None and entry.match_compounds:
                return entry, weight
        return None, 0


def _present_participle(word: str, base: str) -> bool:
    """'behandelende' (from 'behandelen'): "de behandelende arts" is about the doctor."""
    return (
        base.endswith("en")
        and word.endswith(("end", "ende", "enden"))
        and word.startswith(base[:-2])
    )


def _is_compound_rest(rest: str) -> bool:
    if len(rest) < MIN_REST or rest in INFLECTION_ENDINGS or rest in DERIVING_ENDINGS:
        return False
    return simplemma.is_known(rest, lang="nl")


def _is_new_word(rest: str) -> bool:
    if len(rest) < 3 or rest in INFLECTION_ENDINGS:
        return False
    return len(rest) >= 6 or simplemma.is_known(rest, lang="nl")


def _not_near(text: str) -> frozenset[str]:
    words: set[str] = set()
    for line in split_lines(text):
        word = normalise(line)
        words |= inflections(word) | ({word} | verb_forms(word) if is_verb(word) else set())
    return frozenset(words)


def build(
    version: int, rows: Iterable[Mapping[str, Any]], protected: Iterable[str] = ()
) -> LexiconIndex:
    """An index of entries given as dicts with the LexiconEntry field names; the words of the
    `protected` phrases (element titles, allowed names) are never reported."""
    index = LexiconIndex(version=version)
    for phrase in protected:
        index.protect(phrase)
    # Longer terms first, so that where two entries share a form the more specific one wins.
    for row in sorted(rows, key=lambda row: -len(row["term"])):
        info = EntryInfo(
            slug=row["slug"],
            term=row["term"],
            category=row["category"],
            alternatives=tuple(split_lines(row["alternatives"])),
            explanation=row["explanation"],
            match_compounds=row["match_compounds"],
            advice_only=bool(row.get("advice_only", False)),
            not_near=_not_near(row.get("not_near", "")),
        )
        index.add(info, [row["term"], *split_lines(row["variants"])])
    return index
