"""Fill in the placeholders (names between @ signs) of deploy/nginx and deploy/systemd.

    .venv/bin/python scripts/render_deploy.py OUT_DIR

Values come from the environment (the same file the site reads, deploy/env.example); what is
not set there gets the defaults below, which suit one server with everything on it. The body
limit is read from the Django settings, so nginx and Django agree on it. A placeholder left
without a value stops the script, so a half-filled configuration is never written.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
PLACEHOLDER = re.compile(r"@([A-Z][A-Z0-9_]*)@")


def settings_value(name: str) -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from voorbeeldenbank.settings import base

    return str(getattr(base, name))


def values(environ: dict[str, str]) -> dict[str, str]:
    app_servers = [s.strip() for s in environ.get("APP_SERVERS", "127.0.0.1:8001").split(",")]
    app_hosts = sorted({server.rpartition(":")[0] for server in app_servers if server})
    base_url = environ.get("BASE_URL", "")
    defaults = {
        "APP_DIR": "/srv/voorbeeldenbank",
        "APP_USER": "voorbeeldenbank",
        "ENV_FILE": "/etc/voorbeeldenbank/env",
        "MEDIA_ROOT": "/srv/voorbeeldenbank/media",
        "STATIC_ROOT": "/srv/voorbeeldenbank/static",
        "SERVER_NAME": urlsplit(base_url).hostname or "_",
        "NGINX_CONF_DIR": "/etc/nginx/voorbeeldenbank",
        "NGINX_CACHE_DIR": "/var/cache/nginx/voorbeeldenbank",
        "NGINX_ACCESS_LOG": "/var/log/nginx/voorbeeldenbank.access.log",
        "NGINX_INTERNAL_LISTEN": "127.0.0.1:8080",
        "NGINX_LISTEN": "127.0.0.1:8080",
        "NGINX_MODULES_DIR": "/usr/lib/nginx/modules",
        "NGINX_PURGE_FROM": ",".join(dict.fromkeys(["127.0.0.1", *app_hosts])),
        "NGINX_USER": "",
        "RUN_DIR": str(ROOT / "var" / "production"),
    }
    result = {**defaults, **{k: v for k, v in environ.items() if k in defaults}}
    result["NGINX_UPSTREAM_SERVERS"] = "\n    ".join(
        f"server {server};" for server in app_servers if server
    )
    result["NGINX_PURGE_ALLOW"] = "\n    ".join(
        f"allow {address.strip()};" for address in result["NGINX_PURGE_FROM"].split(",") if address
    )
    result["MAX_REQUEST_BODY_BYTES"] = environ.get(
        "MAX_REQUEST_BODY_BYTES", settings_value("MAX_REQUEST_BODY_BYTES")
    )
    recording = environ.get(
        "RESEARCH_RECORDING_MAX_BYTES", settings_value("RESEARCH_RECORDING_MAX_BYTES")
    )
    # The form's room around the file: research.forms.MULTIPART_OVERHEAD.
    result["RECORDING_MAX_BODY_BYTES"] = str(int(recording) + 64 * 1024)
    return result


def render(text: str, known: dict[str, str], name: str) -> str:
    missing = sorted(set(PLACEHOLDER.findall(text)) - set(known))
    if missing:
        raise SystemExit(f"{name}: no value for {', '.join(missing)}")
    return PLACEHOLDER.sub(lambda match: known[match.group(1)], text)


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    out = Path(argv[1])
    known = values(dict(os.environ))
    for source in sorted([*DEPLOY.glob("nginx/*.conf"), *DEPLOY.glob("systemd/*.service")]):
        target = out / source.parent.name / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(source.read_text(), known, str(source.relative_to(ROOT))))


if __name__ == "__main__":
    main(sys.argv)
