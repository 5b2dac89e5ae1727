"""An interview's recordings: list, upload (only with consent for the recording), delete, and a
download for members of the project. The files have no public address."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from voorbeeldenbank.core.bodylimit import limit_body

from ..access import visible_or_404
from ..constants import ConsentKind, DeletionRule, LogAction
from ..forms import MULTIPART_OVERHEAD, RecordingForm, max_recording_bytes, too_large_message
from ..models import Interview, Recording, record


def has_recording_consent(interview: Interview) -> bool:
    consent = interview.current_consents().get(ConsentKind.RECORDING)
    return consent is not None and consent.is_given


def _page(
    request: HttpRequest, interview: Interview, form: RecordingForm, status: int = 200
) -> HttpResponse:
    recordings = [
        (recording, DeletionRule(recording.deletion_rule).label if recording.deletion_rule else "")
        for recording in interview.recordings.select_related("uploaded_by")
    ]
    context = {
        "interview": interview,
        "recordings": recordings,
        "form": form,
        "consent_given": has_recording_consent(interview),
    }
    return render(request, "research/admin/recordings.html", context, status=status)


def _too_large(request: HttpRequest, pk: int) -> HttpResponse:
    """The page with the size message; the body has not been read."""
    interview = visible_or_404(Interview, request.user, pk)
    form = RecordingForm({})
    form.is_valid()
    form.errors["file"] = form.error_class([too_large_message()])
    return _page(request, interview, form, status=413)


def _save(request: HttpRequest, interview: Interview, upload: Any) -> Recording:
    original_name = upload.name
    # The name on disk is random: an uploaded name often holds the interviewee's name.
    upload.name = f"{uuid.uuid4().hex}{Path(original_name).suffix.lower()}"
    with transaction.atomic():
        recording = Recording.objects.create(
            interview=interview,
            file=upload,
            original_name=original_name[:255],
            size_bytes=upload.size,
            uploaded_by=request.user if request.user.is_authenticated else None,
        )
        record(
            interview.project,
            request.user,
            LogAction.CREATED,
            recording,
            interview=interview.pk,
            size_bytes=recording.size_bytes,
        )
    return recording


# Checked by core's BodyLimitMiddleware before CSRF parses the body, so a file over the limit
# is refused on its Content-Length without Django writing it to disk. Recordings may be larger
# than the site's ceiling for other requests (nginx's location for this address agrees).
@limit_body(lambda: max_recording_bytes() + MULTIPART_OVERHEAD, _too_large, above_ceiling=True)
def recordings_view(request: HttpRequest, pk: int) -> HttpResponse:
    interview = visible_or_404(Interview, request.user, pk)
    if request.method != "POST":
        return _page(request, interview, RecordingForm())
    form = RecordingForm(request.POST, request.FILES)
    if not has_recording_consent(interview):
        form.add_error(
            None, _("Er is geen toestemming voor een opname. Leg eerst de toestemming vast.")
        )
    if form.is_valid():
        _save(request, interview, form.cleaned_data["file"])
        messages.success(request, _("Opname opgeslagen."))
        return redirect("research_interview:recordings", pk=interview.pk)
    return _page(request, interview, form, status=400)


@require_POST
def delete_recording_view(request: HttpRequest, pk: int, recording_id: int) -> HttpResponse:
    interview = visible_or_404(Interview, request.user, pk)
    recording = get_object_or_404(
        Recording, interview=interview, pk=recording_id, deleted_at__isnull=True
    )
    with transaction.atomic():
        recording.remove_file(DeletionRule.MANUAL)
        record(
            interview.project,
            request.user,
            LogAction.DELETED,
            recording,
            interview=interview.pk,
            rule=DeletionRule.MANUAL.value,
        )
    messages.success(request, _("Opname verwijderd."))
    return redirect("research_interview:recordings", pk=interview.pk)


def download_recording_view(request: HttpRequest, pk: int, recording_id: int) -> FileResponse:
    interview = visible_or_404(Interview, request.user, pk)
    recording = get_object_or_404(
        Recording.objects.exclude(file=""),
        interview=interview,
        pk=recording_id,
        deleted_at__isnull=True,
    )
    response = FileResponse(
        recording.file.open("rb"),
        as_attachment=True,
        filename=recording.original_name or Path(recording.file.name or "").name,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
