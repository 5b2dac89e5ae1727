"""An interview's verslag: its versions, a new version, anonymising and the review of it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from voorbeeldenbank.core.tasks import enqueue_on_commit

from .. import anonymisation
from ..access import visible_or_404
from ..models import AnonymisationStatus, Interview, Verslag, VerslagVersion
from ..tasks import anonymise_version
from ..verslag_forms import AddSpanForm, VersionForm


def _version(interview: Interview, number: int) -> VerslagVersion:
    return get_object_or_404(VerslagVersion, verslag__interview=interview, number=number)


def _versions(interview: Interview) -> list[VerslagVersion]:
    verslag = Verslag.objects.filter(interview=interview).first()
    if verslag is None:
        return []
    return list(verslag.versions.select_related("created_by", "released_by").order_by("-number"))


def _active(versions: list[VerslagVersion]) -> list[VerslagVersion]:
    return [v for v in versions if v.anonymisation_status in anonymisation.ACTIVE]


def verslag_view(request: HttpRequest, pk: int) -> HttpResponse:
    interview = visible_or_404(Interview, request.user, pk)
    form = VersionForm()
    status = 200
    if request.method == "POST":
        form = VersionForm(request.POST, request.FILES)
        if form.is_valid():
            with transaction.atomic():
                verslag, _created = Verslag.objects.get_or_create(interview=interview)
                version = verslag.add_version(
                    form.cleaned_data["text"], request.user, source=form.cleaned_data["source"]
                )
            messages.success(
                request, _("Versie %(number)s is opgeslagen.") % {"number": version.number}
            )
            return redirect("research_interview:verslag", pk=interview.pk)
        status = 400
    versions = _versions(interview)
    context = {
        "interview": interview,
        "versions": versions,
        "active": _active(versions),
        "form": form,
    }
    return render(request, "research/admin/verslag.html", context, status=status)


def verslag_status_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress of running anonymisations, polled by htmx; a reload once they are done."""
    interview = visible_or_404(Interview, request.user, pk)
    active = _active(_versions(interview))
    if not getattr(request, "htmx", False):
        return redirect("research_interview:verslag", pk=interview.pk)
    if not active:
        return HttpResponseClientRefresh()
    context = {"interview": interview, "active": active}
    return render(request, "research/admin/_anonymisation_progress.html", context)


def _show_errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@require_POST
def anonymise_view(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    interview = visible_or_404(Interview, request.user, pk)
    version = _version(interview, number)
    try:
        with transaction.atomic():
            anonymisation.queue(version, request.user)
            enqueue_on_commit(anonymise_version, version.pk)
    except ValidationError as error:
        _show_errors(request, error)
    else:
        messages.success(
            request,
            _("Versie %(number)s wordt geanonimiseerd. Dat duurt even.") % {"number": number},
        )
    return redirect("research_interview:verslag", pk=interview.pk)


def _apply(request: HttpRequest, version: VerslagVersion, action: str, form: AddSpanForm) -> bool:
    """Carry out one review step; False when the form needs showing again."""
    if action == "besluit":
        index = request.POST.get("span", "")
        decision = request.POST.get("decision", "")
        anonymisation.decide(version, request.user, int(index) if index.isdigit() else -1, decision)
        messages.success(request, _("Besluit opgeslagen."))
    elif action == "toevoegen":
        if not form.is_valid():
            return False
        data = form.cleaned_data
        added = anonymisation.add(
            version,
            request.user,
            data["category"],
            words=data["words"] or "",
            start=data["start"],
            end=data["end"],
        )
        if added:
            messages.success(request, _("%(count)s plek(ken) toegevoegd.") % {"count": added})
        else:
            messages.warning(request, _("Niets toegevoegd: niet gevonden, of al vervangen."))
    elif action == "vrijgeven":
        anonymisation.release(version, request.user)
        messages.success(request, _("De geanonimiseerde tekst is vrijgegeven voor analyse."))
    else:
        messages.error(request, _("Onbekende stap."))
    return True


def review_view(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    interview = visible_or_404(Interview, request.user, pk)
    version = _version(interview, number)
    form = AddSpanForm(prefix="span")
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "toevoegen":
            form = AddSpanForm(request.POST, prefix="span")
        try:
            done = _apply(request, version, action, form)
        except ValidationError as error:
            _show_errors(request, error)
            done = True
        if done:
            return redirect("research_interview:verslag_review", pk=interview.pk, number=number)
        status = 400
        version.refresh_from_db()
    spans: list[Any] = list(version.proposed_spans)
    context = {
        "interview": interview,
        "version": version,
        "ready": version.anonymisation_status == AnonymisationStatus.READY,
        "spans": list(enumerate(spans)),
        "pieces": anonymisation.pieces(version.original_text, spans),
        "preview": version.anonymised_text
        if version.is_released
        else anonymisation.result_text(version.original_text, spans),
        "chosen_count": len(anonymisation.chosen(spans)),
        "form": form,
    }
    return render(request, "research/admin/verslag_review.html", context, status=status)
