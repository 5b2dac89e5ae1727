"""A project's codebook, the coding screen of a version, agreement and placing quotes."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import agreement, coding, quotes
from ..access import visible_or_404
from ..coding_forms import CodersForm, FreeCodeForm, QuotePlaceForm, SegmentForm
from ..models import ResearchProject, Segment, VerslagVersion


def _project(request: HttpRequest, pk: int) -> ResearchProject:
    return visible_or_404(ResearchProject, request.user, pk)


def _version(project: ResearchProject, version_id: int) -> VerslagVersion:
    """Only released, approved versions of this project can be opened for coding."""
    return get_object_or_404(
        VerslagVersion.objects.codable().select_related("verslag__interview__candidate"),
        pk=version_id,
        verslag__interview__project=project,
    )


def _errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def codebook_view(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    coding.ensure_codebook(project)
    form = FreeCodeForm()
    status = 200
    if request.method == "POST":
        form = FreeCodeForm(request.POST)
        if form.is_valid():
            try:
                coding.add_free_code(project, request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error("name", error)
            else:
                messages.success(request, _("Code toegevoegd."))
                return redirect("research_project:codebook", pk=project.pk)
        status = 400
    codes = project.codes.annotate(
        used=Count("segments", filter=Q(segments__removed_at__isnull=True))
    ).select_related("parent")
    context = {"project": project, "codes": codes, "form": form}
    return render(request, "research/admin/codebook.html", context, status=status)


def coding_index_view(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    versions = (
        VerslagVersion.objects.codable()
        .filter(verslag__interview__project=project)
        .select_related("verslag__interview__candidate")
        .annotate(
            segment_count=Count("segments", filter=Q(segments__removed_at__isnull=True)),
            coder_count=Count(
                "segments__coder", filter=Q(segments__removed_at__isnull=True), distinct=True
            ),
        )
        .order_by("verslag__interview__candidate__name", "number")
    )
    context = {"project": project, "versions": versions}
    return render(request, "research/admin/coding_index.html", context)


def code_view(request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
    project = _project(request, pk)
    version = _version(project, version_id)
    coding.ensure_codebook(project)
    codes = project.codes.all()
    text = version.anonymised_text
    form = SegmentForm(codes=codes, text=text)
    status = 200
    if request.method == "POST":
        form = SegmentForm(request.POST, codes=codes, text=text)
        if form.is_valid():
            data = form.cleaned_data
            try:
                coding.add_segment(
                    version,
                    request.user,
                    data["code"],
                    data["start"],
                    data["end"],
                    data["snippet"],
                    is_quote=data["is_quote"],
                    memo=data["memo"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Fragment gecodeerd."))
                return redirect("research_project:code", pk=project.pk, version_id=version.pk)
        status = 400
    segments = coding.active_segments(version)
    shown = request.GET.get("codeur", "")
    if shown == "ik":
        segments = segments.filter(coder=request.user)
    elif shown == "anderen":
        segments = segments.exclude(coder=request.user)
    context = {
        "project": project,
        "version": version,
        "interview": version.verslag.interview,
        "text": text,
        "form": form,
        "segments": [(segment, coding.may_change(segment, request.user)) for segment in segments],
        "shown": shown,
        "example": version.verslag.interview.candidate.example,
    }
    return render(request, "research/admin/coding.html", context, status=status)


@require_POST
def segment_view(request: HttpRequest, pk: int, version_id: int, segment_id: int) -> HttpResponse:
    project = _project(request, pk)
    version = _version(project, version_id)
    segment = get_object_or_404(Segment, version=version, pk=segment_id, removed_at__isnull=True)
    if not coding.may_change(segment, request.user):
        raise PermissionDenied
    action = request.POST.get("action", "")
    try:
        if action == "verwijderen":
            coding.remove_segment(segment, request.user)
            messages.success(request, _("Fragment verwijderd."))
        elif action in {"citaat", "geen_citaat"}:
            coding.change_segment(segment, request.user, is_quote=action == "citaat")
            messages.success(request, _("Fragment gewijzigd."))
        else:
            messages.error(request, _("Onbekende stap."))
    except ValidationError as error:
        _errors(request, error)
    return redirect("research_project:code", pk=project.pk, version_id=version.pk)


def place_quote_view(
    request: HttpRequest, pk: int, version_id: int, segment_id: int
) -> HttpResponse:
    project = _project(request, pk)
    version = _version(project, version_id)
    segment = get_object_or_404(Segment, version=version, pk=segment_id, removed_at__isnull=True)
    form = QuotePlaceForm()
    status = 200
    refusal = ""
    try:
        page = quotes.check_placeable(segment)
    except ValidationError as error:
        page, refusal, status = (
            None,
            " ".join(error.messages),
            400 if request.method == "POST" else 200,
        )
    if request.method == "POST" and page is not None:
        form = QuotePlaceForm(request.POST)
        if form.is_valid():
            try:
                placement = quotes.place_quote(segment, request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if placement.published:
                    messages.success(request, _("Het citaat staat op de voorbeeldpagina."))
                else:
                    messages.warning(
                        request,
                        _(
                            "Het citaat staat in een concept van de voorbeeldpagina: "
                            "de pagina had al wijzigingen of is niet gepubliceerd."
                        ),
                    )
                return redirect("research_project:code", pk=project.pk, version_id=version.pk)
        status = 400
    context = {
        "project": project,
        "version": version,
        "segment": segment,
        "page": page,
        "refusal": refusal,
        "form": form,
    }
    return render(request, "research/admin/quote_place.html", context, status=status)


def agreement_view(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    coders = agreement.coders(project)
    initial: dict[str, Any] = {}
    if "coder_a" not in request.GET and len(coders) >= 2:
        initial = {"coder_a": coders[0].pk, "coder_b": coders[1].pk}
    form = CodersForm(request.GET if "coder_a" in request.GET else initial or None, coders=coders)
    result = None
    if form.is_bound and form.is_valid():
        result = agreement.project_agreement(
            project, form.cleaned_data["coder_a"], form.cleaned_data["coder_b"]
        )
    context = {"project": project, "form": form, "result": result}
    return render(request, "research/admin/agreement.html", context)


urlpatterns: list[URLPattern] = [
    path("<int:pk>/codeboek/", codebook_view, name="codebook"),
    path("<int:pk>/coderen/", coding_index_view, name="coding"),
    path("<int:pk>/coderen/<int:version_id>/", code_view, name="code"),
    path(
        "<int:pk>/coderen/<int:version_id>/fragment/<int:segment_id>/",
        segment_view,
        name="segment",
    ),
    path(
        "<int:pk>/coderen/<int:version_id>/fragment/<int:segment_id>/citaat/",
        place_quote_view,
        name="place_quote",
    ),
    path("<int:pk>/overeenstemming/", agreement_view, name="agreement"),
]
