"""The submission screen's places and target groups: what they map to, and confirming new
places before they join the vocabulary."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from voorbeeldenbank.examples.models import Place, TargetGroup

from ..models import Submission
from ..taxonomy import create_places, map_places, target_group_keys
from ..workflow import is_redactie


def terms_context(submission: Submission) -> dict[str, Any]:
    """Shown until the submission has its page; from then on the page editor holds them."""
    if submission.example_page_id is not None:
        return {}
    mapping = map_places(submission.draft.places)
    return {
        "show_terms": True,
        "places": Place.objects.filter(key__in=mapping.keys),
        "place_proposals": mapping.proposals,
        "target_groups": TargetGroup.objects.filter(key__in=target_group_keys(submission.draft)),
    }


@require_POST
def places_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not is_redactie(request.user):
        raise PermissionDenied
    submission = get_object_or_404(Submission, pk=pk)
    proposals = map_places(submission.draft.places).proposals
    chosen = [name for name in request.POST.getlist("place") if name in proposals]
    if submission.example_page_id is not None or not chosen:
        messages.error(request, _("Kies de plaatsen die moeten worden aangemaakt."))
    else:
        created = create_places(chosen)
        messages.success(
            request,
            _("Nieuwe plaatsen aangemaakt: %(places)s.")
            % {"places": ", ".join(place.title for place in created)},
        )
    return redirect("submissions_admin:detail", pk=pk)
