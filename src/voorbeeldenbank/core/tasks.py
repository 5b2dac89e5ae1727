"""Helpers for background tasks (django-tasks): after commit, and later."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django_tasks.base import Task


def enqueue_on_commit(task: Task[Any, Any], *args: Any) -> None:
    """Queue the task once the current transaction commits (at once outside a transaction).

    robust: failing to reach the queue must not turn a saved change into an error page; every
    caller keeps its own record of what is still to do, which housekeeping hands out again.
    """
    transaction.on_commit(lambda: task.enqueue(*args), robust=True)


def enqueue_later(task: Task[Any, Any], when: datetime, *args: Any) -> None:
    """Queue the task to run at `when`; on a backend that cannot defer (tests run tasks at
    once), leave it to housekeeping, which looks for work that is due."""
    if task.get_backend().supports_defer:
        transaction.on_commit(lambda: task.using(run_after=when).enqueue(*args), robust=True)
