"""The redactie's screens in the Wagtail admin: the review queue, one submission in the format,
transitions, side notes and edits."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from voorbeeldenbank.core.constants import EmailStatus
from voorbeeldenbank.core.email import emails_about, send_again

from ..constants import NOTE_REQUIRED_STATES, REVIEW_EDITABLE_STATES, Actor, State
from ..conversion import ConversionError
from ..forms import STEPS, NoteForm, TransitionForm
from ..models import EditorNote, Submission, approval_rounds
from ..notifications import send_private_link
from ..suggestions import queue_suggestions, submission_suggestion, suggestion_rows
from ..tokens import rotate_token
from ..workflow import (
    TransitionError,
    accept,
    is_redactie,
    redactie_targets,
    require_note,
    send_for_approval,
    transition,
    withdraw_approval,
)
from .public import format_context
from .queue import AGES, filtered
from .terms import terms_context


def _require_redactie(request: HttpRequest) -> None:
    if not is_redactie(request.user):
        raise PermissionDenied


def index_view(request: HttpRequest) -> HttpResponse:
    _require_redactie(request)
    state = request.GET.get("status", "")
    age = request.GET.get("leeftijd", "")
    submissions = list(filtered(state, age)[:500])
    suggestions = queue_suggestions(submissions)
    for submission in submissions:
        submission.suggestion = suggestions.get(submission.pk)  # type: ignore[attr-defined]
    context = {
        "submissions": submissions,
        "states": State.choices,
        "ages": AGES,
        "current_state": state,
        "current_age": age,
    }
    return render(request, "submissions/admin/index.html", context)


def step_label(submission: Submission, to_state: str) -> str:
    """The button's words: what the step does, not only where it leads."""
    if to_state == State.AFGEWEZEN:
        return _("Afwijzen")
    if to_state == State.AANVULLING_GEVRAAGD:
        if submission.state == to_state:
            return _("Opnieuw om aanvulling vragen")
        return _("Aanvulling vragen")
    return _("Naar: %(state)s") % {"state": State(to_state).label}


def _step_form(submission: Submission, to_state: str, data: Any = None) -> TransitionForm:
    initial = {"to_state": to_state, "version": submission.version}
    form = TransitionForm(data, initial=initial, prefix=to_state)
    form.fields["note"].required = to_state in NOTE_REQUIRED_STATES
    return form


def detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    _require_redactie(request)
    submission = get_object_or_404(Submission, pk=pk)
    suggestion = submission_suggestion(submission)
    targets = [
        {
            "to": to,
            "label": step_label(submission, to),
            "form": _step_form(submission, to),
            "needs_note": to in NOTE_REQUIRED_STATES,
            "danger": to == State.AFGEWEZEN,
        }
        for to in redactie_targets(submission)
    ]
    context = {
        "submission": submission,
        "targets": targets,
        "note_form": NoteForm(),
        "history": submission.transitions.select_related("actor"),
        "notes": submission.editor_notes.select_related("author"),
        "rounds": approval_rounds(submission).select_related("revision"),
        "workflow_history_url": (
            reverse("wagtailadmin_pages:workflow_history", args=[submission.example_page_id])
            if submission.example_page_id
            else ""
        ),
        "emails": emails_about(submission).order_by("created_at", "pk"),
        "can_edit": submission.state in REVIEW_EDITABLE_STATES,
        "suggestion_rows": suggestion_rows(suggestion),
        "suggestion": suggestion,
        **terms_context(submission),
        **format_context(submission),
    }
    return render(request, "submissions/admin/detail.html", context)


@require_POST
def transition_view(request: HttpRequest, pk: int) -> HttpResponse:
    _require_redactie(request)
    submission = get_object_or_404(Submission, pk=pk)
    to_state = request.POST.get("to_state", "")
    form = TransitionForm(request.POST, prefix=to_state or None)
    if not form.is_valid():
        messages.error(request, _("De stap kon niet worden gezet: de gegevens waren onvolledig."))
        return redirect("submissions_admin:detail", pk=pk)
    if form.cleaned_data["version"] != submission.version:
        messages.error(
            request,
            _(
                "Iemand anders heeft deze inzending intussen gewijzigd. "
                "Bekijk de nieuwe stand en probeer het opnieuw."
            ),
        )
        return redirect("submissions_admin:detail", pk=pk)
    note = form.cleaned_data["note"]
    if to_state in NOTE_REQUIRED_STATES:
        try:
            require_note(to_state, note)
        except TransitionError as error:
            messages.error(request, str(error))
            return redirect("submissions_admin:detail", pk=pk)
        if request.POST.get("confirmed") != "1":
            return _confirm(request, submission, to_state, note)
    user = request.user
    try:
        if to_state == State.AKKOORD_REDACTIE and submission.state == State.IN_BEHANDELING:
            accept(submission, user, note)
        elif to_state == State.TER_GOEDKEURING:
            send_for_approval(submission, user, note)
        elif to_state == State.AKKOORD_REDACTIE and submission.state == State.TER_GOEDKEURING:
            withdraw_approval(submission, user, note)
        else:
            transition(submission, to_state, Actor.REDACTIE, user, note)
    except (TransitionError, ConversionError) as error:
        messages.error(request, str(error))
    except ValueError:
        messages.error(request, _("Onbekende status."))
    else:
        messages.success(
            request, _("Status gewijzigd naar '%(state)s'.") % {"state": State(to_state).label}
        )
    return redirect("submissions_admin:detail", pk=pk)


def _confirm(
    request: HttpRequest, submission: Submission, to_state: str, note: str
) -> HttpResponse:
    """Nothing has changed yet: show what the submitter will be told, and ask to go on."""
    context = {
        "submission": submission,
        "to_state": to_state,
        "label": step_label(submission, to_state),
        "note": note,
        "form": _step_form(submission, to_state, request.POST),
        "danger": to_state == State.AFGEWEZEN,
    }
    return render(request, "submissions/admin/confirm.html", context)


@require_POST
def note_view(request: HttpRequest, pk: int) -> HttpResponse:
    _require_redactie(request)
    submission = get_object_or_404(Submission, pk=pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        EditorNote.objects.create(
            submission=submission,
            author=request.user,  # type: ignore[misc]  # _require_redactie: a real user
            text=form.cleaned_data["text"],
        )
        messages.success(request, _("Notitie toegevoegd."))
    else:
        messages.error(request, _("Een lege notitie is niet opgeslagen."))
    return redirect("submissions_admin:detail", pk=pk)


@require_POST
def new_link_view(request: HttpRequest, pk: int) -> HttpResponse:
    _require_redactie(request)
    submission = get_object_or_404(Submission, pk=pk)
    with transaction.atomic():
        token = rotate_token(submission)
        send_private_link(submission, token, renewed=True)
    messages.success(request, _("De indiener krijgt een nieuwe link; de oude werkt niet meer."))
    return redirect("submissions_admin:detail", pk=pk)


@require_POST
def resend_email_view(request: HttpRequest, pk: int, email_id: int) -> HttpResponse:
    _require_redactie(request)
    submission = get_object_or_404(Submission, pk=pk)
    email = get_object_or_404(emails_about(submission), pk=email_id, status=EmailStatus.FAILED)
    send_again(email)
    messages.success(request, _("Het bericht wordt opnieuw verstuurd."))
    return redirect("submissions_admin:detail", pk=pk)


def edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    _require_redactie(request)
    submission = get_object_or_404(Submission, pk=pk)
    if submission.state not in REVIEW_EDITABLE_STATES:
        messages.error(request, _("In deze status wordt de tekst in de voorbeeldpagina bewerkt."))
        return redirect("submissions_admin:detail", pk=pk)
    conflict = False
    if request.method == "POST":
        forms = [(key, label, form(request.POST, prefix=key)) for key, label, form in STEPS]
        version = request.POST.get("version")
        if all(form.is_valid() for _key, _label, form in forms):
            content = dict(submission.content)
            for _key, _label, form in forms:
                content.update(form.to_content())
            if (
                version
                and version.isdigit()
                and submission.save_content(int(version), content, submission.raw_input)
            ):
                messages.success(request, _("Inzending opgeslagen."))
                return redirect("submissions_admin:detail", pk=pk)
            conflict = True
            submission.refresh_from_db()
    else:
        forms = [
            (key, label, form(initial=form.initial_from(submission.content), prefix=key))
            for key, label, form in STEPS
        ]
    context = {"submission": submission, "forms": forms, "conflict": conflict}
    return render(request, "submissions/admin/edit.html", context)
