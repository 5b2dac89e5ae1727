from typing import Any

from django.dispatch import receiver

from voorbeeldenbank.core.housekeeping import at_most_every, housekeeping

from .retention import delete_expired


@receiver(housekeeping)
def delete_expired_reflection_sessions(sender: Any, **kwargs: Any) -> int:
    if not at_most_every(60 * 60, "delete-expired-reflection-sessions"):
        return 0
    return delete_expired()
