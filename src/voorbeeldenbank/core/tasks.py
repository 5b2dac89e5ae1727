"""Helpers for background tasks (django-tasks): after commit, and later."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django_tasks.base import Task, TaskResultStatus

# The queue of the long model work (settings.TASK_QUEUES); everything else runs on "default".
MODEL_QUEUE = "models"


def enqueue_on_commit(task: Task[Any, Any], *args: Any) -> None:
    """Queue the task once the current transaction commits (at once outside a transaction).

    robust: failing to reach the queue must not turn a saved change into an error page; every
    caller keeps its own record of what is still to do, which housekeeping hands out again.
    """
    transaction.on_commit(lambda: task.enqueue(*args), robust=True)


def enqueue_once_on_commit(task: Task[Any, Any]) -> None:
    """Queue a task without arguments after commit, unless one is already waiting to start.

    For work that reads the current state when it runs (a training): one waiting run covers
    every change before it, so a burst of publishes (the demo content, an editor's afternoon)
    queues one run, plus at most one more for changes made while it is running.
    """

    def enqueue() -> None:
        if not waiting(task):
            task.enqueue()

    transaction.on_commit(enqueue, robust=True)


def waiting(task: Task[Any, Any]) -> bool:
    """Whether a run of `task` is in the database queue and not yet started."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(task.get_backend(), DatabaseBackend):  # tests run tasks at once
        return False

    return DBTaskResult.objects.filter(
        task_path=task.module_path, status=TaskResultStatus.READY
    ).exists()


def enqueue_later(task: Task[Any, Any], when: datetime, *args: Any) -> None:
    """Queue the task to run at `when`; on a backend that cannot defer (tests run tasks at
    once), leave it to housekeeping, which looks for work that is due."""
    if task.get_backend().supports_defer:
        transaction.on_commit(lambda: task.using(run_after=when).enqueue(*args), robust=True)
