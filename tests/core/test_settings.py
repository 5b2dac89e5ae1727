"""Production settings refuse to start without their required environment."""

import ast
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
    "BASE_URL": "https://voorbeeldenbank.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
SETTINGS = "voorbeeldenbank.settings.production"
# Long and varied enough for Django's deploy check (security.W009).
DEPLOY_SECRET = "deploy-check-" + "k7Qz9xW2pL4mN8vB3cR6tY1uH5jF0gD" * 2


# Set by the test run itself (make test, for the browser tests), never by a deployment.
TEST_RUN_ONLY = {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def clean_environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in REQUIRED and k not in TEST_RUN_ONLY}


def load_production_settings(
    env: dict[str, str], expression: str = "s.DEBUG"
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", f"import {SETTINGS} as s; print(({expression}))"],
        env={**clean_environment(), **env, "PYTHONPATH": str(ROOT / "src")},
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


def test_production_refuses_a_blank_base_url():
    result = load_production_settings({**REQUIRED, "BASE_URL": "  "})
    assert result.returncode != 0
    assert "BASE_URL" in result.stderr


def test_links_in_e_mails_and_the_admin_follow_base_url():
    result = load_production_settings(
        {**REQUIRED, "BASE_URL": "https://voorbeelden.example.nl/"},
        "s.SUBMISSION_BASE_URL, s.WAGTAILADMIN_BASE_URL",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "('https://voorbeelden.example.nl', 'https://voorbeelden.example.nl')"
    )


def test_the_cache_is_the_fail_safe_redis_with_short_timeouts():
    result = load_production_settings({**REQUIRED, "REDIS_TIMEOUT": "0.25"}, "s.CACHES['default']")
    assert result.returncode == 0, result.stderr
    cache = ast.literal_eval(result.stdout.strip())
    assert cache["BACKEND"] == "voorbeeldenbank.core.cache.FailSafeRedisCache"
    assert cache["LOCATION"] == REQUIRED["REDIS_URL"]
    assert cache["OPTIONS"] == {"socket_connect_timeout": 0.5, "socket_timeout": 0.25}


def test_static_files_get_hashed_names():
    result = load_production_settings(
        {**REQUIRED, "STATIC_ROOT": "/srv/static"}, "s.STORAGES['staticfiles'], s.STATIC_ROOT"
    )
    assert result.returncode == 0, result.stderr
    assert "ManifestStaticFilesStorage" in result.stdout
    assert "/srv/static" in result.stdout


def test_frontend_cache_purges_only_when_its_location_is_set():
    expression = (
        "'wagtail.contrib.frontend_cache' in s.INSTALLED_APPS, "
        "s.__dict__.get('WAGTAILFRONTENDCACHE')"
    )
    without = load_production_settings(REQUIRED, expression)
    assert without.stdout.strip() == "(False, None)", without.stderr
    with_location = load_production_settings(
        {**REQUIRED, "FRONTEND_CACHE_LOCATION": "http://127.0.0.1:8080"}, expression
    )
    assert with_location.returncode == 0, with_location.stderr
    # The site's own purge (core/frontend_cache.py), not the contrib app's handlers.
    assert with_location.stdout.startswith("(False, {")
    assert "voorbeeldenbank.core.frontend_cache.HTTPPurgeBackend" in with_location.stdout
    assert "'LOCATION': 'http://127.0.0.1:8080'" in with_location.stdout


def run_deploy_check(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **clean_environment(),
            **REQUIRED,
            "SECRET_KEY": DEPLOY_SECRET,
            "FRONTEND_CACHE_LOCATION": "http://127.0.0.1:8080",
            **env,
            "DJANGO_SETTINGS_MODULE": SETTINGS,
        },
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_deploy_check_is_clean_under_production_settings():
    result = run_deploy_check({})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_notices_cookies_sent_over_plain_http():
    # The check above can fail: the loopback stack's switches are seen as the risks they are.
    result = run_deploy_check({"SECURE_COOKIES": "false", "SECURE_HSTS_SECONDS": "0"})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "security.W012" in output
    assert "security.W016" in output
    assert "security.W004" in output
