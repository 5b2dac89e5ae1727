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

from voorbeeldenbank.core.text import STOPWORDS, TOKEN_RE, lemma

from .analysis import QueryTerm, document_lemmas

WINDOW_WORDS = 32


@dataclass(frozen=True)
class Passage:
    label: str
    text: str


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


def _matching_spans(text: str, lemmas: set[str]) -> list[tuple[int, int]]:
    spans = []
    for match in TOKEN_RE.finditer(text):
        token = match.group(0).lower()
        if token in STOPWORDS:
            continue
        if lemma(token) in lemmas or any(part in lemmas for part in document_lemmas(token)):
            spans.append(match.span())
    return spans


def _score(text: str, weights: dict[str, float]) -> float:
    found = set(document_lemmas(text)) & weights.keys()
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


def lexical_snippet(
    passages: list[Passage], terms: list[QueryTerm], idf: dict[str, float]
) -> Snippet | None:
    """The passage that holds most of the query's terms, or None when none holds any."""
    weights = {term.lemma: term.weight * idf.get(term.lemma, 1.0) for term in terms}
    scored = [
        (score, index) for index, p in enumerate(passages) if (score := _score(p.text, weights)) > 0
    ]
    if not scored:
        return None
    _best, index = max(scored, key=lambda item: (item[0], -item[1]))
    passage = passages[index]
    spans = _matching_spans(passage.text, set(weights))
    text, inside, leading, trailing = _window(passage.text, spans)
    return Snippet(passage.label, text, tuple(inside), "lexical", leading, trailing)


def semantic_snippet(passage: Passage, terms: list[QueryTerm]) -> Snippet:
    """The closest passage; any of the query's words in it are marked as well."""
    spans = _matching_spans(passage.text, {term.lemma for term in terms})
    text, inside, leading, trailing = _window(passage.text, spans)
    return Snippet(passage.label, text, tuple(inside), "semantic", leading, trailing)


def idf_weights(document_count: int, frequencies: dict[str, int]) -> dict[str, float]:
    return {
        term: math.log(1 + (document_count - df + 0.5) / (df + 0.5))
        for term, df in frequencies.items()
    }
