from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from voorbeeldenbank.core.models import Element
from voorbeeldenbank.core.ratelimit import too_many_requests

from ..exports import result_pdf
from ..forms import OpenSessionForm, ScanForm
from ..links import leader_token, new_code
from ..models import Answer, ElementNote, ReflectionSession, Response, Statement
from .common import answered_cookie, get_session, limited, remember_answer, result_context


def index_view(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reflection/index.html",
        {"elements": Element.objects.all(), "keep_days": settings.REFLECTION_KEEP_DAYS},
    )


def _create(**fields) -> ReflectionSession:
    # A new random code until one is free; with 31⁶ codes a clash is rare.
    for _attempt in range(10):
        try:
            with transaction.atomic():
                return ReflectionSession.objects.create(code=new_code(), **fields)
        except IntegrityError:
            continue
    raise RuntimeError("No free session code")


def new_session_view(request: HttpRequest) -> HttpResponse:
    form = OpenSessionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        decision = limited(request, "open", "REFLECTION_OPEN_RATE")
        if not decision.allowed:
            return too_many_requests(request, decision)
        session = _create(
            title=form.cleaned_data["title"],
            tag_organisations=form.cleaned_data["tag_organisations"],
            in_overview=form.cleaned_data["in_overview"],
            closes_on=form.closes_on(),
        )
        return redirect("reflection:leader", code=session.code, token=leader_token(session.code))
    return render(request, "reflection/new.html", {"form": form})


@require_POST
def solo_view(request: HttpRequest) -> HttpResponse:
    decision = limited(request, "open", "REFLECTION_OPEN_RATE")
    if not decision.allowed:
        return too_many_requests(request, decision)
    session = _create(
        solo=True,
        in_overview=request.POST.get("in_overview") == "on",
        closes_on=timezone.localdate(),
    )
    return redirect("reflection:session", code=session.code)


def _statements() -> list[Statement]:
    return list(Statement.objects.filter(active=True).select_related("element"))


@transaction.atomic
def _save(session: ReflectionSession, form: ScanForm) -> Response:
    response = Response.objects.create(
        session=session, organisation_kind=form.cleaned_data.get("organisation_kind", "")
    )
    Answer.objects.bulk_create(
        Answer(
            response=response, statement=statement, statement_version=statement.version, value=value
        )
        for statement, value in form.answers()
    )
    ElementNote.objects.bulk_create(
        ElementNote(response=response, element=element, text=text) for element, text in form.notes()
    )
    if session.solo:
        session.closed_on = timezone.localdate()
        session.save(update_fields=["closed_on"])
    return response


def session_view(request: HttpRequest, code: str) -> HttpResponse:
    session = get_session(code)
    already = answered_cookie(session) in request.COOKIES
    can_answer = not session.is_closed and not already
    form = None
    if can_answer:
        form = ScanForm(
            request.POST if request.method == "POST" else None,
            statements=_statements(),
            ask_organisation=session.tag_organisations,
        )
        if request.method == "POST" and form.is_valid():
            decision = limited(request, "answer", "REFLECTION_ANSWER_RATE")
            if not decision.allowed:
                return too_many_requests(request, decision)
            _save(session, form)
            if session.solo:
                target = reverse(
                    "reflection:leader",
                    kwargs={"code": session.code, "token": leader_token(session.code)},
                )
            else:
                messages.success(request, _("Dank u wel. Uw antwoorden zijn opgeslagen."))
                target = reverse("reflection:session", kwargs={"code": session.code})
            response = redirect(target)
            remember_answer(request, response, session)
            return response
    return render(
        request,
        "reflection/session.html",
        {
            "session": session,
            "form": form,
            "already": already,
            "answered": session.responses.count(),
            "share_url": request.build_absolute_uri(
                reverse("reflection:session", kwargs={"code": session.code})
            ),
        },
    )


def result_view(request: HttpRequest, code: str) -> HttpResponse:
    session = get_session(code)
    if not session.is_closed:
        return redirect("reflection:session", code=session.code)
    return render(request, "reflection/result.html", result_context(request, session))


def result_pdf_view(request: HttpRequest, code: str) -> HttpResponse:
    session = get_session(code)
    if not session.is_closed:
        return redirect("reflection:session", code=session.code)
    decision = limited(request, "pdf", "REFLECTION_PDF_RATE")
    if not decision.allowed:
        return too_many_requests(request, decision)
    pdf = result_pdf(result_context(request, session))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="reflectie-{session.code}.pdf"'
    response["Cache-Control"] = "no-store, private"
    return response
