"""Periodic upkeep that needs no scheduler: the task worker runs it every minute or so.

Apps connect receivers to `housekeeping` (in their signals module); each receiver must be
cheap, idempotent and safe to run in several workers at once, since every worker runs it.
A receiver that fails is logged and does not stop the others or the worker.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.core.cache import cache
from django.db import close_old_connections
from django.dispatch import Signal, receiver

from .email import delete_old, requeue_due
from .lockout import delete_old_login_records

logger = logging.getLogger(__name__)

housekeeping = Signal()

# Seconds between two rounds in a worker.
INTERVAL = 60


def at_most_every(seconds: int, key: str) -> bool:
    """True for the first caller in each period, across every process sharing the cache
    (Redis in production; with the local-memory cache each process counts for itself, which
    is harmless because every receiver is idempotent)."""
    return cache.add(f"housekeeping:{key}", 1, timeout=seconds)


def run_once() -> list[tuple[Any, Any]]:
    """One round of every receiver; returns (receiver, result or exception) pairs."""
    results = housekeeping.send_robust(sender=None)
    for handler, result in results:
        if isinstance(result, Exception):
            logger.error("Housekeeping %s failed", handler, exc_info=result)
    return results


def start_in_background(interval: float = INTERVAL) -> threading.Thread:
    """Run rounds in a daemon thread of this process until it exits."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(interval):
            # Like a request: start from a healthy connection, e.g. after a database restart.
            close_old_connections()
            try:
                run_once()
            finally:
                close_old_connections()

    thread = threading.Thread(target=loop, name="housekeeping", daemon=True)
    thread.stop = stop  # type: ignore[attr-defined]
    thread.start()
    return thread


@receiver(housekeeping)
def requeue_outgoing_email(sender: Any, **kwargs: Any) -> int:
    return requeue_due()


@receiver(housekeeping)
def delete_old_email(sender: Any, **kwargs: Any) -> int:
    if not at_most_every(60 * 60, "delete-old-email"):
        return 0
    return delete_old()


@receiver(housekeeping)
def delete_old_logins(sender: Any, **kwargs: Any) -> int:
    if not at_most_every(60 * 60, "delete-old-logins"):
        return 0
    return delete_old_login_records()
