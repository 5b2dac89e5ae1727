"""The database connection, from a URL, with the options each engine needs under concurrent use."""

from typing import Any

import dj_database_url

# How long a SQLite connection waits for another writer before giving up (seconds). The task
# worker and the web server write to the same file; a publish waits, it does not fail.
SQLITE_BUSY_TIMEOUT = 20

SQLITE_OPTIONS: dict[str, Any] = {
    # Start every transaction as a writer. A deferred transaction that reads first and writes
    # later cannot wait for the lock when another connection wrote meanwhile: SQLite refuses
    # it at once with "database is locked", whatever the timeout.
    "transaction_mode": "IMMEDIATE",
    "timeout": SQLITE_BUSY_TIMEOUT,
    # WAL lets readers go on while one connection writes; NORMAL is safe with WAL (a power cut
    # can lose the last transactions, never corrupt the file).
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


def database_from_url(url: str, *, conn_max_age: int) -> dict[str, Any]:
    config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=conn_max_age))
    # A dropped connection (a database restart) is replaced at the next request or task
    # instead of failing it.
    config["CONN_HEALTH_CHECKS"] = True
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config
