"""The model in use: the newest row in the database, kept in memory per process.

Each call asks the database for the newest version's name only (one small query); the model's
arrays are read again only when that name changed, so a retraining reaches every process on
its next suggestion.
"""

import threading

from ..models.suggestions import ElementModelVersion
from .model import ElementModel

KEEP = 5

_lock = threading.Lock()
_loaded: ElementModel | None = None


def current() -> ElementModel | None:
    global _loaded
    newest = ElementModelVersion.objects.values_list("pk", "version").first()
    if newest is None:
        return None
    loaded = _loaded
    if loaded is not None and loaded.version == newest[1]:
        return loaded
    with _lock:
        if _loaded is None or _loaded.version != newest[1]:
            data = ElementModelVersion.objects.values_list("data", flat=True).get(pk=newest[0])
            _loaded = ElementModel.from_bytes(bytes(data))
        return _loaded


def save(model: ElementModel, *, trained_on: int, seconds: float) -> ElementModelVersion:
    row = ElementModelVersion.objects.create(
        version=model.version,
        data=model.to_bytes(),
        trained_on=trained_on,
        training_seconds=seconds,
    )
    # Older models are only history; a few stay for comparison.
    old = ElementModelVersion.objects.values_list("pk", flat=True)[KEEP:]
    ElementModelVersion.objects.filter(pk__in=list(old)).delete()
    return row
