"""gunicorn for the voorbeeldenbank: `gunicorn -c deploy/gunicorn.conf.py` from the checkout.

Every value can be set from the environment (deploy/env.example); the defaults suit one app
server behind nginx on the same machine.
"""

import multiprocessing
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


chdir = str(ROOT)
pythonpath = str(ROOT / "src")
wsgi_app = "voorbeeldenbank.wsgi:application"

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Synchronous workers: pages are rendered on the CPU and the database is near, so (2 × cores) + 1
# keeps every core busy while some workers wait for PostgreSQL.
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
# A request that takes longer is killed and answered by nginx with 502/504; the slowest honest
# request (a Word upload read within SUBMISSION_DOCX_PARSE_SECONDS, a long language check) is
# far below this.
timeout = _int("GUNICORN_TIMEOUT", 30)
# On a restart or SIGTERM, requests in flight get this long to finish.
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Recycle workers now and then, so that a slow leak never grows; the jitter keeps them from
# restarting all at once.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
# Uploads are spooled by nginx first (client_max_body_size), so gunicorn reads whole bodies fast.
limit_request_line = 8190

# Both logs go to stderr (the journal under systemd) unless a file is named. Private links in
# paths, queries and the Referer are masked (src/voorbeeldenbank/accesslog.py).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Django's own log lines go to stderr; when gunicorn logs to a file (or runs as a daemon, whose
# stderr is gone), send them there too.
capture_output = errorlog != "-"
logger_class = "voorbeeldenbank.accesslog.MaskingLogger"
# The client is the address nginx forwarded (X-Real-IP); %(L)s is the time taken in seconds.
access_log_format = '%({x-real-ip}i)s %(t)s "%(r)s" %(s)s %(b)s %(L)ss "%(f)s" "%(a)s"'
# nginx on the same machine (and the app servers' own health checks) may set X-Forwarded-*.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "voorbeeldenbank"
pidfile = os.environ.get("GUNICORN_PIDFILE") or None
