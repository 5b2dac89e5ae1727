"""Backup and restore: the stack's database and media, restored into an empty database and
folder, give the same API answers and the same files."""

import hashlib
import os
import secrets
import subprocess
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from .stack import ROOT

pytestmark = pytest.mark.production

PSQL = "/usr/lib/postgresql/15/bin/psql"
API_ANSWERS = """
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1:8080")
paths = ("/api/v1/examples/", "/api/v1/examples/?q=ouders", "/api/v1/matrix/", "/api/v1/elements/")
for path in paths:
    answer = client.get(path)
    print(path, answer.status_code, hashlib.sha256(answer.content).hexdigest())
"""


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def psql(url: str, sql: str) -> None:
    subprocess.run([PSQL, "--no-psqlrc", "-q", "-d", url, "-c", sql], check=True)


def files(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "/tmp/" not in f"/{path.relative_to(folder)}"
    }


@pytest.fixture
def empty_database(stack):
    live = stack.env["DATABASE_URL"]
    name = f"restore_check_{secrets.token_hex(4)}"
    admin = with_database(live, "postgres")
    psql(admin, f'create database "{name}"')
    yield with_database(live, name)
    psql(admin, f'drop database if exists "{name}" with (force)')


def run(script: str, *args: str, env: dict[str, str]) -> str:
    result = subprocess.run(
        [str(ROOT / "scripts" / script), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_restored_backup_answers_the_api_alike(stack, empty_database, tmp_path):
    live_env = {**os.environ, **stack.env}
    live_media = Path(stack.env["MEDIA_ROOT"])
    # A stack just started may have no media yet; one file makes sure the tar is restored.
    marker = live_media / "backup-check" / f"{secrets.token_hex(4)}.txt"
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(secrets.token_hex(16))
    try:
        # The worker may write a file (an example's PDF) while the backup runs: the restored
        # folder must be the media as they were just before or just after.
        before = files(live_media)
        backup = Path(run("backup.sh", str(tmp_path / "backup"), env=live_env))
        after = files(live_media)
    finally:
        marker.unlink()
    assert (backup / "database.dump").stat().st_size > 0
    assert (backup / "media.tar.gz").stat().st_size > 0

    restored_media = tmp_path / "media"
    restored_env = {**live_env, "DATABASE_URL": empty_database, "MEDIA_ROOT": str(restored_media)}
    run("restore.sh", str(backup), env=restored_env)

    # Its own cache prefix: answers cached in Redis for the live site must not be read back.
    code = "import hashlib\n" + API_ANSWERS
    live = stack.manage(code, env={"CACHE_KEY_PREFIX": "backup-check-live"})
    restored = stack.manage(
        code,
        env={
            "DATABASE_URL": empty_database,
            "MEDIA_ROOT": str(restored_media),
            "CACHE_KEY_PREFIX": "backup-check-restored",
        },
    )
    assert live.count(" 200 ") == 4, live
    assert restored == live
    restored_files = files(restored_media)
    assert restored_files in (before, after)
    assert str(marker.relative_to(live_media)) in restored_files

    # Restoring over live data is refused.
    refused = subprocess.run(
        [str(ROOT / "scripts" / "restore.sh"), str(backup)],
        env=restored_env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode != 0
    assert "empty" in refused.stderr
