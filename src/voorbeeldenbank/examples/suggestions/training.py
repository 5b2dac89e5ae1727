"""What the element model learns from, and the training itself.

Three sources: the labelled paragraphs in data/element_paragraphs.json (written by the team,
multi-label, with paragraphs that show no element), the vision's own explanation of each
element, and every published example's element explanations (each labelled with its element).
"""

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from django.utils import timezone

from voorbeeldenbank.core.constants import ELEMENT_KEYS
from voorbeeldenbank.core.models import Element

from ..models.parts import ExampleElement
from . import lexical
from .classifier import fit_calibrated, fold_of
from .model import ElementModel, SentenceMemo, paragraph_vectors

LABELLED = Path(__file__).parent / "data" / "element_paragraphs.json"
# The labelled set and the bank change little between two publishes: the models worker embeds
# a sentence once and then reuses its vector (about a minute for the first training, seconds
# for the next ones).
MEMO = SentenceMemo()


def remembered_paragraph_vectors(texts: list[str]) -> np.ndarray:
    return paragraph_vectors(texts, embed=MEMO.embed)


@dataclass(frozen=True)
class Item:
    text: str
    labels: frozenset[str]
    # Items of one group (an example, a theme) stay together when the thresholds are calibrated.
    group: str


@cache
def labelled_paragraphs() -> tuple[dict, ...]:
    return tuple(json.loads(LABELLED.read_text(encoding="utf-8")))


def labelled_items(rows: Iterable[dict] | None = None) -> list[Item]:
    return [
        Item(row["text"], frozenset(row["elements"]), f"set:{row['theme']}")
        for row in (labelled_paragraphs() if rows is None else rows)
    ]


def vision_items() -> list[Item]:
    return [
        Item(element.summary, frozenset({element.key}), f"vision:{element.key}")
        for element in Element.objects.filter(key__in=ELEMENT_KEYS)
        if element.summary.strip()
    ]


def bank_items() -> list[Item]:
    rows = ExampleElement.objects.filter(page__live=True).values_list(
        "page_id", "element__key", "explanation"
    )
    return [
        Item(text, frozenset({key}), f"example:{page_id}")
        for page_id, key, text in rows
        if text and text.strip()
    ]


def collect() -> list[Item]:
    return labelled_items() + vision_items() + bank_items()


def fit(
    items: list[Item],
    vectors: np.ndarray | None = None,
    *,
    version: str = "",
    features: Callable[[list[str]], np.ndarray] = remembered_paragraph_vectors,
) -> ElementModel:
    texts = [item.text for item in items]
    x = features(texts) if vectors is None else vectors
    folds = fold_of([item.group for item in items])
    labels = np.array([[key in item.labels for key in ELEMENT_KEYS] for item in items], np.float32)
    docs = [lexical.terms(text) for text in texts]
    # The regression learns the word feature from scores made without the paragraph's own
    # fold (the same folds the thresholds are calibrated on), so it does not overrate it.
    words = lexical.out_of_fold(docs, labels, folds)
    terms, ratios = lexical.fit_ratios(docs, labels)
    parts = {}
    for index, key in enumerate(ELEMENT_KEYS):
        features_of_key = np.hstack([x, words[:, index : index + 1]])
        parts[key] = fit_calibrated(features_of_key, labels[:, index].astype(np.float64), folds)
    return ElementModel.from_parts(version or new_version(len(items)), parts, terms, ratios)


def new_version(count: int) -> str:
    return f"e5-words-lr-{timezone.now():%Y-%m-%dT%H:%M:%S}-n{count}"


def train() -> tuple[ElementModel, int, float]:
    """A model on everything the bank has now, how many paragraphs it read, and the seconds
    training took."""
    started = time.perf_counter()
    items = collect()
    model = fit(items)
    return model, len(items), time.perf_counter() - started
