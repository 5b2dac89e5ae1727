"""django-tasks-db's worker, made to outlive a database restart and to run housekeeping.

It keeps the command's name and options, so `manage.py db_worker` (make run, the systemd
units) gets this version: the project's apps come before django_tasks_db in INSTALLED_APPS.
The stock worker exits on any database error other than a lock; this one closes its
connections, waits (1 s, doubling to 30 s) and carries on. A supervisor (systemd) still
restarts it if it dies for another reason.
"""

import logging
import time
from typing import Any

from django.core.management.base import CommandError
from django.db import DatabaseError, close_old_connections, connections
from django_tasks_db.management.commands import db_worker

from voorbeeldenbank.core.housekeeping import start_in_background

logger = logging.getLogger("django_tasks_db")

MAX_PAUSE = 30.0


class ResilientWorker(db_worker.Worker):
    def run(self) -> None:
        pause = 1.0
        while self.running:
            try:
                super().run()
                return
            except DatabaseError as error:
                logger.warning("Database unavailable (%s); trying again in %.0f s", error, pause)
                connections.close_all()
                time.sleep(pause)
                pause = min(pause * 2, MAX_PAUSE)
                close_old_connections()


class Command(db_worker.Command):
    help = "Run a database background worker (survives database restarts, runs housekeeping)"

    def handle(  # type: ignore[override]
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **options: Any,
    ) -> None:
        self.configure_logging(verbosity)
        if reload:
            # Reloading would restart tasks half-way; a worker is restarted by its supervisor.
            logger.warning("--reload is not supported by this worker; running without it.")
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        worker.configure_signals()
        if not batch:
            start_in_background()
        worker.run()
