"""The site's own answers where Django would show its bare pages."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.views import defaults

CSRF_TEMPLATE = "403_csrf.html"
UNAVAILABLE_TEMPLATE = "503.html"
# Long enough for a database restart; a client or proxy that honours it asks again after that.
RETRY_AFTER_SECONDS = 10


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a form that could not be accepted, explained in plain words.

    The technical `reason` is not shown: it means nothing to a visitor, and nothing useful to
    someone probing the site.
    """
    response = render(request, CSRF_TEMPLATE, status=403)
    response["Cache-Control"] = "no-store, private"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a database that cannot be reached (restarting, failing over) is a 503 with
    Retry-After, which says "come back soon" to browsers, crawlers and nginx's cache; any
    other failure stays Django's 500 with the site's own page."""
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        # Rendered without the request, as Django's own 500: context processors read the
        # database that is not there.
        html = loader.get_template(UNAVAILABLE_TEMPLATE).render()
        response = HttpResponse(html, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return defaults.server_error(request)
