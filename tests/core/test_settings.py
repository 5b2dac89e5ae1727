"""Production settings refuse to start without their required environment."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = {
    "SECRET_KEY": "a-real-secret",
    "DATABASE_URL": "sqlite:///tmp/prod-check.sqlite3",
    "ALLOWED_HOSTS": "voorbeeldenbank.example.org",
}


def load_production_settings(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in REQUIRED and k != "DEBUG"}
    return subprocess.run(
        [sys.executable, "-c", "import voorbeeldenbank.settings.production as s; print(s.DEBUG)"],
        env={**clean, **env, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in REQUIRED.items() if k != missing}
    result = load_production_settings(env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_starts_with_everything_set_and_debug_off():
    result = load_production_settings({**REQUIRED, "DEBUG": "true"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
