"""Rate limits on the public actions: starting, uploading, submitting and the contact's answer.

Two counters per action. One per private link (or, for starting, per browser), at
SUBMISSION_RATE_LIMIT: that is what stops one person or one script. One per client address,
at the higher SUBMISSION_RATE_LIMIT_PER_IP: a training group behind one office connection
shares it, so it is a ceiling against floods rather than the limit a person meets.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

from voorbeeldenbank.core.ratelimit import (
    Limit,
    Rate,
    hit,
    per_browser,
    per_ip,
    per_secret,
    too_many_requests,
)

TEMPLATE = "submissions/rate_limited.html"
# The URL argument that holds the private link of each kind of page.
LINK_ARGUMENTS = ("token", "signed")


def limits_for(action: str, request: HttpRequest, kwargs: dict[str, Any]) -> list[Limit]:
    """The private link in the address, else the browser; and the address's ceiling."""
    scope = f"submissions:{action}"
    rate = Rate.setting("SUBMISSION_RATE_LIMIT")
    links = [str(kwargs[name]) for name in LINK_ARGUMENTS if kwargs.get(name)]
    holder = per_secret(scope, "link", links[0], rate) if links else None
    if holder is None:
        holder = per_browser(scope, request, rate)
    ceiling = per_ip(scope, request, Rate.setting("SUBMISSION_RATE_LIMIT_PER_IP"))
    return [holder, ceiling] if holder else [ceiling]


def rate_limited(
    action: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Limit POSTs of a view; GETs are free (reading a draft costs nothing worth limiting)."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method == "POST":
                decision = hit(limits_for(action, request, kwargs))
                if not decision.allowed:
                    return too_many_requests(request, decision, TEMPLATE)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
