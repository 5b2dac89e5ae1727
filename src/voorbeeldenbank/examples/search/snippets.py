"""Why a result was found: its best passage, cut to a window, with the query's words marked.

A lexical match shows the passage that holds the most of the query's terms (rare terms weigh
more); a semantic match shows the passage that was closest in meaning. Words are marked when
their lemma, or a part of a compound, is one of the query's terms, so "gezinnen" is marked for
a search on "gezin".
"""

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from voorbeeldenbank.core.text import STOPWORDS, TOKEN_RE

from .analysis import QueryTerm, document_lemmas

WINDOW_WORDS = 32


@dataclass(frozen=True)
class Passage:
    label: str
    text: str
    # The text's search lemmas, when the index has them (examples/passages.py lemma_set).
    lemmas: frozenset[str] | None = None


@dataclass(frozen=True)
class Snippet:
    label: str
    text: str
    # Character spans in text of the words that match the query.
    highlights: tuple[tuple[int, int], ...]
    # "lexical": it holds the query's words; "semantic": it was closest in meaning.
    kind: str
    leading: bool = False
    trailing: bool = False

    def html(self) -> SafeString:
        parts: list[str] = []
        cursor = 0
        for start, end in self.highlights:
            parts.append(escape(self.text[cursor:start]))
            parts.append(f"<mark>{escape(self.text[start:end])}</mark>")
            cursor = end
        parts.append(escape(self.text[cursor:]))
        prefix = "… " if self.leading else ""
        suffix = " …" if self.trailing else ""
        return mark_safe(prefix + "".join(parts) + suffix)


class _Lemmas:
    """The search lemmas of each distinct word, worked out once per page of results.

    Passages are compared as sets of words: each distinct word is lemmatised once, and a
    passage's matching words are a set intersection.
    """

    def __init__(self) -> None:
        self.known: dict[str, frozenset[str]] = {}
        # For one set of lemmas (one query): the words looked at, and those that match.
        self._for: frozenset[str] = frozenset()
        self._checked: set[str] = set()
        self._hits: dict[str, frozenset[str]] = {}

    def of(self, token: str) -> frozenset[str]:
        found = self.known.get(token)
        if found is None:
            found = frozenset(document_lemmas(token)) if token not in STOPWORDS else frozenset()
            self.known[token] = found
        return found

    def matching(self, tokens: set[str], lemmas: set[str]) -> dict[str, frozenset[str]]:
        """The tokens among these that stand for one of the lemmas, with those lemmas."""
        if lemmas != self._for:
            self._for, self._checked, self._hits = frozenset(lemmas), set(), {}
        for token in tokens - self._checked:
            hit = self.of(token) & lemmas
            if hit:
                self._hits[token] = hit
        self._checked |= tokens
        return {token: self._hits[token] for token in tokens & self._hits.keys()}


def _matching_spans(text: str, lemmas: set[str], table: _Lemmas) -> list[tuple[int, int]]:
    return [
        match.span()
        for match in TOKEN_RE.finditer(text)
        if table.of(match.group(0).lower()) & lemmas
    ]


def _score(passage: Passage, weights: dict[str, float], table: _Lemmas) -> float:
    if passage.lemmas is not None:
        found = set(passage.lemmas & weights.keys())
    else:
        found = set()
        tokens = set(TOKEN_RE.findall(passage.text.lower()))
        for hit in table.matching(tokens, set(weights)).values():
            found |= hit
    # Distinct terms count, not repetitions: a passage with both words beats one with one word
    # three times.
    return sum(weights[term] for term in found)


def _window(
    text: str, spans: list[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]], bool, bool]:
    words = [match.span() for match in TOKEN_RE.finditer(text)]
    if len(words) <= WINDOW_WORDS:
        return text, spans, False, False
    # The window of WINDOW_WORDS words that holds the most marked words, earliest first.
    marked_starts = {start for start, _end in spans}
    is_marked = [start in marked_starts for start, _end in words]
    best_start, best_count = 0, -1
    count = sum(is_marked[:WINDOW_WORDS])
    for first in range(len(words) - WINDOW_WORDS + 1):
        if first:
            count += is_marked[first + WINDOW_WORDS - 1] - is_marked[first - 1]
        if count > best_count:
            best_start, best_count = first, count
    begin = words[best_start][0]
    end = words[best_start + WINDOW_WORDS - 1][1]
    # Keep the sentence's punctuation that follows the last word.
    while end < len(text) and text[end] in ".!?,;:)’'\"":
        end += 1
    inside = [(s - begin, e - begin) for s, e in spans if s >= begin and e <= end]
    return text[begin:end], inside, begin > 0, end < len(text)


def lemma_table() -> "_Lemmas":
    return _Lemmas()


def lexical_snippet(
    passages: list[Passage],
    terms: list[QueryTerm],
    idf: dict[str, float],
    table: _Lemmas | None = None,
) -> Snippet | None:
    """The passage that holds most of the query's terms, or None when none holds any."""
    table = table or _Lemmas()
    weights = {term.lemma: term.weight * idf.get(term.lemma, 1.0) for term in terms}
    scored = [
        (score, index)
        for index, p in enumerate(passages)
        if (score := _score(p, weights, table)) > 0
    ]
    if not scored:
        return None
    _best, index = max(scored, key=lambda item: (item[0], -item[1]))
    passage = passages[index]
    spans = _matching_spans(passage.text, set(weights), table)
    text, inside, leading, trailing = _window(passage.text, spans)
    return Snippet(passage.label, text, tuple(inside), "lexical", leading, trailing)


def semantic_snippet(
    passage: Passage, terms: list[QueryTerm], table: _Lemmas | None = None
) -> Snippet:
    """The closest passage; any of the query's words in it are marked as well."""
    spans = _matching_spans(passage.text, {term.lemma for term in terms}, table or _Lemmas())
    text, inside, leading, trailing = _window(passage.text, spans)
    return Snippet(passage.label, text, tuple(inside), "semantic", leading, trailing)


def idf_weights(document_count: int, frequencies: dict[str, int]) -> dict[str, float]:
    return {
        term: math.log(1 + (document_count - df + 0.5) / (df + 0.5))
        for term, df in frequencies.items()
    }
