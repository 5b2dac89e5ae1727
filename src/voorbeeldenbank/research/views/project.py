"""A project's selection board and its members."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import board
from ..access import visible_or_404
from ..constants import LogAction
from ..forms import MemberForm
from ..models import ProjectMember, ResearchProject, record


def board_view(request: HttpRequest, pk: int) -> HttpResponse:
    project = visible_or_404(ResearchProject, request.user, pk)
    rows = board.grid(project)
    cells = [cell for row in rows for cell in row.cells]
    context = {
        "project": project,
        "rows": rows,
        "scales": board.scale_labels(),
        "gap_count": sum(cell.is_gap for cell in cells),
        "candidate_count": sum(len(cell.candidates) for cell in cells),
        "example_count": sum(len(cell.examples) for cell in cells),
        "target_groups": board.target_group_spread(project),
        "regions": board.region_spread(project),
    }
    return render(request, "research/admin/board.html", context)


def members_view(request: HttpRequest, pk: int) -> HttpResponse:
    project = visible_or_404(ResearchProject, request.user, pk)
    is_lead = project.is_lead(request.user)
    form = MemberForm(project=project)
    status = 200
    if request.method == "POST":
        if not is_lead:
            raise PermissionDenied
        form = MemberForm(request.POST, project=project)
        if form.is_valid():
            if project.members.filter(user=form.cleaned_data["user"]).exists():
                form.add_error("user", _("Deze persoon is al lid van het project."))
            else:
                with transaction.atomic():
                    member = form.save()
                    record(
                        project,
                        request.user,
                        LogAction.MEMBER_ADDED,
                        member,
                        user=member.user_id,
                        role=member.role,
                    )
                messages.success(request, _("Lid toegevoegd."))
                return redirect("research_project:members", pk=project.pk)
        status = 400
    context = {
        "project": project,
        "members": project.members.select_related("user").order_by("role", "user__username"),
        "form": form,
        "is_lead": is_lead,
    }
    return render(request, "research/admin/members.html", context, status=status)


@require_POST
def remove_member_view(request: HttpRequest, pk: int, member_id: int) -> HttpResponse:
    project = visible_or_404(ResearchProject, request.user, pk)
    if not project.is_lead(request.user):
        raise PermissionDenied
    member = get_object_or_404(ProjectMember, project=project, pk=member_id)
    if member.user_id == request.user.pk and not request.user.is_superuser:
        messages.error(request, _("Je kunt jezelf niet uit het project halen."))
        return redirect("research_project:members", pk=project.pk)
    with transaction.atomic():
        record(
            project,
            request.user,
            LogAction.MEMBER_REMOVED,
            member,
            user=member.user_id,
            role=member.role,
        )
        member.delete()
    messages.success(request, _("Lid verwijderd."))
    return redirect("research_project:members", pk=project.pk)
