"""Private links never reach a log line: gunicorn's access log, its error log, Django's loggers."""

import logging
import os
import runpy
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import get_resolver, reverse
from django.utils import translation
from gunicorn.config import Config

from voorbeeldenbank.accesslog import MaskingLogger, PrivateLinkFilter, mask
from voorbeeldenbank.submissions import urls as submission_urls

ROOT = Path(__file__).resolve().parents[2]
SECRET = "Qm9vZ2llLXRva2VuLXRoYXQtaXMtc2VjcmV0"
SIGNED = "eyJyIjoxMn0:1vQx2A:Zm9vYmFyYmF6cXV4"


def private_urls() -> list[str]:
    """Every address of the submissions app that carries a token or a signed value."""
    urls = []
    for pattern in submission_urls.urlpatterns:
        names = list(pattern.pattern.converters)
        if not names:
            continue
        value = SIGNED if "signed" in names else SECRET
        kwargs = {name: value if name in ("token", "signed") else "organisatie" for name in names}
        for language in ("nl", "en"):
            with translation.override(language):
                urls.append(reverse(f"submissions:{pattern.name}", kwargs=kwargs))
    return urls


def test_the_secret_is_masked_in_every_private_address():
    urls = private_urls()
    assert len(urls) == 2 * 6
    for url in urls:
        masked = mask(f"GET {url}?next=/x/&t={SECRET} HTTP/1.1")
        assert SECRET not in masked, url
        assert SIGNED not in masked, url
        assert "***" in masked
        assert masked.endswith("?*** HTTP/1.1"), masked


def test_it_keeps_the_shape_of_the_address():
    assert mask(f"/insturen/{SECRET}/stap/organisatie/") == "/insturen/***/stap/organisatie/"
    assert mask(f"/en/insturen/goedkeuren/{SIGNED}/") == "/en/insturen/goedkeuren/***/"
    referer = f"https://voorbeeldenbank.example.nl/insturen/{SECRET}/controleren/"
    assert mask(referer) == "https://voorbeeldenbank.example.nl/insturen/***/controleren/"


@pytest.mark.parametrize(
    "public",
    [
        "/insturen/",
        "/insturen/sjabloon.docx",
        "/en/insturen/sjabloon.docx?v=2",
        "/voorbeelden/?q=x",
    ],
)
def test_public_addresses_stay_as_they_are(public):
    assert mask(f"GET {public} HTTP/1.1") == f"GET {public} HTTP/1.1"


def test_every_submissions_address_is_under_insturen():
    # The mask knows the prefix; a move of the app's URLs must move the mask with it.
    resolver = get_resolver()
    with translation.override("nl"):
        assert reverse("submissions:status", kwargs={"token": SECRET}).startswith("/insturen/")
    assert resolver.resolve(f"/insturen/{SECRET}/").url_name == "status"


def access_line(tmp_path):
    log = tmp_path / "access.log"
    cfg = Config()
    cfg.set("accesslog", str(log))
    conf = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    cfg.set("access_log_format", conf["access_log_format"])
    logger = MaskingLogger(cfg)
    path = f"/insturen/{SECRET}/stap/organisatie/"
    environ = {
        "REQUEST_METHOD": "POST",
        "RAW_URI": f"{path}?token={SECRET}",
        "PATH_INFO": path,
        "QUERY_STRING": f"token={SECRET}",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"https://example.nl/insturen/{SECRET}/",
        "REMOTE_ADDR": "127.0.0.1",
    }
    request = SimpleNamespace(headers=[("X-REAL-IP", "203.0.113.7")])
    response = SimpleNamespace(status="302 Found", sent=0, headers=[])
    logger.access(response, request, environ, timedelta(milliseconds=12))
    for handler in logger.access_log.handlers:
        handler.flush()
    return log.read_text()


def test_gunicorn_access_log_writes_no_token(tmp_path):
    line = access_line(tmp_path)
    assert SECRET not in line
    assert "203.0.113.7 [" in line
    assert '"POST /insturen/***/stap/organisatie/?*** HTTP/1.1" 302' in line
    assert '"https://example.nl/insturen/***/"' in line


def test_gunicorn_access_log_masks_whatever_atom_a_format_picks(tmp_path):
    log = tmp_path / "access.log"
    cfg = Config()
    cfg.set("accesslog", str(log))
    cfg.set("access_log_format", "%(U)s %(q)s %({raw_uri}e)s %({referer}i)s")
    logger = MaskingLogger(cfg)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/insturen/goedkeuren/{SIGNED}/",
        "PATH_INFO": f"/insturen/goedkeuren/{SIGNED}/",
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    request = SimpleNamespace(headers=[("REFERER", f"/insturen/{SECRET}/")])
    logger.access(
        SimpleNamespace(status="200 OK", sent=1, headers=[]), request, environ, timedelta()
    )
    for handler in logger.access_log.handlers:
        handler.flush()
    line = log.read_text()
    assert SIGNED not in line
    assert SECRET not in line
    assert line.count("***") == 3


def test_django_log_records_are_masked(caplog):
    logger = logging.getLogger("django.request.test")
    caplog.handler.addFilter(PrivateLinkFilter())
    try:
        logger.warning("%s: %s", "Gone", f"/insturen/{SECRET}/")
        try:
            raise ValueError(f"bad step at /insturen/{SECRET}/stap/x/")
        except ValueError:
            logger.exception("Failed")
    finally:
        caplog.handler.filters.clear()
    text = caplog.text
    assert "Gone: /insturen/***/" in text
    assert "bad step at /insturen/***/stap/x/" in text
    assert SECRET not in text


def test_production_logging_masks_what_django_writes():
    code = (
        "import logging.config, voorbeeldenbank.settings.production as s;"
        "logging.config.dictConfig(s.LOGGING);"
        f"logging.getLogger('django.request').warning('Gone: %s', '/insturen/{SECRET}/word/')"
    )
    env = {
        **os.environ,
        "SECRET_KEY": "x",
        "DATABASE_URL": "sqlite:///tmp/x.sqlite3",
        "ALLOWED_HOSTS": "example.nl",
        "BASE_URL": "https://example.nl",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "PYTHONPATH": str(ROOT / "src"),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Gone: /insturen/***/word/" in result.stderr
    assert SECRET not in result.stderr


def test_workers_follow_the_cores_unless_set(monkeypatch):
    monkeypatch.delenv("GUNICORN_WORKERS", raising=False)
    conf = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    assert conf["workers"] == (os.cpu_count() or 1) * 2 + 1
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    conf = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    assert conf["workers"] == 3
    assert conf["logger_class"] == "voorbeeldenbank.accesslog.MaskingLogger"
    assert conf["graceful_timeout"] > 0
    assert conf["timeout"] > 0
