"""Middleware of the whole site."""

from collections.abc import Callable

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.urls import reverse


class AtomicAdminWritesMiddleware:
    """Run every POST to the Wagtail admin in one transaction, rolled back on a server error.

    Publishing in Wagtail's editor is several writes (the page, its revision, the catalogue
    index, the submission's state and log, the outgoing e-mails) that Wagtail does not wrap in
    a transaction; a failure half-way would leave a live page that the catalogue does not
    know. Here it is all or nothing, and the side effects that leave the database (e-mail,
    cache purges) run after the commit. An exception in a view has already become a 500
    response when it reaches a middleware, hence the check of the status.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.prefix = ""

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.prefix:
            self.prefix = reverse("wagtailadmin_home")
        if request.method != "POST" or not request.path.startswith(self.prefix):
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 500:
                transaction.set_rollback(True)
        return response
