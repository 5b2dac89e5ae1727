"""Refuse request bodies that are too large before anything reads them.

Django bounds the form fields it keeps in memory (DATA_UPLOAD_MAX_MEMORY_SIZE) but streams an
uploaded file to disk whatever its size, and CsrfViewMiddleware parses a POST body before any
view runs. So the size is checked on Content-Length here, in process_view, from a middleware
placed before CsrfViewMiddleware: a view can declare its own limit and answer (`limit_body`),
and every request is held to MAX_REQUEST_BODY_BYTES as well, unless its view declares that its
limit goes above that ceiling (`above_ceiling=True`: only the upload of interview recordings,
for which nginx has a location with the same larger limit). The web server's own limit (nginx's
client_max_body_size) should be at least the ceiling, so that these pages are seen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

View = Callable[..., HttpResponse]


@dataclass(frozen=True)
class BodyLimit:
    max_bytes: Callable[[], int]
    # Called like the view (request and URL arguments) to answer a body over the limit.
    too_large: View
    # The declared limit replaces MAX_REQUEST_BODY_BYTES instead of coming on top of it.
    above_ceiling: bool = False


def limit_body(
    max_bytes: Callable[[], int], too_large: View, *, above_ceiling: bool = False
) -> Callable[[View], View]:
    """Declare a view's largest accepted body, and the page that answers a larger one."""

    def decorator(view: View) -> View:
        view.body_limit = BodyLimit(max_bytes, too_large, above_ceiling)  # type: ignore[attr-defined]
        return view

    return decorator


def content_length(request: HttpRequest) -> int | None:
    """The declared body size; None when the header is not a number (treated as too large)."""
    value = request.META.get("CONTENT_LENGTH") or "0"
    try:
        length = int(value)
    except ValueError:
        return None
    return length if length >= 0 else None


def over(request: HttpRequest, limit: int) -> bool:
    length = content_length(request)
    return length is None or length > limit


def too_large_page(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    return render(request, "413.html", status=413)


class BodyLimitMiddleware:
    def __init__(self, get_response: View) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: View, args: tuple, kwargs: dict[str, Any]
    ) -> HttpResponse | None:
        declared: BodyLimit | None = getattr(view, "body_limit", None)
        if declared is not None and over(request, declared.max_bytes()):
            return declared.too_large(request, *args, **kwargs)
        if declared is not None and declared.above_ceiling:
            return None
        if over(request, settings.MAX_REQUEST_BODY_BYTES):
            return too_large_page(request)
        return None
