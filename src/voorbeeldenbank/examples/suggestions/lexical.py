"""Word evidence next to the embedding: per element, how much more often each lemma occurs in
paragraphs that show the element than in those that do not (a naive-Bayes log-count ratio).

The embedding carries the meaning of a sentence but blurs the words that decide an element
("diagnose", "trots", "buurvrouw"); the ratios keep them. A text's score for an element is the
sum of the ratios of its lemmas, divided by the square root of how many distinct lemmas it has,
so that a long window does not win by length alone. The score is one more feature of the
element's logistic regression, next to the 384 dimensions of the embedding.

Everything is a small dense matrix over the training vocabulary (lemmas in at least MIN_COUNT
paragraphs): fitting all eight elements is a pair of matrix products.
"""

from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np

from voorbeeldenbank.core.text import lemmas

# Chosen on the labelled set split by author and on the bank (0.5 against 1 and 2; a lemma in
# one paragraph only says nothing about the next one). The held-out file played no part.
ALPHA = 0.5
MIN_COUNT = 2


def terms(text: str) -> frozenset[str]:
    """The distinct lemmas of a text, without stop words."""
    return frozenset(lemmas(text))


def vocabulary(docs: Sequence[frozenset[str]], min_count: int = MIN_COUNT) -> tuple[str, ...]:
    counts = Counter(term for doc in docs for term in doc)
    return tuple(sorted(term for term, count in counts.items() if count >= min_count))


def index_of(vocab: Sequence[str]) -> dict[str, int]:
    """Each term's column; a model builds it once, not per suggestion."""
    return {term: i for i, term in enumerate(vocab)}


def presence(docs: Sequence[frozenset[str]], index: Mapping[str, int]) -> np.ndarray:
    """(docs, vocab) 0/1 matrix."""
    matrix = np.zeros((len(docs), len(index)), np.float32)
    for row, doc in enumerate(docs):
        columns = [index[term] for term in doc if term in index]
        matrix[row, columns] = 1.0
    return matrix


def fit_ratios(
    docs: Sequence[frozenset[str]], labels: np.ndarray, *, alpha: float = ALPHA
) -> tuple[tuple[str, ...], np.ndarray]:
    """The vocabulary and an (elements, vocab) matrix of log-count ratios, for labels
    (docs, elements) of 0/1."""
    vocab = vocabulary(docs)
    matrix = presence(docs, index_of(vocab))
    labels = labels.astype(np.float32)
    positives = labels.sum(axis=0)[:, None]
    negatives = len(docs) - positives
    in_positive = labels.T @ matrix
    in_negative = (1.0 - labels).T @ matrix
    p = (in_positive + alpha) / (np.maximum(positives, 1.0) + 2 * alpha)
    q = (in_negative + alpha) / (np.maximum(negatives, 1.0) + 2 * alpha)
    return vocab, np.log(p / q).astype(np.float32)


def scores(
    docs: Sequence[frozenset[str]], index: Mapping[str, int], ratios: np.ndarray
) -> np.ndarray:
    """(docs, elements): each text's summed ratios over the square root of its lemma count."""
    if not docs:
        return np.zeros((0, ratios.shape[0]), np.float32)
    lengths = np.sqrt(np.maximum([len(doc) for doc in docs], 1)).astype(np.float32)
    return (presence(docs, index) @ ratios.T) / lengths[:, None]


def out_of_fold(
    docs: Sequence[frozenset[str]], labels: np.ndarray, folds: np.ndarray
) -> np.ndarray:
    """Each document's scores from ratios fitted without its fold: what the regression learns
    from must look like what it will see on new text, not like ratios that already know the
    answer."""
    result = np.zeros(labels.shape, np.float32)
    for fold in np.unique(folds):
        test = folds == fold
        train_docs = [doc for doc, held in zip(docs, test, strict=True) if not held]
        test_docs = [doc for doc, held in zip(docs, test, strict=True) if held]
        vocab, ratios = fit_ratios(train_docs, labels[~test])
        result[test] = scores(test_docs, index_of(vocab), ratios)
    return result
