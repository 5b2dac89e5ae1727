"""A candidate's steps: approach, agree, drop with a reason, replace, link to an example."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..access import visible_or_404
from ..constants import CandidateState
from ..forms import DescribeForm, DropForm, ReplaceForm
from ..models import Candidate


def _forms(candidate: Candidate, data: Any = None, action: str = "") -> dict[str, Any]:
    def bound(name: str) -> Any:
        return data if action == name else None

    return {
        "drop_form": DropForm(bound("afvallen"), prefix="afvallen"),
        "replace_form": ReplaceForm(bound("vervangen"), prefix="vervangen", candidate=candidate),
        "describe_form": DescribeForm(bound("koppelen"), prefix="koppelen"),
    }


def _apply(request: HttpRequest, candidate: Candidate, action: str, forms: dict) -> bool:
    user = request.user
    if action == "benaderen":
        candidate.approach(user)
    elif action == "akkoord":
        candidate.agree(user)
    elif action == "afvallen":
        form = forms["drop_form"]
        candidate.drop(user, form.cleaned_data["reason"] if form.is_valid() else "")
    elif action == "vervangen":
        form = forms["replace_form"]
        candidate.replace(user, form.cleaned_data["replacement"] if form.is_valid() else None)
    elif action == "koppelen":
        form = forms["describe_form"]
        candidate.describe(user, form.cleaned_data["example"] if form.is_valid() else None)
    else:
        return False
    return True


def state_view(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = visible_or_404(Candidate, request.user, pk)
    forms = _forms(candidate)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        forms = _forms(candidate, request.POST, action)
        try:
            done = _apply(request, candidate, action, forms)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            status = 400
        else:
            if done:
                messages.success(
                    request,
                    _("'%(name)s' staat nu op: %(state)s.")
                    % {"name": candidate.name, "state": candidate.get_state_display()},
                )
                return redirect("research_candidate:state", pk=candidate.pk)
            messages.error(request, _("Onbekende stap."))
            status = 400
    context = {
        "candidate": candidate,
        "next_states": candidate.next_states,
        "states": CandidateState,
        "replaces": candidate.replaces.all(),
        **forms,
    }
    return render(request, "research/admin/candidate_state.html", context, status=status)
