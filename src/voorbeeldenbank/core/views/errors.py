"""The site's own answers where Django would show its bare pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

CSRF_TEMPLATE = "403_csrf.html"


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a form that could not be accepted, explained in plain words.

    The technical `reason` is not shown: it means nothing to a visitor, and nothing useful to
    someone probing the site.
    """
    response = render(request, CSRF_TEMPLATE, status=403)
    response["Cache-Control"] = "no-store, private"
    return response
