"""Django's Redis cache, made to degrade instead of fail when Redis is unreachable.

Everything the site keeps in the cache can be recomputed (Wagtail's site roots, rendered
fragments) or may lapse for a while (rate-limit counters): a Redis that is down or restarting
should make the site slower and its limits lenient, not answer every page with a 500. Each
operation that cannot reach Redis behaves as on an empty cache that keeps nothing, and the
failure is logged, at most once a minute per process so that an outage does not flood the log.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)
LOG_EVERY = 60.0

T = TypeVar("T")

_lock = threading.Lock()
_last_logged = 0.0


def _report(operation: str, error: Exception) -> None:
    global _last_logged
    now = time.monotonic()
    with _lock:
        if now - _last_logged < LOG_EVERY:
            return
        _last_logged = now
    logger.error("Cache unreachable (%s): %s; going on without it", operation, error)


def _safely(operation: str, call: Callable[[], T], fallback: T) -> T:
    try:
        return call()
    except UNREACHABLE as error:
        _report(operation, error)
        return fallback


class FailSafeClient(RedisCacheClient):
    """The client Django's RedisCache talks through, with every operation guarded."""

    def get(self, key: Any, default: Any) -> Any:
        return _safely("get", lambda: super(FailSafeClient, self).get(key, default), default)

    def get_many(self, keys: Any) -> dict[Any, Any]:
        return _safely("get_many", lambda: super(FailSafeClient, self).get_many(keys), {})

    def has_key(self, key: Any) -> bool:
        return _safely("has_key", lambda: super(FailSafeClient, self).has_key(key), False)

    def set(self, key: Any, value: Any, timeout: Any) -> None:
        _safely("set", lambda: super(FailSafeClient, self).set(key, value, timeout), None)

    def add(self, key: Any, value: Any, timeout: Any) -> bool:
        # Nothing is stored, so nothing was added: a caller using add() as a lock skips.
        return _safely("add", lambda: super(FailSafeClient, self).add(key, value, timeout), False)

    def set_many(self, data: Any, timeout: Any) -> None:
        _safely("set_many", lambda: super(FailSafeClient, self).set_many(data, timeout), None)

    def touch(self, key: Any, timeout: Any) -> bool:
        return _safely("touch", lambda: super(FailSafeClient, self).touch(key, timeout), False)

    def delete(self, key: Any) -> bool:
        return _safely("delete", lambda: super(FailSafeClient, self).delete(key), False)

    def delete_many(self, keys: Any) -> None:
        _safely("delete_many", lambda: super(FailSafeClient, self).delete_many(keys), None)

    def clear(self) -> bool:
        return _safely("clear", lambda: super(FailSafeClient, self).clear(), False)

    def incr(self, key: Any, delta: int) -> int:
        try:
            return super().incr(key, delta)
        except UNREACHABLE as error:
            _report("incr", error)
            # As for a key that is not there: the caller starts counting afresh.
            raise ValueError(f"Key {key!r} not found (the cache is unreachable)") from error


class FailSafeRedisCache(RedisCache):
    def __init__(self, server: str | list[str], params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = FailSafeClient
