"""Production: PostgreSQL, Redis, gunicorn behind nginx (deploy/, docs/deployment.md).

Everything that differs between servers comes from the environment; deploy/env.example lists
and explains each variable. The settings refuse to load without the ones that have no safe
default, so that a missing variable stops the start instead of e-mailing links to localhost.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

REQUIRED = ("SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "BASE_URL", "REDIS_URL")

_missing = [name for name in REQUIRED if not os.environ.get(name, "").strip()]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: " + ", ".join(_missing)
    )

from .base import *  # noqa: E402,F403
from .base import BASE_DIR  # noqa: E402
from .env import envbool, envfloat, envint, envstr  # noqa: E402

DEBUG = False

# nginx terminates TLS and says so in X-Forwarded-Proto (deploy/nginx/voorbeeldenbank.conf).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
# Off only for a stack on plain http (`make production` on loopback): browsers drop secure
# cookies there and no form would pass the CSRF check.
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = envbool("SECURE_COOKIES", True)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
# Preloading commits the whole registrable domain to HTTPS in every browser; that is for the
# domain's owner to decide, not for this site, so not asking for it is not a warning here.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

STATIC_ROOT = Path(envstr("STATIC_ROOT", str(BASE_DIR / "static_collected")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names (app.3f2a…c1.css), so nginx may let browsers keep them for a year.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

# Shared by every gunicorn worker, the task worker and every app server: rate-limit counters
# must be counted in one place. Short timeouts: an unreachable Redis degrades to an empty cache
# (core/cache.py) and must not hold each request for the operating system's TCP timeout.
_REDIS_OPTIONS = {
    "socket_connect_timeout": envfloat("REDIS_CONNECT_TIMEOUT", 0.5),
    "socket_timeout": envfloat("REDIS_TIMEOUT", 0.5),
}
CACHES = {
    "default": {
        "BACKEND": "voorbeeldenbank.core.cache.FailSafeRedisCache",
        "LOCATION": envstr("REDIS_URL"),
        "KEY_PREFIX": envstr("CACHE_KEY_PREFIX", "voorbeeldenbank"),
        "OPTIONS": _REDIS_OPTIONS,  # type: ignore[dict-item]
    }
}
RATELIMIT_CACHE = "default"

# nginx's page cache is purged through FRONTEND_CACHE_LOCATION (settings/base.py,
# core/frontend_cache.py); nginx accepts PURGE only from the app servers.

# Private links are masked in every line Django logs (voorbeeldenbank/accesslog.py); gunicorn's
# own access and error logs are masked by its logger class (deploy/gunicorn.conf.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"private_links": {"()": "voorbeeldenbank.accesslog.PrivateLinkFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["private_links"]},
    },
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "WARNING")},
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = envstr("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
# The outbox retries; a mail server that does not answer must not hold the worker for minutes.
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "noreply@localhost")
