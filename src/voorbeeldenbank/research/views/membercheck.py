"""An interview's member check in the admin: its rounds, sending the latest version, withdrawing."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..access import visible_or_404
from ..links import round_url
from ..membercheck import send_round, sendable_version, withdraw_round
from ..models import Interview, MemberCheckRound, MemberCheckStatus, Verslag


def member_check_view(request: HttpRequest, pk: int) -> HttpResponse:
    interview = visible_or_404(Interview, request.user, pk)
    verslag = Verslag.objects.filter(interview=interview).first()
    rounds = (
        verslag.member_checks.select_related("version", "sent_by").order_by("-number")
        if verslag is not None
        else MemberCheckRound.objects.none()
    )
    open_round = next((r for r in rounds if r.is_open), None)
    context: dict[str, Any] = {
        "interview": interview,
        "verslag": verslag,
        "latest": verslag.latest_version() if verslag is not None else None,
        "rounds": rounds,
        "open_round": open_round,
        "open_url": round_url(open_round) if open_round is not None else "",
        "refusal": _refusal(verslag),
        "statuses": MemberCheckStatus,
    }
    response = render(request, "research/admin/member_check.html", context)
    # The page holds a working link to the verslag.
    response["Cache-Control"] = "no-store, private"
    return response


def _refusal(verslag: Verslag | None) -> str:
    """Why the latest version cannot be sent; empty when it can."""
    if verslag is None:
        return _("Dit interview heeft nog geen verslag.")
    try:
        sendable_version(verslag)
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


@require_POST
def send_view(request: HttpRequest, pk: int) -> HttpResponse:
    interview = visible_or_404(Interview, request.user, pk)
    verslag = get_object_or_404(Verslag, interview=interview)
    try:
        sent = send_round(verslag, request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        if sent.emailed:
            messages.success(
                request,
                _("Ronde %(number)s is per e-mail naar de geïnterviewde gestuurd.")
                % {"number": sent.round.number},
            )
        else:
            messages.error(
                request,
                _(
                    "Er is geen e-mailadres van de geïnterviewde: ronde %(number)s is niet "
                    "gemaild. Kopieer de link en stuur hem op een andere manier."
                )
                % {"number": sent.round.number},
            )
    return redirect("research_interview:member_check", pk=interview.pk)


@require_POST
def withdraw_view(request: HttpRequest, pk: int, round_id: int) -> HttpResponse:
    interview = visible_or_404(Interview, request.user, pk)
    check_round = get_object_or_404(
        MemberCheckRound.objects.select_related("verslag"),
        verslag__interview=interview,
        pk=round_id,
    )
    if withdraw_round(check_round, request.user):
        messages.success(request, _("De link van deze ronde werkt niet meer."))
    else:
        messages.error(request, _("Deze ronde liep al niet meer."))
    return redirect("research_interview:member_check", pk=interview.pk)
