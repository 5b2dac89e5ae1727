"""suggest(text): which of the eight elements a Dutch text shows, how sure, and why.

A text of up to five sentences is scored as one paragraph; a longer one by its best window
of five consecutive sentences, so that one element in one part of a long text still counts.
Every sentence is scored too: the best ones above an element's "unsure" cut are its evidence.
Advice only: nothing here ticks or changes anything.
"""

import hashlib
from dataclasses import asdict, dataclass
from typing import Literal, TypedDict

import numpy as np
from django.core.cache import cache

from . import lexical
from .model import ElementModel, embed_sentences, mean_vector
from .store import current
from .text import WINDOW, sentence_spans, windows

Present = Literal["yes", "no", "unsure"]
EVIDENCE = 2
CACHE_SECONDS = 7 * 24 * 3600


class NoModel(Exception):
    """No model has been trained yet (a fresh install before its first training)."""


class EvidenceDict(TypedDict):
    start: int
    end: int
    sentence: str


class ElementDict(TypedDict):
    key: str
    score: float
    present: Present
    evidence: list[EvidenceDict]


class SuggestionDict(TypedDict):
    model: str
    elements: list[ElementDict]


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class ElementSuggestion:
    key: str
    score: float
    present: Present
    evidence: list[Evidence]


@dataclass(frozen=True)
class Suggestion:
    model: str
    elements: list[ElementSuggestion]

    def to_dict(self) -> SuggestionDict:
        return asdict(self)  # type: ignore[return-value]

    @classmethod
    def from_dict(cls, data: SuggestionDict) -> "Suggestion":
        return cls(
            model=data["model"],
            elements=[
                ElementSuggestion(
                    key=e["key"],
                    score=e["score"],
                    present=e["present"],
                    evidence=[Evidence(**ev) for ev in e["evidence"]],
                )
                for e in data["elements"]
            ],
        )

    @property
    def present(self) -> list[ElementSuggestion]:
        return [e for e in self.elements if e.present == "yes"]

    @property
    def by_key(self) -> dict[str, ElementSuggestion]:
        return {e.key: e for e in self.elements}


def _present(score: float, high: float, low: float) -> Present:
    if score >= high:
        return "yes"
    if score >= low:
        return "unsure"
    return "no"


def suggest_with(model: ElementModel, text: str) -> Suggestion:
    spans = sentence_spans(text)
    if not spans and text.strip():
        start = len(text) - len(text.lstrip())
        spans = [(start, start + len(text.strip()))]
    count = len(model.keys)
    if not spans:
        scores = np.zeros(count)
        sentence_scores = np.zeros((0, count))
    else:
        sentences = [text[s:e] for s, e in spans]
        vectors = embed_sentences(sentences)
        docs = [lexical.terms(sentence) for sentence in sentences]
        ranges = windows(len(spans))
        window_vectors = np.vstack([mean_vector(vectors[a:b]) for a, b in ranges])
        window_docs = [frozenset().union(*docs[a:b]) for a, b in ranges]
        scores = model.probabilities(window_vectors, model.word_scores(window_docs)).max(axis=0)
        sentence_scores = model.probabilities(vectors, model.word_scores(docs))
    elements = []
    for index, key in enumerate(model.keys):
        score = float(scores[index])
        present = _present(score, float(model.high[index]), float(model.low[index]))
        evidence: list[Evidence] = []
        if present != "no":
            column = sentence_scores[:, index]
            for row in np.argsort(-column, kind="stable")[:EVIDENCE]:
                if column[row] >= model.low[index] or not evidence:
                    start, end = spans[int(row)]
                    evidence.append(Evidence(start, end, text[start:end]))
        elements.append(ElementSuggestion(key, round(score, 4), present, evidence))
    return Suggestion(model=model.version, elements=elements)


def suggest(text: str) -> Suggestion:
    model = current()
    if model is None:
        raise NoModel
    return suggest_with(model, text)


def _cache_key(version: str, text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    # The window is part of how a text is scored: a change to it must not reuse cached answers.
    return f"element-suggestion:{version}:w{WINDOW}:{digest}"


def cached_suggestion(text: str, *, compute: bool = True) -> Suggestion | None:
    """The suggestion for this text by the current model, from the shared cache; computed and
    kept when missing (unless compute is False). None without a model."""
    model = current()
    if model is None:
        return None
    key = _cache_key(model.version, text)
    data = cache.get(key)
    if data is not None:
        return Suggestion.from_dict(data)
    if not compute:
        return None
    suggestion = suggest_with(model, text)
    cache.set(key, suggestion.to_dict(), CACHE_SECONDS)
    return suggestion


def cached_many(texts: list[str]) -> dict[str, Suggestion]:
    """Suggestions already in the cache for these texts (none is computed)."""
    model = current()
    if model is None:
        return {}
    keys = {_cache_key(model.version, text): text for text in texts}
    found = cache.get_many(list(keys))
    return {keys[key]: Suggestion.from_dict(data) for key, data in found.items()}
