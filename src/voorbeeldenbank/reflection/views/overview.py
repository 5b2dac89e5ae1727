from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..aggregate import overview
from ..constants import AGGREGATE_MIN_SESSIONS


def overview_view(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reflection/overview.html",
        {"overview": overview(), "minimum": AGGREGATE_MIN_SESSIONS},
    )
