from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..exports import answers_csv
from ..links import is_leader
from ..models import ReflectionSession
from .common import get_session, result_context


def _leader_session(code: str, token: str) -> ReflectionSession:
    session = get_session(code)
    if not is_leader(session.code, token):
        raise Http404
    return session


def leader_view(request: HttpRequest, code: str, token: str) -> HttpResponse:
    session = _leader_session(code, token)
    context = (
        result_context(request, session)
        if session.is_closed
        else {
            "session": session,
            "answered": session.responses.count(),
        }
    )
    context["token"] = token
    context["share_url"] = request.build_absolute_uri(
        reverse("reflection:session", kwargs={"code": session.code})
    )
    context["leader_url"] = request.build_absolute_uri(request.path)
    response = render(request, "reflection/leader.html", context)
    # The secret link must not end up in a shared cache or in another site's logs ("same-origin",
    # not "no-referrer": that makes the browser send Origin: null, which fails the CSRF check).
    response["Cache-Control"] = "no-store, private"
    response["Referrer-Policy"] = "same-origin"
    return response


@require_POST
def close_view(request: HttpRequest, code: str, token: str) -> HttpResponse:
    session = _leader_session(code, token)
    if session.closed_on is None:
        session.closed_on = timezone.localdate()
        session.save(update_fields=["closed_on"])
        messages.success(request, _("De sessie is gesloten. Hieronder staat het resultaat."))
    return redirect("reflection:leader", code=session.code, token=token)


def csv_view(request: HttpRequest, code: str, token: str) -> HttpResponse:
    session = _leader_session(code, token)
    response = HttpResponse(answers_csv(session), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="reflectie-{session.code}-antwoorden.csv"'
    )
    response["Cache-Control"] = "no-store, private"
    return response
