from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from voorbeeldenbank.core.ratelimit import Decision, Rate, hit, per_ip

from ..forms import FocusForm
from ..links import normalise_code
from ..models import ReflectionSession, Response
from ..results import element_results
from ..suggestions import suggest


def get_session(code: str) -> ReflectionSession:
    """A session by its code; past its period it is gone, also before housekeeping deletes it."""
    session = get_object_or_404(ReflectionSession, code=normalise_code(code))
    if session.is_expired:
        raise Http404
    return session


def limited(request: HttpRequest, scope: str, setting: str) -> Decision:
    # The address is only a cache key for the limit's period; it is never stored with answers.
    return hit([per_ip(f"reflection-{scope}", request, Rate.setting(setting))])


def answered_cookie(session: ReflectionSession) -> str:
    return f"reflectie_{session.code}"


def remember_answer(
    request: HttpRequest, response: HttpResponse, session: ReflectionSession
) -> None:
    """A soft guard against answering twice from one browser; nothing about the person."""
    response.set_cookie(
        answered_cookie(session),
        "1",
        max_age=settings.REFLECTION_KEEP_DAYS * 86400,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def result_context(request: HttpRequest, session: ReflectionSession) -> dict:
    responses = Response.objects.filter(session=session)
    focus = FocusForm(request.GET) if "groei" in request.GET else FocusForm()
    chosen = list(focus.cleaned_data["groei"]) if focus.is_bound and focus.is_valid() else []
    return {
        "session": session,
        "answered": responses.count(),
        "results": element_results(responses),
        "focus_form": focus,
        "chosen": chosen,
        "suggestions": suggest(chosen),
        "focus_query": request.GET.urlencode() if chosen else "",
    }
