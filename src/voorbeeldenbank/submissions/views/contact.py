"""The contact person's page: the draft exactly as it will be published, approve or correct.

Only the signed link is accepted as authority here; an editor's session changes nothing.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.response import TemplateResponse

from ..constants import State
from ..forms import DecisionForm
from ..models import ContactApprovalTaskState
from ..ratelimit import rate_limited
from ..tokens import LinkError, round_for_signed
from ..workflow import TransitionError, contact_decides
from .common import link_error, private


@rate_limited("contact")
def contact_view(request: HttpRequest, signed: str) -> HttpResponse:
    try:
        approval_round = round_for_signed(signed)
    except LinkError as error:
        return link_error(request, error)
    submission = approval_round.submission
    if submission.state != State.TER_GOEDKEURING or submission.example_page is None:
        return link_error(request, LinkError("used"))
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "akkoord"
        try:
            moved = contact_decides(approval_round, approve, form.cleaned_data["comment"])
        except TransitionError:
            # A second click, or the redactie withdrew the round meanwhile.
            return link_error(request, LinkError("used"))
        # No move: the text was edited while the contact person read it, a new round follows.
        context = {"approved": approve, "asked_again": approve and moved is None}
        return private(render(request, "submissions/contact_done.html", context))
    return private(_render_draft(request, approval_round, form, signed))


def _render_draft(
    request: HttpRequest,
    approval_round: ContactApprovalTaskState,
    form: DecisionForm,
    signed: str,
) -> HttpResponse:
    # The revision sent for approval, rendered with the page's own template: what is approved
    # here is what gets published (publishing checks that nothing changed since).
    draft = approval_round.revision.as_object()
    context = draft.get_context(request)
    context.update(
        {
            "approval_form": form,
            "approval_round": approval_round,
            "signed": signed,
            "is_approval_preview": True,
        }
    )
    response = TemplateResponse(request, "submissions/contact.html", context)
    response.render()
    return response
