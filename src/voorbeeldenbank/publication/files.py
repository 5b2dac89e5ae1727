"""Writing an edition's files so that a build killed at any moment leaves no orphan behind.

`promote` (a temporary file moved to its final name) also serves the single-example PDFs.

A file is first written under `tmp/` with a name that says which build wrote it; the edition's
record is saved with the final names; only then are the files moved into place. Killed before
the record: the temporary files are swept away later. Killed after it: the sweep finishes the
move. So every file under its final name belongs to an edition, and an edition whose files are
still in `tmp/` gets them at the next sweep.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.utils import timezone

from .models import Edition

logger = logging.getLogger(__name__)

FOLDER = "editions"
TEMPORARY = f"{FOLDER}/tmp"
# Temporary files of a build that never saved its record are removed after this long: longer
# than any build takes, so a running build never loses its files.
ORPHAN_AFTER = timedelta(hours=6)
# parts.py lays out the PDF in a system temporary folder with this prefix.
PARTS_PREFIX = "editie-"
TEMPORARY_NAME = re.compile(r"^build-(?P<build>\d+)-(?P<name>editie-\d+\.(?:pdf|html))$")


def final_name(number: int, extension: str) -> str:
    return f"{FOLDER}/editie-{number}.{extension}"


def temporary_name(build_id: int, final: str) -> str:
    return f"{TEMPORARY}/build-{build_id}-{Path(final).name}"


def write_temporary(build_id: int, final: str, content: bytes, storage: Storage) -> str:
    name = temporary_name(build_id, final)
    if storage.exists(name):
        storage.delete(name)
    return storage.save(name, ContentFile(content))


def promote(temporary: str, final: str, storage: Storage) -> None:
    """Move a temporary file to its final name, replacing what is there (an earlier, unfinished
    move of the same file). Housekeeping may finish the same move at the same moment: a file
    that is already in place counts as moved."""
    if not storage.exists(temporary) and storage.exists(final):
        return
    if isinstance(storage, FileSystemStorage):
        # One rename on the same file system: the file is never half there.
        target = storage.path(final)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.replace(storage.path(temporary), target)
        return
    # Other storages (in memory, object stores) have no rename: copy, then remove.
    with storage.open(temporary) as handle:
        content = handle.read()
    if storage.exists(final):
        storage.delete(final)
    saved = storage.save(final, ContentFile(content))
    storage.delete(temporary)
    if saved != final:
        raise RuntimeError(f"storage saved {final} as {saved}")


def discard(names: list[str], storage: Storage) -> None:
    for name in names:
        if name and storage.exists(name):
            storage.delete(name)


def sweep(storage: Storage = default_storage) -> dict[str, int]:
    """Finish interrupted moves and remove what no build will ever claim."""
    finished = removed = 0
    try:
        _folders, names = storage.listdir(TEMPORARY)
    except (FileNotFoundError, NotADirectoryError):
        names = []
    cutoff = timezone.now() - ORPHAN_AFTER
    wanted = _final_names()
    for name in names:
        temporary = f"{TEMPORARY}/{name}"
        match = TEMPORARY_NAME.match(name)
        final = f"{FOLDER}/{match['name']}" if match else ""
        if final in wanted and not storage.exists(final):
            promote(temporary, final, storage)
            finished += 1
        elif _modified(storage, temporary) < cutoff or final in wanted:
            storage.delete(temporary)
            removed += 1
    removed += _sweep_part_folders()
    if finished or removed:
        logger.info("Edition files: %s moves finished, %s leftovers removed", finished, removed)
    return {"finished": finished, "removed": removed}


def _final_names() -> set[str]:
    return {name for pair in Edition.objects.values_list("pdf", "html") for name in pair if name}


def _modified(storage: Storage, name: str):  # type: ignore[no-untyped-def]
    try:
        return storage.get_modified_time(name)
    except (NotImplementedError, OSError):
        # Without a time we cannot tell a running build's file from a leftover: keep it.
        return timezone.now()


def _sweep_part_folders() -> int:
    """Part folders of builds killed while laying out the PDF (a clean build removes its own)."""
    removed = 0
    cutoff = time.time() - ORPHAN_AFTER.total_seconds()
    for folder in Path(tempfile.gettempdir()).glob(f"{PARTS_PREFIX}*"):
        try:
            if folder.is_dir() and folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        except OSError:
            continue
    return removed
