"""Sliding-window rate limits kept in a cache every process shares (Redis in production).

Each limit counts in fixed windows of its period and weighs the previous window by how much
of it still overlaps the last `period` seconds ("sliding window counter"): at 15 minutes into
an hour, the estimate is 3/4 of last hour's count plus this hour's count. It needs two cache
keys per limit instead of a log of timestamps, and it has no burst at the window boundary as a
plain fixed window has (twice the limit within a minute around the full hour).

Counting uses only the cache's atomic `add` and `incr`, so every process and server sharing the
cache sees one count. The race we accept: the previous window's count is read separately from
the increment, and a refused attempt is taken back with a second `decr`; a request that lands
in between sees a count one too high. That errs on the strict side by at most the number of
requests refused at that same instant, which is not worth a lock or a Lua script. (Django's
Redis backend checks that a key exists before INCR; a key expiring in that gap is recreated
without a timeout. Keys carry their window number, so such a leftover is never read again.)
"""

from __future__ import annotations

import contextlib
import hashlib
import ipaddress
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .http import client_ip

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
KEY_PREFIX = "ratelimit"


@dataclass(frozen=True)
class Rate:
    count: int
    period: int

    @classmethod
    def parse(cls, value: str, setting: str = "rate") -> Rate:
        """'10/h' -> Rate(10, 3600); `setting` names the setting in the error."""
        try:
            count, period = value.strip().split("/")
            rate = cls(int(count), PERIODS[period.strip().lower()[:1]])
        except (ValueError, KeyError, AttributeError) as error:
            raise ImproperlyConfigured(
                f"{setting} must look like '10/h' (count/s, m, h or d), not {value!r}"
            ) from error
        if rate.count < 1:
            raise ImproperlyConfigured(f"{setting} must allow at least one attempt")
        return rate

    @classmethod
    def setting(cls, name: str) -> Rate:
        return cls.parse(getattr(settings, name), name)


@dataclass(frozen=True)
class Limit:
    """One counter: a cache key (without window) and the rate it may reach."""

    key: str
    rate: Rate


@dataclass(frozen=True)
class Decision:
    allowed: bool
    # Seconds until an attempt would be allowed again; 0 when this one was.
    retry_after: int = 0


def digest(secret: str) -> str:
    """A secret (a private link's token, a cookie) as it may appear in a cache key."""
    return hashlib.sha256(secret.encode()).hexdigest()


def ip_key(address: str) -> str:
    """An address as a rate-limit identity. One IPv6 client (a home or an office) usually has a
    whole /64, and can pick a fresh address in it for every request: count the /64."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if isinstance(parsed, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((parsed, 64), strict=False).network_address) + "/64"
    return str(parsed)


def per_ip(scope: str, request: HttpRequest, rate: Rate) -> Limit:
    return Limit(f"{scope}:ip:{ip_key(client_ip(request))}", rate)


def per_secret(scope: str, kind: str, secret: str, rate: Rate) -> Limit:
    """A limit for whoever holds `secret` (a private link, a browser); only its hash is kept."""
    return Limit(f"{scope}:{kind}:{digest(secret)}", rate)


def per_browser(scope: str, request: HttpRequest, rate: Rate) -> Limit | None:
    """A limit for one browser, known by its CSRF cookie (which every form POST needs anyway);
    None for a client that sends none. A script can drop the cookie, so pair this with a
    per_ip ceiling: the pair is fair to many people behind one address."""
    browser = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    return per_secret(scope, "browser", browser, rate) if browser else None


def store() -> BaseCache:
    """The cache that holds the counters: RATELIMIT_CACHE, Django's default cache unless set."""
    return caches[settings.RATELIMIT_CACHE]


def _window_key(limit: Limit, window: int) -> str:
    return f"{KEY_PREFIX}:{limit.key}:{limit.rate.period}:{window}"


def _count(key: str, timeout: int) -> int:
    # Kept for two periods: the next window still reads this one as its "previous".
    cache = store()
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:
        # Expired between add and incr (or evicted): this attempt starts the window.
        cache.set(key, 1, timeout=timeout)
        return 1


def _uncount(key: str) -> None:
    # Gone meanwhile (expired or evicted): then there is nothing left to take back.
    with contextlib.suppress(ValueError):
        store().decr(key)


def _retry_after(rate: Rate, previous: int, current: int, elapsed: float) -> int:
    """Seconds until previous·(1 − f) + current + 1 ≤ count, f the fraction of the window."""
    limit, period = rate.count, rate.period
    if current + 1 <= limit and previous > 0:
        # Later in this window the previous one weighs little enough.
        needed = 1 - (limit - current - 1) / previous
        return max(1, math.ceil(needed * period - elapsed))
    # Not in this window: in the next, this window is the previous one and weighs `current`.
    rest = period - elapsed
    needed = max(0.0, 1 - (limit - 1) / current) if current else 0.0
    return max(1, math.ceil(rest + needed * period))


def _try(limit: Limit, now: float) -> tuple[bool, int, str]:
    period = limit.rate.period
    window = int(now // period)
    elapsed = now - window * period
    key = _window_key(limit, window)
    current = _count(key, timeout=2 * period)
    previous = store().get(_window_key(limit, window - 1)) or 0
    estimate = previous * (1 - elapsed / period) + current
    if estimate <= limit.rate.count:
        return True, 0, key
    _uncount(key)
    return False, _retry_after(limit.rate, previous, current - 1, elapsed), key


def hit(limits: Sequence[Limit], now: float | None = None) -> Decision:
    """Count one attempt against every limit; refused if any is reached.

    A refused attempt is not counted anywhere, so a person who waits the time we tell them is
    let in then, however often they tried in between.
    """
    now = time.time() if now is None else now
    counted: list[str] = []
    for limit in limits:
        allowed, retry_after, key = _try(limit, now)
        if not allowed:
            for done in counted:
                _uncount(done)
            return Decision(False, retry_after)
        counted.append(key)
    return Decision(True)


def wait_phrase(seconds: int) -> str:
    """The wait in words, rounded up: "Probeer het over 12 minuten opnieuw."."""
    if seconds < 60:
        count = max(1, seconds)
        return ngettext(
            "Probeer het over %(count)s seconde opnieuw.",
            "Probeer het over %(count)s seconden opnieuw.",
            count,
        ) % {"count": count}
    if seconds < 90 * 60:
        count = math.ceil(seconds / 60)
        return ngettext(
            "Probeer het over %(count)s minuut opnieuw.",
            "Probeer het over %(count)s minuten opnieuw.",
            count,
        ) % {"count": count}
    count = math.ceil(seconds / 3600)
    return ngettext(
        "Probeer het over %(count)s uur opnieuw.",
        "Probeer het over %(count)s uur opnieuw.",
        count,
    ) % {"count": count}


def set_retry_after(response: HttpResponse, seconds: int) -> HttpResponse:
    response["Retry-After"] = str(max(1, int(seconds)))
    # A refusal is about this client at this moment: no cache may keep it for others.
    response["Cache-Control"] = "no-store, private"
    return response


def too_many_requests(
    request: HttpRequest,
    decision: Decision,
    template: str = "core/rate_limited.html",
    context: dict | None = None,
) -> HttpResponse:
    """The site's 429 page: how long to wait, in words and in Retry-After."""
    response = render(
        request,
        template,
        {
            "wait": wait_phrase(decision.retry_after),
            "retry_after": decision.retry_after,
            **(context or {}),
        },
        status=429,
    )
    return set_retry_after(response, decision.retry_after)


def limited_message(decision: Decision) -> str:
    """One sentence for places that show the refusal inside a page (an error summary)."""
    return _("U heeft dit de laatste tijd vaak gedaan. %(wait)s") % {
        "wait": wait_phrase(decision.retry_after)
    }
