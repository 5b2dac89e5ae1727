import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECRET_KEY", "dev-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

from .base import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
