"""The task worker outlives a database restart and runs housekeeping."""

import pytest
from django.db import OperationalError
from django_tasks_db.management.commands import db_worker

from voorbeeldenbank.core import housekeeping
from voorbeeldenbank.core.management.commands import db_worker as ours
from voorbeeldenbank.core.management.commands.db_worker import MAX_PAUSE, ResilientWorker


@pytest.fixture(autouse=True)
def no_real_connections(monkeypatch):
    closed = []
    monkeypatch.setattr(ours, "close_old_connections", lambda: closed.append("old"))
    monkeypatch.setattr(ours.connections, "close_all", lambda: closed.append("all"))
    return closed


def worker() -> ResilientWorker:
    return ResilientWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )


def test_a_database_that_goes_away_is_waited_for_not_fatal(monkeypatch, no_real_connections):
    outages = iter([OperationalError("connection refused")] * 7)
    runs = []

    def run(self):
        runs.append(1)
        error = next(outages, None)
        if error is not None:
            raise error

    pauses: list[float] = []
    monkeypatch.setattr(db_worker.Worker, "run", run)
    monkeypatch.setattr("time.sleep", pauses.append)
    worker().run()
    assert len(runs) == 8
    assert pauses == [1, 2, 4, 8, 16, MAX_PAUSE, MAX_PAUSE]
    # Each time the broken connections are dropped, so the next round opens fresh ones.
    assert no_real_connections.count("all") == 7


def test_a_stopped_worker_does_not_keep_retrying(monkeypatch):
    instance = worker()

    def run(self):
        self.running = False
        raise OperationalError("server closed the connection")

    monkeypatch.setattr(db_worker.Worker, "run", run)
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    instance.run()
    assert instance.running is False


def test_other_errors_still_stop_the_worker_for_its_supervisor(monkeypatch):
    monkeypatch.setattr(db_worker.Worker, "run", lambda self: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        worker().run()


@pytest.mark.django_db
def test_one_failing_housekeeping_job_does_not_stop_the_others():
    ran = []

    def broken(sender, **kwargs):
        raise RuntimeError("broken job")

    def fine(sender, **kwargs):
        ran.append("fine")
        return "done"

    housekeeping.housekeeping.connect(broken, weak=False)
    housekeeping.housekeeping.connect(fine, weak=False)
    try:
        results = dict(housekeeping.run_once())
    finally:
        housekeeping.housekeeping.disconnect(broken)
        housekeeping.housekeeping.disconnect(fine)
    assert ran == ["fine"]
    assert isinstance(results[broken], RuntimeError)
    assert results[fine] == "done"


def test_housekeeping_runs_in_the_background_until_stopped(monkeypatch):
    rounds = []
    monkeypatch.setattr(housekeeping, "run_once", lambda: rounds.append(1))
    monkeypatch.setattr(housekeeping, "close_old_connections", lambda: None)
    thread = housekeeping.start_in_background(interval=0.01)
    try:
        for _ in range(200):
            if len(rounds) >= 3:
                break
            thread.join(0.01)
    finally:
        thread.stop.set()
        thread.join(1)
    assert len(rounds) >= 3
    assert not thread.is_alive()
