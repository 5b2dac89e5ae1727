"""Housekeeping of the publication app, run by the task worker every minute."""

from typing import Any

from django.dispatch import receiver

from voorbeeldenbank.core.housekeeping import at_most_every, housekeeping

from . import files
from .builder import give_up_stalled


@receiver(housekeeping)
def end_stalled_builds(sender: Any, **kwargs: Any) -> int:
    return give_up_stalled()


@receiver(housekeeping)
def sweep_edition_files(sender: Any, **kwargs: Any) -> dict[str, int]:
    if not at_most_every(10 * 60, "sweep-edition-files"):
        return {}
    return files.sweep()
