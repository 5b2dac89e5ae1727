"""With Redis unreachable the site goes on: the cache behaves as an empty one that keeps nothing."""

import logging

import pytest
from django.core.cache.backends.base import DEFAULT_TIMEOUT

from voorbeeldenbank.core import cache as failsafe
from voorbeeldenbank.core.cache import FailSafeRedisCache
from voorbeeldenbank.core.ratelimit import Limit, Rate, hit

# Nothing listens on port 1 of this machine: every connection is refused at once.
UNREACHABLE = "redis://127.0.0.1:1/0"


@pytest.fixture
def down(monkeypatch) -> FailSafeRedisCache:
    monkeypatch.setattr(failsafe, "_last_logged", 0.0)
    return FailSafeRedisCache(UNREACHABLE, {"OPTIONS": {"socket_connect_timeout": 0.5}})


def test_reads_miss_and_writes_keep_nothing(down, caplog):
    with caplog.at_level(logging.ERROR, logger="voorbeeldenbank.core.cache"):
        assert down.get("key", "default") == "default"
        down.set("key", 1, DEFAULT_TIMEOUT)
        assert down.add("key", 1) is False
        assert down.get_many(["a", "b"]) == {}
        assert down.has_key("key") is False
        assert down.delete("key") is False
        down.delete_many(["a"])
        down.set_many({"a": 1})
        down.clear()
        with pytest.raises(ValueError, match="unreachable"):
            down.incr("counter")
    # Logged, but once: an outage must not flood the log.
    assert len([r for r in caplog.records if "unreachable" in r.getMessage()]) == 1


def test_rate_limits_let_people_in_while_the_counters_are_away(down, monkeypatch):
    monkeypatch.setattr("voorbeeldenbank.core.ratelimit.store", lambda: down)
    limit = Limit("test:ip:127.0.0.1", Rate(1, 60))
    assert all(hit([limit]).allowed for _ in range(5))


def test_other_errors_are_not_hidden(monkeypatch):
    cache = FailSafeRedisCache(UNREACHABLE, {})

    def broken(*args, **kwargs):
        raise RuntimeError("a bug, not an outage")

    monkeypatch.setattr("django.core.cache.backends.redis.RedisCacheClient.get", broken)
    with pytest.raises(RuntimeError):
        cache.get("key")
