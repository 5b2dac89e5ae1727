"""Long model work has its own queue, and a training is queued once for a burst of publishes.

With one queue, the demo content's thirteen publishes queued thirteen trainings ahead of every
page-cache purge and edition build: the production stack's purge waited minutes.
"""

import os
import re
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from voorbeeldenbank.core.frontend_cache import purge_urls
from voorbeeldenbank.core.tasks import MODEL_QUEUE, enqueue_once_on_commit, waiting
from voorbeeldenbank.examples.suggestions.tasks import retrain_soon, train_element_model_task
from voorbeeldenbank.publication.tasks import build_edition, build_example_pdf
from voorbeeldenbank.research.tasks import anonymise_version

ROOT = Path(__file__).resolve().parents[2]
DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", MODEL_QUEUE]}
}


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE
    settings.ELEMENT_MODEL_TRAIN_IN_BACKGROUND = True


def queued_trainings():
    return DBTaskResult.objects.filter(task_path=train_element_model_task.module_path)


def test_the_model_work_runs_on_its_own_queue_and_the_rest_on_default():
    assert MODEL_QUEUE in settings.TASK_QUEUES
    assert train_element_model_task.queue_name == MODEL_QUEUE
    assert anonymise_version.queue_name == MODEL_QUEUE
    for task in (purge_urls, build_edition, build_example_pdf):
        assert task.queue_name == "default", task.name


@pytest.mark.django_db
def test_a_burst_of_publishes_queues_one_training(
    database_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(13):
            retrain_soon()
    assert queued_trainings().count() == 1
    assert queued_trainings().get().queue_name == MODEL_QUEUE
    assert waiting(train_element_model_task)


@pytest.mark.django_db
def test_a_publish_during_a_training_queues_the_next_one(
    database_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        retrain_soon()
    queued_trainings().update(status=TaskResultStatus.RUNNING)
    assert not waiting(train_element_model_task)

    with django_capture_on_commit_callbacks(execute=True):
        retrain_soon()
        retrain_soon()
    assert queued_trainings().count() == 2
    assert queued_trainings().filter(status=TaskResultStatus.READY).count() == 1


@pytest.mark.django_db
def test_nothing_is_queued_before_the_change_commits(
    database_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        enqueue_once_on_commit(train_element_model_task)
    assert not queued_trainings().exists()
    assert len(callbacks) == 1


def queues_served(text: str) -> set[str]:
    return {
        name
        for found in re.findall(r"--queue-name[ =]\"?([\w,*]+)", text)
        for name in found.split(",")
    }


def assert_every_queue_served(text: str) -> None:
    assert "db_worker" in text
    served = queues_served(text)
    assert "*" not in served, "a worker on every queue would run trainings before purges again"
    assert set(settings.TASK_QUEUES) <= served


@pytest.mark.parametrize("pattern", ["deploy/systemd/*.service", "scripts/production.sh"])
def test_every_queue_has_a_worker_in_production(pattern):
    assert_every_queue_served("\n".join(path.read_text() for path in ROOT.glob(pattern)))


def test_make_run_starts_a_worker_per_queue_and_stops_them(tmp_path):
    """scripts/serve.sh with a stand-in python that writes down how it was called."""
    calls, pids = tmp_path / "calls", tmp_path / "pids"
    fake = tmp_path / "python"
    fake.write_text(
        "#!/bin/sh\n"
        f'echo "$*" >> {calls}\n'
        'case "$2" in\n'
        f"  db_worker) echo $$ >> {pids}; exec sleep 30 ;;\n"
        "  runserver) sleep 1 ;;\n"
        "esac\n"
    )
    fake.chmod(0o755)
    result = subprocess.run(
        [ROOT / "scripts" / "serve.sh", "127.0.0.1:0"],
        env={"PATH": "/usr/bin:/bin", "PYTHON": str(fake)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = calls.read_text().splitlines()
    assert any(line.startswith("manage.py runserver 127.0.0.1:0") for line in lines)
    assert_every_queue_served("\n".join(lines))
    # Stopping the server stopped the workers: none of the stand-ins is still sleeping.
    workers = [int(pid) for pid in pids.read_text().split()]
    assert len(workers) == len(settings.TASK_QUEUES)
    assert wait_until(lambda: not any(alive(pid) for pid in workers))


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_until(condition, seconds: float = 5) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True
