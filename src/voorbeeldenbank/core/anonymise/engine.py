"""One deduce object per process.

Building it reads an ~80 MB pickled lookup cache (seconds, ~1 GB of memory); the first build after
an install writes that cache into deduce's own package folder (about 75 s), which is why
`manage.py warm_anonymiser` runs in scripts/venv.sh.
"""

import threading
from pathlib import Path

from deduce import Deduce
from deduce.deduce import _LOOKUP_LIST_PATH

_lock = threading.Lock()
_instance: Deduce | None = None
CACHE_FILE = Path(_LOOKUP_LIST_PATH) / "cache" / "lookup_structs.pickle"


def get_deduce() -> Deduce:
    global _instance
    if _instance is None:
        with _lock:
            if _instance is None:
                _instance = Deduce()
    return _instance


def is_cache_built() -> bool:
    return CACHE_FILE.is_file()


def reset() -> None:
    """Forget the loaded object (tests)."""
    global _instance
    with _lock:
        _instance = None
