"""The Word route: download the format as a template, upload it filled in."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.datastructures import MultiValueDict
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from voorbeeldenbank.core.bodylimit import limit_body

from ..content import merge
from ..docx import DocxError, build_template, parse_docx
from ..draft import InvalidContent
from ..drafts import parse_version
from ..forms import UploadForm
from ..models import Submission
from ..ratelimit import rate_limited
from .common import with_submission

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ZIP_MAGIC = b"PK\x03\x04"


def template_view(request: HttpRequest) -> HttpResponse:
    language = "en" if (get_language() or "").startswith("en") else "nl"
    response = HttpResponse(build_template(language), content_type=DOCX_TYPE)
    name = "voorbeeld-insturen.docx" if language == "nl" else "submit-an-example.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# Room for the other form fields and the multipart boundaries around the file.
MULTIPART_OVERHEAD = 64 * 1024


def _too_large_message() -> str:
    return _("Het bestand is te groot (hoogstens %(mb)s MB).") % {
        "mb": round(settings.SUBMISSION_UPLOAD_MAX_BYTES / 1_000_000, 1)
    }


def _max_body() -> int:
    return settings.SUBMISSION_UPLOAD_MAX_BYTES + MULTIPART_OVERHEAD


@with_submission
def _too_large(request: HttpRequest, submission: Submission, token: str) -> HttpResponse:
    """The upload page with the size message; the body has not been read."""
    form = UploadForm({}, MultiValueDict())
    form.is_valid()
    form.errors["file"] = form.error_class([_too_large_message()])
    context = {"submission": submission, "token": token, "form": form, "report": None}
    return render(request, "submissions/upload.html", context, status=413)


def check_upload(upload: object) -> str | None:
    """A translated reason to refuse the file before any parser sees it, or None."""
    name = str(getattr(upload, "name", "") or "")
    size = int(getattr(upload, "size", 0) or 0)
    if Path(name).suffix.lower() != ".docx":
        return _("Alleen Word-bestanden (.docx) kunnen worden gelezen.")
    if size == 0:
        return _("Het bestand is leeg.")
    if size > settings.SUBMISSION_UPLOAD_MAX_BYTES:
        return _too_large_message()
    head = upload.read(4)  # type: ignore[attr-defined]
    upload.seek(0)  # type: ignore[attr-defined]
    if head != ZIP_MAGIC:
        return _("Dit is geen geldig Word-bestand (.docx).")
    return None


# Checked by core's BodyLimitMiddleware before CSRF parses the body, so a huge upload is
# refused on its Content-Length without Django streaming it to disk.
@limit_body(_max_body, _too_large)
@rate_limited("upload")
@with_submission
def upload_view(request: HttpRequest, submission: Submission, token: str) -> HttpResponse:
    if not submission.is_editable_by_submitter:
        return redirect("submissions:status", token=token)
    form = UploadForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        problem = check_upload(upload)
        if problem is None:
            report, problem = _parse_into(submission, upload.read(), request.POST.get("version"))
        if problem:
            form.add_error("file", problem)
        elif report is not None:
            messages.success(request, _("Het bestand is gelezen en in uw concept gezet."))
    context = {"submission": submission, "token": token, "form": form, "report": report}
    status = 400 if request.method == "POST" and form.errors else 200
    return render(request, "submissions/upload.html", context, status=status)


def _parse_into(
    submission: Submission, data: bytes, version_value: str | None
) -> tuple[dict | None, str | None]:
    try:
        result = parse_docx(data)
    except DocxError as error:
        return None, str(error)
    merged, conflicts = merge(submission.content, dict(result.content or {}))
    version = parse_version(version_value)
    try:
        saved = version is not None and submission.save_content(
            version, merged, submission.raw_input
        )
    except InvalidContent:
        return None, _(
            "Het bestand bevat gegevens die niet in het format passen. Controleer het sjabloon "
            "of vul de stappen in op de site."
        )
    if not saved:
        return None, _(
            "Uw concept is intussen ergens anders gewijzigd. "
            "Open deze pagina opnieuw en probeer het nog eens."
        )
    report = {
        "recognised": list(result.recognised),
        "missing": list(result.missing),
        "warnings": list(result.warnings),
        "conflicts": conflicts,
    }
    return report, None
