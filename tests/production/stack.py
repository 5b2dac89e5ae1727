"""Talking to the production stack: HTTP through nginx, manage.py with the stack's environment."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    @property
    def cache(self) -> str:
        return self.headers.get("x-cache-status", "")

    def json(self) -> Any:
        return json.loads(self.body)


def read_env(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            key, _, value = line.partition("=")
            values[key] = value
    return values


@dataclass
class Stack:
    url: str
    env: dict[str, str] = field(default_factory=dict)
    run_dir: Path = ROOT / "var" / "production"

    @classmethod
    def from_environment(cls) -> Stack:
        env_file = Path(os.environ.get("PRODUCTION_ENV", ROOT / "var" / "production" / "env"))
        return cls(
            url=os.environ["PRODUCTION_URL"].rstrip("/"),
            env=read_env(env_file),
            run_dir=env_file.parent,
        )

    def request(
        self,
        method: str,
        path: str,
        *,
        source: str | None = None,
        headers: dict[str, str] | None = None,
        body: bytes | None = None,
    ) -> Response:
        """One request on its own connection; `source` is the loopback address to send from."""
        parts = urlsplit(self.url)
        connection = http.client.HTTPConnection(
            parts.hostname or "127.0.0.1",
            parts.port or 80,
            timeout=30,
            source_address=(source, 0) if source else None,
        )
        try:
            connection.request(method, path, body=body, headers=headers or {})
            answer = connection.getresponse()
            return Response(
                answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read()
            )
        finally:
            connection.close()

    def get(self, path: str, **kwargs: Any) -> Response:
        return self.request("GET", path, **kwargs)

    def flush_logs(self) -> None:
        """nginx writes its access log in blocks; reopening the logs writes out what waits."""
        conf = self.run_dir / "deploy" / "nginx" / "loopback.conf"
        subprocess.run(["nginx", "-q", "-c", str(conf), "-s", "reopen"], check=True, timeout=30)

    def manage(self, code: str, *, env: dict[str, str] | None = None) -> str:
        """Run Python in `manage.py shell` against the stack; returns what it printed."""
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env={**os.environ, **self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()


def wait_for(check: Callable[[], Any], *, seconds: float, every: float = 0.5) -> Any:
    """Call `check` until it returns something true; that value, or None after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(every)
