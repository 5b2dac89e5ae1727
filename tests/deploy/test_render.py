"""The deploy/ templates render completely, agree with the settings, and nginx accepts them."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")


def render(tmp_path: Path, **env: str) -> Path:
    out = tmp_path / "deploy"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "render_deploy.py"), str(out)],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def test_every_placeholder_is_filled_and_the_body_limit_is_django_s(tmp_path):
    out = render(tmp_path, BASE_URL="https://voorbeeldenbank.example.nl")
    files = sorted(out.rglob("*.conf")) + sorted(out.rglob("*.service"))
    sources = [*(ROOT / "deploy").rglob("*.conf"), *(ROOT / "deploy").rglob("*.service")]
    assert len(files) == len(sources) == 8
    for path in files:
        assert not re.search(r"@[A-Z_]+@", path.read_text()), path.name
    locations = (out / "nginx" / "locations.conf").read_text()
    assert f"client_max_body_size {settings.MAX_REQUEST_BODY_BYTES};" in locations
    site = (out / "nginx" / "voorbeeldenbank.conf").read_text()
    assert "server_name voorbeeldenbank.example.nl;" in site


def test_app_servers_are_upstreams_and_may_purge(tmp_path):
    out = render(tmp_path, APP_SERVERS="10.0.0.11:8001,10.0.0.12:8001")
    http = (out / "nginx" / "http.conf").read_text()
    assert "server 10.0.0.11:8001;" in http
    assert "server 10.0.0.12:8001;" in http
    locations = (out / "nginx" / "locations.conf").read_text()
    purge = locations[locations.index("location @purge_page") :]
    assert purge.index("allow 127.0.0.1;") < purge.index("deny all;")
    assert "allow 10.0.0.11;" in purge
    assert "allow 10.0.0.12;" in purge


@pytest.mark.skipif(
    not (shutil.which("nginx") and MODULE.exists()), reason="nginx with the cache-purge module"
)
def test_nginx_accepts_the_loopback_configuration(tmp_path):
    run = tmp_path / "run"
    for folder in ("log", "nginx-tmp", "static", "media"):
        (run / folder).mkdir(parents=True)
    out = render(
        tmp_path,
        RUN_DIR=str(run),
        NGINX_CONF_DIR=str(tmp_path / "deploy" / "nginx"),
        NGINX_CACHE_DIR=str(run / "cache"),
        NGINX_ACCESS_LOG=str(run / "log" / "access.log"),
        STATIC_ROOT=str(run / "static"),
        MEDIA_ROOT=str(run / "media"),
    )
    result = subprocess.run(
        ["nginx", "-t", "-c", str(out / "nginx" / "loopback.conf")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_recording_upload_has_a_location_with_the_recording_limit(tmp_path):
    from django.urls import reverse

    from voorbeeldenbank.research.forms import MULTIPART_OVERHEAD

    out = render(tmp_path, RESEARCH_RECORDING_MAX_BYTES="300000000")
    locations = (out / "nginx" / "locations.conf").read_text()
    match = re.search(
        r'location ~ "([^"]*opnames[^"]*)" \{\s*client_max_body_size (\d+);', locations
    )
    assert match, "no location for the recording upload"
    assert int(match.group(2)) == 300_000_000 + MULTIPART_OVERHEAD
    # The location's pattern is the address the upload form posts to, and only that one.
    upload = reverse("research_interview:recordings", args=[42])
    assert re.fullmatch(match.group(1), upload)
    assert not re.fullmatch(match.group(1), upload + "7/verwijderen/")
    assert f"client_max_body_size {settings.MAX_REQUEST_BODY_BYTES};" in locations
