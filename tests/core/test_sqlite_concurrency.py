"""The embedded SQLite database holds a task worker and two visitors writing at the same time.

The connections are built from the project's own database settings (settings/database.py) on a
temporary file, so what is tested is what `make run` uses. The control case shows that the test
can fail: with SQLite's default (deferred) transactions the same interleaving is refused with
"database is locked".
"""

import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import OperationalError, connections, transaction

from voorbeeldenbank.settings.database import database_from_url

ALIAS = "concurrency_check"


@pytest.fixture
def sqlite_file(tmp_path: Path, django_db_blocker) -> Iterator[Path]:
    path = tmp_path / "concurrency.sqlite3"
    with django_db_blocker.unblock():
        yield path


def use_database(path: Path, **options: object) -> None:
    config = database_from_url(f"sqlite:///{path}", conn_max_age=0)
    config["OPTIONS"].update(options)
    # configure_settings fills in Django's defaults; it insists on a "default" entry.
    configured = connections.configure_settings(
        {"default": {**connections.settings["default"]}, ALIAS: config}
    )
    connections.settings[ALIAS] = configured[ALIAS]
    forget_connection()


def forget_connection() -> None:
    """Drop this thread's connection object, so the next use is built from the new settings."""
    if hasattr(connections._connections, ALIAS):
        connections[ALIAS].close()
        del connections[ALIAS]


@pytest.fixture
def database(sqlite_file: Path) -> Iterator[Path]:
    use_database(sqlite_file)
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("create table counter (id integer primary key, n integer not null)")
        cursor.execute("insert into counter (id, n) values (1, 0), (2, 0)")
    forget_connection()
    yield sqlite_file
    forget_connection()
    connections.settings.pop(ALIAS, None)


def in_thread(target, errors: list[BaseException]) -> threading.Thread:
    def run() -> None:
        try:
            target()
        except BaseException as error:
            errors.append(error)
        finally:
            connections[ALIAS].close()

    return threading.Thread(target=run)


def read_then_write(row: int, before_write=None) -> None:
    """What a visitor's request does: read a row, then change it, in one transaction."""
    with transaction.atomic(using=ALIAS), connections[ALIAS].cursor() as cursor:
        cursor.execute("select n from counter where id = %s", [row])
        (value,) = cursor.fetchone()
        if before_write is not None:
            before_write()
        cursor.execute("update counter set n = %s where id = %s", [value + 1, row])


def worker_write() -> None:
    """What the task worker does between tasks: claim and update rows in a short transaction."""
    with transaction.atomic(using=ALIAS), connections[ALIAS].cursor() as cursor:
        cursor.execute("update counter set n = n + 1 where id = 2")


def interleave() -> list[BaseException]:
    """A visitor reads; the worker writes meanwhile; then the visitor writes."""
    errors: list[BaseException] = []
    read_done, worker_started = threading.Event(), threading.Event()

    def visitor() -> None:
        def wait_for_worker() -> None:
            read_done.set()
            worker_started.wait(5)
            # Give the worker time to commit (deferred) or to block on the lock (immediate).
            time.sleep(0.3)

        read_then_write(1, before_write=wait_for_worker)

    def worker() -> None:
        read_done.wait(5)
        worker_started.set()
        worker_write()

    threads = [in_thread(visitor, errors), in_thread(worker, errors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return errors


def test_default_deferred_transactions_would_be_refused(database: Path) -> None:
    use_database(database, transaction_mode="DEFERRED")
    errors = interleave()
    assert any("database is locked" in str(error) for error in errors), errors


def test_the_visitor_waits_for_the_worker_instead_of_failing(database: Path) -> None:
    errors = interleave()
    assert errors == []
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("select n from counter order by id")
        assert [row[0] for row in cursor.fetchall()] == [1, 1]


def test_a_worker_and_two_visitors_writing_at_once_never_see_a_locked_database(
    database: Path,
) -> None:
    errors: list[BaseException] = []
    stop = time.monotonic() + 2.0
    done = {"visitor": 0, "worker": 0}
    lock = threading.Lock()

    def loop(kind: str, step) -> None:
        generator = random.Random(kind)
        while time.monotonic() < stop:
            step()
            with lock:
                done[kind] += 1
            time.sleep(generator.random() / 100)

    threads = [
        in_thread(lambda: loop("worker", worker_write), errors),
        *(in_thread(lambda: loop("visitor", lambda: read_then_write(1)), errors) for _ in "ab"),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not [error for error in errors if isinstance(error, OperationalError)], errors
    assert errors == []
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("select n from counter order by id")
        # Every write counted: no update was lost between the two visitors.
        assert [row[0] for row in cursor.fetchall()] == [done["visitor"], done["worker"]]
    assert done["visitor"] > 10
    assert done["worker"] > 10


def test_the_site_uses_wal_and_immediate_transactions_on_sqlite() -> None:
    config = database_from_url("sqlite:////tmp/example.sqlite3", conn_max_age=60)
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert config["OPTIONS"]["timeout"] >= 5
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["CONN_HEALTH_CHECKS"] is True
    postgres = database_from_url("postgres://u:p@localhost/db", conn_max_age=60)
    assert "transaction_mode" not in postgres.get("OPTIONS", {})
    assert postgres["CONN_HEALTH_CHECKS"] is True
