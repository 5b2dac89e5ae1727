"""Contact details of ended projects go once their grace period has passed."""

from typing import Any

from django.dispatch import receiver

from voorbeeldenbank.core.housekeeping import at_most_every, housekeeping

from .retention import purge_contacts


@receiver(housekeeping)
def purge_research_contacts(sender: Any, **kwargs: Any) -> int:
    if not at_most_every(60 * 60 * 6, "purge-research-contacts"):
        return 0
    return purge_contacts().total
