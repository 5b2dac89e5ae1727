"""Login throttling (django-axes): who is counted, and the page a locked-out person sees.

Failures are counted per username *and* client IP together (AXES_LOCKOUT_PARAMETERS), so a
colleague behind the same office connection, or the real owner of a guessed username logging
in from elsewhere, is not locked out by someone else's attempts. The address is the real client
IP behind the trusted proxies (core.http.client_ip).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from axes.helpers import get_cool_off
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .http import client_ip_or_none
from .ratelimit import set_retry_after, wait_phrase

# AccessAttempt.username is a 255-character column; PostgreSQL refuses longer values and NULs.
USERNAME_LENGTH = 255


def attempted_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """The username as axes should count it: case and surrounding spaces do not make a new
    one (Wagtail's login accepts "Admin " as well as "admin"), and it always fits the column."""
    field = str(getattr(settings, "AXES_USERNAME_FORM_FIELD", "username"))
    source = credentials if credentials else getattr(request, "POST", {})
    value = source.get(field) if source else None
    if value is None:
        return None
    return str(value).replace("\x00", "").strip().casefold()[:USERNAME_LENGTH]


def cool_off() -> timedelta:
    return get_cool_off() or timedelta(0)


def locked_until(username: str | None, ip_address: str | None) -> timedelta:
    """How long the lockout of this username at this address still lasts."""
    last = AccessAttempt.objects.filter(username=username, ip_address=ip_address).aggregate(
        last=Max("attempt_time")
    )["last"]
    if last is None:
        return cool_off()
    return max(timedelta(seconds=1), last + cool_off() - timezone.now())


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the site's own page, with the wait in words and Retry-After."""
    username = attempted_username(request, credentials)
    remaining = locked_until(username, client_ip_or_none(request))
    seconds = int(remaining.total_seconds())
    response = render(
        request,
        "core/lockout.html",
        {"wait": wait_phrase(seconds), "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    return set_retry_after(response, seconds)


def delete_old_login_records() -> int:
    """Logins and failed attempts are personal data (username, IP address, browser): keep them
    for LOGIN_RECORD_RETENTION_DAYS; a running lockout is never shorter than that."""
    cutoff = timezone.now() - timedelta(days=settings.LOGIN_RECORD_RETENTION_DAYS)
    deleted = 0
    for model, field in (
        (AccessAttempt, "attempt_time"),
        (AccessLog, "attempt_time"),
        (AccessFailureLog, "attempt_time"),
    ):
        count, _ = model.objects.filter(**{f"{field}__lt": cutoff}).delete()
        deleted += count
    return deleted
