"""The public side: start, the steps of the format, review and submit, and the status page."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from voorbeeldenbank.core.constants import ELEMENT_KEYS
from voorbeeldenbank.examples.constants import ELEMENT_THRESHOLD, Formality, Kind, Scale

from ..constants import State
from ..content import element_rows, missing_required, threshold_rule
from ..drafts import bound_or_initial, parse_version, save_step
from ..forms import STEP_FORMS, STEPS, StartForm
from ..lexicon import language_advice
from ..models import Submission
from ..notifications import send_private_link
from ..ratelimit import rate_limited
from ..suggestions import submission_suggestion
from ..tokens import new_token, submitter_url, token_expiry
from ..workflow import TransitionError, submit
from .common import with_submission

STEP_KEYS = [key for key, _label, _form in STEPS]
NEW_LINK_SESSION_KEY = "submissions:new-link"
# Submitted and waiting for the redactie: the status page says what comes next and when.
REVIEW_STATES = {State.INGEDIEND, State.IN_BEHANDELING}


@rate_limited("start")
def start_view(request: HttpRequest) -> HttpResponse:
    form = StartForm(request.POST or None)
    if request.method == "POST":
        if form.is_bot():
            # Answer as if it worked, so a bot learns nothing; nothing is stored or sent.
            return render(request, "submissions/sent.html", {"email": ""})
        if form.is_valid():
            token, digest = new_token()
            with transaction.atomic():
                submission = Submission.objects.create(
                    submitter_name=form.cleaned_data["name"],
                    submitter_email=form.cleaned_data["email"],
                    consent_at=timezone.now(),
                    privacy_version=settings.SUBMISSION_PRIVACY_VERSION,
                    token_hash=digest,
                    token_expires=token_expiry(),
                )
                send_private_link(submission, token)
            # The link is also shown once on the next page: a lost e-mail then loses nothing.
            request.session[NEW_LINK_SESSION_KEY] = submission.pk
            return redirect("submissions:step", token=token, step=STEP_KEYS[0])
    context = {
        "form": form,
        "threshold_rule": threshold_rule(ELEMENT_THRESHOLD, len(ELEMENT_KEYS)),
        "privacy_version": settings.SUBMISSION_PRIVACY_VERSION,
        "retention_days": settings.SUBMISSION_RETENTION_DAYS,
    }
    return render(request, "submissions/start.html", context)


def steps_nav(token: str, current: str, submission: Submission) -> list[dict]:
    items = [
        {
            "key": key,
            "label": label,
            "url": reverse("submissions:step", kwargs={"token": token, "step": key}),
            "current": key == current,
            "incomplete": key in submission.raw_input,
        }
        for key, label, _form in STEPS
    ]
    items.append(
        {
            "key": "controleren",
            "label": _("Controleren en indienen"),
            "url": reverse("submissions:review", kwargs={"token": token}),
            "current": current == "controleren",
            "incomplete": False,
        }
    )
    return items


@with_submission
def step_view(request: HttpRequest, submission: Submission, token: str, step: str) -> HttpResponse:
    form_class = STEP_FORMS.get(step)
    if form_class is None:
        raise Http404
    if not submission.is_editable_by_submitter:
        messages.info(request, _("Deze inzending kan nu niet worden gewijzigd."))
        return redirect("submissions:status", token=token)
    conflict = False
    if request.method == "POST":
        form = form_class(request.POST)
        version = parse_version(request.POST.get("version"))
        if save_step(submission, step, form, request.POST, version):
            go = request.POST.get("go", "next")
            if form.is_valid() or go == "prev":
                if go == "stay":
                    messages.success(request, _("Opgeslagen. U kunt verder of later terugkomen."))
                return redirect(_next_url(token, step, go))
        else:
            # Someone (or another tab) saved in between: keep what was typed, save nothing.
            conflict = True
            submission.refresh_from_db()
    else:
        form = bound_or_initial(form_class, submission, step)
    index = STEP_KEYS.index(step)
    show_link = request.session.get(NEW_LINK_SESSION_KEY) == submission.pk
    if show_link:
        del request.session[NEW_LINK_SESSION_KEY]
    context = {
        "submission": submission,
        "token": token,
        "private_link": submitter_url(token) if show_link else "",
        "form": form,
        "step": step,
        "step_label": STEPS[index][1],
        "step_number": index + 1,
        "step_count": len(STEPS) + 1,
        "steps": steps_nav(token, step, submission),
        "conflict": conflict,
        "is_first": index == 0,
        "threshold_rule": threshold_rule(ELEMENT_THRESHOLD, len(ELEMENT_KEYS)),
    }
    if step == "elementen":
        suggestion = submission_suggestion(submission)
        context["suggestions"] = suggestion.by_key if suggestion else {}
    return render(request, f"submissions/steps/{step}.html", context)


def _next_url(token: str, step: str, go: str) -> str:
    index = STEP_KEYS.index(step)
    if go == "stay":
        target = step
    elif go == "prev":
        target = STEP_KEYS[max(index - 1, 0)]
    elif index + 1 < len(STEP_KEYS):
        target = STEP_KEYS[index + 1]
    else:
        return reverse("submissions:review", kwargs={"token": token})
    return reverse("submissions:step", kwargs={"token": token, "step": target})


def format_context(submission: Submission) -> dict:
    rows = element_rows(submission.content)
    content = submission.content
    labels = {
        key: dict(choices.choices).get(content.get(key), "")
        for key, choices in (("kind", Kind), ("formality", Formality), ("scale", Scale))
    }
    return {
        "content": content,
        "labels": labels,
        "element_rows": rows,
        "explained_count": sum(1 for row in rows if row["explained"]),
        "threshold": ELEMENT_THRESHOLD,
        "meets_threshold": submission.meets_threshold,
    }


@with_submission
def review_view(request: HttpRequest, submission: Submission, token: str) -> HttpResponse:
    if not submission.is_editable_by_submitter:
        return redirect("submissions:status", token=token)
    context = {
        "submission": submission,
        "token": token,
        "steps": steps_nav(token, "controleren", submission),
        "missing": missing_required(submission.content),
        "incomplete_steps": [label for key, label, _f in STEPS if key in submission.raw_input],
        "advice": language_advice(submission.content),
        "step_number": len(STEPS) + 1,
        "step_count": len(STEPS) + 1,
        **format_context(submission),
    }
    return render(request, "submissions/review.html", context)


@require_POST
@rate_limited("submit")
@with_submission
def submit_view(request: HttpRequest, submission: Submission, token: str) -> HttpResponse:
    try:
        log = submit(submission)
    except TransitionError as error:
        messages.error(request, str(error))
        if submission.is_editable_by_submitter:
            return redirect("submissions:review", token=token)
        return redirect("submissions:status", token=token)
    if log is not None:
        messages.success(request, _("Dank u wel! Uw voorbeeld is ingediend."))
    return redirect("submissions:status", token=token)


@with_submission
def status_view(request: HttpRequest, submission: Submission, token: str) -> HttpResponse:
    # Only notes the redactie wrote *to* the submitter are shown; side notes stay internal.
    public_notes = submission.transitions.filter(
        to_state__in=[State.AANVULLING_GEVRAAGD, State.AFGEWEZEN]
    ).exclude(note="")
    context = {
        "submission": submission,
        "token": token,
        "history": submission.transitions.all(),
        "public_notes": public_notes,
        "first_step": STEP_KEYS[0],
        "in_review": submission.state in REVIEW_STATES,
        "review_days": settings.SUBMISSION_REVIEW_DAYS,
        **format_context(submission),
    }
    return render(request, "submissions/status.html", context)
