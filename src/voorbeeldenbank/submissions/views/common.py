"""Resolving the submitter's private link, and the pages for links that no longer work."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..tokens import LinkError, submission_for_token

LINK_STATUS = {"unknown": 404, "expired": 410, "revoked": 410, "used": 410}


def link_error(request: HttpRequest, error: LinkError) -> HttpResponse:
    response = render(
        request,
        "submissions/link_error.html",
        {"reason": error.reason},
        status=LINK_STATUS.get(error.reason, 404),
    )
    return private(response)


def private(response: HttpResponse) -> HttpResponse:
    # Pages behind a private link must not be cached or leak the link to other sites in a
    # Referer header; "no-referrer" would make browsers send "Origin: null" and fail CSRF.
    response["Cache-Control"] = "no-store, private"
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def with_submission(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Pass the submission behind `token`, or answer with the right error page."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, token: str, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            submission = submission_for_token(token)
        except LinkError as error:
            return link_error(request, error)
        return private(view(request, submission, token, *args, **kwargs))

    return wrapped
