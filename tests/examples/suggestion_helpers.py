"""A small element model trained on part of the labelled set, for tests that need one."""

from voorbeeldenbank.core.constants import ELEMENT_KEYS
from voorbeeldenbank.examples.suggestions import store, training
from voorbeeldenbank.examples.suggestions.model import ElementModel

SAMPLE_PER_ELEMENT = 6


def small_rows() -> list[dict]:
    rows, seen = [], dict.fromkeys(ELEMENT_KEYS, 0)
    nothing = 0
    for row in training.labelled_paragraphs():
        if not row["elements"]:
            if nothing < SAMPLE_PER_ELEMENT:
                rows.append(row)
                nothing += 1
            continue
        if any(seen[key] < SAMPLE_PER_ELEMENT for key in row["elements"]):
            rows.append(row)
            for key in row["elements"]:
                seen[key] += 1
    return rows


def small_model(version: str = "test-model") -> ElementModel:
    return training.fit(training.labelled_items(small_rows()), version=version)


def store_small_model(version: str = "test-model") -> ElementModel:
    model = small_model(version)
    store.save(model, trained_on=len(small_rows()), seconds=0.0)
    return model
