import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "*")

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": False}
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
# The demo fixture stays fast: no edition build on every load (tests/publication/test_demo.py).
DEMO_BUILD_EDITION = False
# Tests see a change's effect on search at once; tests/examples/test_semantic.py tests the
# reload in the background on its own.
SEMANTIC_RELOAD_IN_BACKGROUND = False
# Training the element model reads some 400 paragraphs: tests that want it ask for it
# (tests/examples/test_suggestions.py), a publish in any other test does not train.
ELEMENT_MODEL_TRAIN_IN_BACKGROUND = False
# Rate-limit counters apart, so that tests can start each from zero (tests/conftest.py)
# without emptying what Wagtail and the catalogue keep in the default cache.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "ratelimit",
    },
}
RATELIMIT_CACHE = "ratelimit"
