"""The element model: eight calibrated classifiers over E5 sentence embeddings and one word
feature per element (lexical.py), its version, and how it is written to and read from bytes
(numpy's .npz, no pickle)."""

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from voorbeeldenbank.core import embeddings
from voorbeeldenbank.core.constants import ELEMENT_KEYS

from . import lexical
from .classifier import Calibrated
from .text import sentence_spans


def embed_sentences(sentences: list[str]) -> np.ndarray:
    """Shortest first, so that each batch pads little; rows back in the given order."""
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    vectors = embeddings.embed_passages([sentences[i] for i in order])
    result = np.empty_like(vectors)
    result[order] = vectors
    return result


class SentenceMemo:
    """Sentence vectors kept between trainings in one process (the models worker), so that a
    retraining after a publish embeds only the sentences it has not seen before.

    Bounded: past `limit` sentences it starts afresh. Emptied when the embedding function is
    another one (a test's stand-in), so it never hands out vectors of another model.
    """

    def __init__(self, limit: int = 50_000) -> None:
        self.limit = limit
        self.vectors: dict[str, np.ndarray] = {}
        self.source: object = None

    def embed(self, sentences: list[str]) -> np.ndarray:
        if self.source is not embeddings.embed_passages:
            self.vectors.clear()
            self.source = embeddings.embed_passages
        missing = [s for s in dict.fromkeys(sentences) if s not in self.vectors]
        if missing:
            if len(self.vectors) + len(missing) > self.limit:
                self.vectors.clear()
            self.vectors.update(zip(missing, embed_sentences(missing), strict=True))
        if not sentences:
            return np.zeros((0, embeddings.DIM), np.float32)
        return np.vstack([self.vectors[s] for s in sentences])


def mean_vector(vectors: np.ndarray) -> np.ndarray:
    total = vectors.sum(axis=0)
    norm = float(np.linalg.norm(total))
    return total / norm if norm else total


def paragraph_vectors(
    texts: list[str], embed: Callable[[list[str]], np.ndarray] = embed_sentences
) -> np.ndarray:
    """A paragraph is the normalised mean of its sentences' vectors: the same features the
    model sees for a window of sentences in a longer text."""
    pieces: list[list[str]] = []
    for text in texts:
        spans = sentence_spans(text)
        pieces.append([text[s:e] for s, e in spans] or [text.strip() or "-"])
    flat = [sentence for group in pieces for sentence in group]
    vectors = embed(flat)
    rows, start = [], 0
    for group in pieces:
        rows.append(mean_vector(vectors[start : start + len(group)]))
        start += len(group)
    return np.vstack(rows) if rows else np.zeros((0, embeddings.DIM), np.float32)


@dataclass(frozen=True)
class ElementModel:
    version: str
    keys: tuple[str, ...]
    weights: np.ndarray  # (elements, DIM + 1): the embedding's weights, then the word score's
    bias: np.ndarray  # (elements,)
    platt: np.ndarray  # (elements, 2)
    high: np.ndarray  # (elements,) probability from which an element is "yes"
    low: np.ndarray  # (elements,) from which it is "unsure"
    terms: tuple[str, ...]  # the word feature's vocabulary
    ratios: np.ndarray  # (elements, terms) log-count ratios

    @classmethod
    def from_parts(
        cls,
        version: str,
        parts: dict[str, Calibrated],
        terms: tuple[str, ...],
        ratios: np.ndarray,
    ) -> "ElementModel":
        return cls(
            version=version,
            keys=tuple(ELEMENT_KEYS),
            weights=np.vstack([parts[k].weights for k in ELEMENT_KEYS]).astype(np.float32),
            bias=np.array([parts[k].bias for k in ELEMENT_KEYS], np.float32),
            platt=np.array([[parts[k].platt_a, parts[k].platt_b] for k in ELEMENT_KEYS]),
            high=np.array([parts[k].high for k in ELEMENT_KEYS]),
            low=np.array([parts[k].low for k in ELEMENT_KEYS]),
            terms=terms,
            ratios=ratios.astype(np.float32),
        )

    def word_scores(self, docs: list[frozenset[str]]) -> np.ndarray:
        """(rows, elements) word feature for the lemma sets of the rows."""
        return lexical.scores(docs, self.term_index, self.ratios)

    @cached_property
    def term_index(self) -> dict[str, int]:
        return lexical.index_of(self.terms)

    def probabilities(self, x: np.ndarray, words: np.ndarray) -> np.ndarray:
        """(rows, elements) probabilities for embedding rows x (rows, DIM) and their word
        feature (rows, elements)."""
        raw = x @ self.weights[:, : embeddings.DIM].T + self.bias
        if self.weights.shape[1] > embeddings.DIM:
            raw = raw + words * self.weights[:, embeddings.DIM]
        z = self.platt[:, 0] * raw + self.platt[:, 1]
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            version=np.array(self.version),
            keys=np.array(self.keys),
            weights=self.weights,
            bias=self.bias,
            platt=self.platt,
            high=self.high,
            low=self.low,
            terms=np.array(self.terms, dtype=str),
            ratios=self.ratios,
        )
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> "ElementModel":
        with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
            keys = tuple(str(k) for k in arrays["keys"])
            # A model stored before the word feature: embedding only, until the next training.
            has_words = "terms" in arrays.files
            return cls(
                version=str(arrays["version"]),
                keys=keys,
                weights=arrays["weights"],
                bias=arrays["bias"],
                platt=arrays["platt"],
                high=arrays["high"],
                low=arrays["low"],
                terms=tuple(str(t) for t in arrays["terms"]) if has_words else (),
                ratios=arrays["ratios"] if has_words else np.zeros((len(keys), 0), np.float32),
            )
