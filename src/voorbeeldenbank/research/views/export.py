"""A project's export page and its three downloads, for the project's members."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypedDict

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify

from .. import export
from ..access import visible_or_404
from ..constants import LogAction
from ..models import ResearchProject, record


class Counts(TypedDict, total=False):
    """What an export held, for the research log: numbers only."""

    codes: int
    versions: int
    segments: int


def export_view(request: HttpRequest, pk: int) -> HttpResponse:
    project = visible_or_404(ResearchProject, request.user, pk)
    material = export.collect(project)
    context = {
        "project": project,
        "code_count": len(material.codes),
        "version_count": len(material.versions),
        "segment_count": len(material.segments),
        "coder_count": len(material.coders),
    }
    return render(request, "research/admin/export.html", context)


def codebook_view(request: HttpRequest, pk: int) -> HttpResponse:
    project = visible_or_404(ResearchProject, request.user, pk)
    return _download(
        request,
        project,
        lambda: (export.codebook_qdc(project), Counts(codes=project.codes.count())),
        "qdc",
        "application/xml",
    )


def project_view(request: HttpRequest, pk: int) -> HttpResponse:
    project = visible_or_404(ResearchProject, request.user, pk)

    def build() -> tuple[bytes, Counts]:
        content, material = export.project_qdpx(project)
        return content, _counts(material)

    return _download(request, project, build, "qdpx", "application/zip")


def segments_view(request: HttpRequest, pk: int) -> HttpResponse:
    project = visible_or_404(ResearchProject, request.user, pk)

    def build() -> tuple[bytes, Counts]:
        content, material = export.segments_csv(project)
        return content, _counts(material)

    return _download(request, project, build, "csv", "text/csv; charset=utf-8")


def _counts(material: export.Material) -> Counts:
    return Counts(versions=len(material.versions), segments=len(material.segments))


def _download(
    request: HttpRequest,
    project: ResearchProject,
    build: Callable[[], tuple[bytes, Counts]],
    extension: str,
    content_type: str,
) -> HttpResponse:
    try:
        content, counts = build()
    except export.EmptyExport as empty:
        messages.warning(request, str(empty))
        return redirect("research_project:export", pk=project.pk)
    record(
        project,
        request.user,
        LogAction.CREATED,
        object_type="export",
        object_id=project.pk,
        format=extension,
        **counts,
    )
    filename = f"{slugify(project.name) or 'project'}.{extension}"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store, private"
    return response
