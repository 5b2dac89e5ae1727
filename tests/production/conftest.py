"""Smoke tests against a running production stack, not against Django's test database.

They run when PRODUCTION_URL names the stack (`make production`, then
`PRODUCTION_URL=http://127.0.0.1:8080 pytest tests/production -m production`); without it they
are skipped. PRODUCTION_ENV (var/production/env) is the environment the stack runs with:
the tests run manage.py with it to publish a change or queue a build, as an operator would.
"""

import os

import pytest

from .stack import Stack


def pytest_collection_modifyitems(config, items):
    if os.environ.get("PRODUCTION_URL"):
        return
    skip = pytest.mark.skip(reason="no production stack: set PRODUCTION_URL (make production)")
    for item in items:
        if item.get_closest_marker("production"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def stack() -> Stack:
    return Stack.from_environment()
