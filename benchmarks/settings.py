"""Settings for the benchmark: production-like (DEBUG off) on the benchmark's own database.

The database comes from DATABASE_URL, which benchmarks/catalogue.py sets before Django starts.
"""

import os

os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from voorbeeldenbank.settings.base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": False}
