"""The redactie's synonym list, read once per catalogue version in each process."""

import threading

from ..models import SearchSynonym
from .analysis import Synonyms, synonym_groups

_lock = threading.Lock()
_cached: tuple[int, Synonyms] | None = None


def current(version: int) -> Synonyms:
    """The synonym groups for this catalogue version (saving a group changes the version)."""
    global _cached
    cached = _cached
    if cached is not None and cached[0] == version:
        return cached[1]
    with _lock:
        groups = synonym_groups(synonym.words() for synonym in SearchSynonym.objects.all())
        _cached = (version, groups)
    return groups
