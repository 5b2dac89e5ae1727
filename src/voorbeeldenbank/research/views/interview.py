"""An interview's consents: the current answer per use, its history, and a new statement."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..access import visible_or_404
from ..constants import ConsentKind
from ..forms import ConsentForm
from ..models import Consent, Interview


def consent_view(request: HttpRequest, pk: int) -> HttpResponse:
    interview = visible_or_404(Interview, request.user, pk)
    form = ConsentForm()
    status = 200
    if request.method == "POST":
        form = ConsentForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            Consent.register(
                interview,
                request.user,
                kind=data["kind"],
                given=data["given"],
                method=data["method"],
                given_at=data["given_at"],
                evidence=data["evidence"] or "",
            )
            messages.success(request, _("Toestemming vastgelegd."))
            return redirect("research_interview:consent", pk=interview.pk)
        status = 400
    current = interview.current_consents()
    context = {
        "interview": interview,
        "current": [(kind, label, current.get(kind)) for kind, label in ConsentKind.choices],
        "history": interview.consents.select_related("recorded_by"),
        "form": form,
    }
    return render(request, "research/admin/consent.html", context, status=status)


@require_POST
def withdraw_view(request: HttpRequest, pk: int, consent_id: int) -> HttpResponse:
    interview = visible_or_404(Interview, request.user, pk)
    consent = get_object_or_404(Consent, interview=interview, pk=consent_id)
    consent.withdraw(request.user)
    messages.success(request, _("Toestemming ingetrokken."))
    return redirect("research_interview:consent", pk=interview.pk)


def evidence_view(request: HttpRequest, pk: int, consent_id: int) -> FileResponse:
    interview = visible_or_404(Interview, request.user, pk)
    consent = get_object_or_404(Consent, interview=interview, pk=consent_id)
    if not consent.evidence:
        raise Http404
    response = FileResponse(consent.evidence.open("rb"), as_attachment=True)
    response["Cache-Control"] = "no-store, private"
    return response
