"""Per-IP counters in Django's cache for starting, uploading and submitting."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """'10/h' -> (10, 3600)."""
    try:
        count, period = rate.strip().split("/")
        return int(count), PERIODS[period.strip().lower()[:1]]
    except (ValueError, KeyError) as error:
        raise ImproperlyConfigured(
            f"SUBMISSION_RATE_LIMIT must look like '10/h', not {rate!r}"
        ) from error


def client_ip(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client unless a trusted proxy rewrites it.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def hit(scope: str, request: HttpRequest) -> bool:
    """Count one attempt; True while the client is within the limit."""
    limit, period = parse_rate(settings.SUBMISSION_RATE_LIMIT)
    window = int(time.time() // period)
    key = f"submissions:rate:{scope}:{client_ip(request)}:{window}"
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=period)
        count = 1
    return count <= limit


def too_many(request: HttpRequest) -> HttpResponse:
    return render(request, "submissions/rate_limited.html", status=429)


def rate_limited(
    scope: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Limit POSTs of a view per client IP; GETs are free."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method == "POST" and not hit(scope, request):
                return too_many(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
