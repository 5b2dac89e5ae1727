"""The redactie's "Edities" screen: the editions so far, recent builds, and building a new one."""

import logging
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from django_htmx.http import HttpResponseClientRefresh
from wagtail.admin import messages
from wagtail.admin.auth import user_passes_test
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..builder import (
    STEPS,
    BuildAlreadyRunning,
    abandon,
    cancel,
    give_up_stalled,
    preview,
    start_build,
)
from ..constants import ACTIVE_STATUSES, BuildStatus
from ..manifest import with_labels
from ..models import Edition, EditionBuild
from ..tasks import build_edition

logger = logging.getLogger(__name__)

RECENT_BUILDS = 10


def can_view(user: Any) -> bool:
    return user.has_perm("publication.view_edition") or can_build(user)


def can_build(user: Any) -> bool:
    return user.has_perm("publication.add_editionbuild")


def build_steps(build: EditionBuild) -> list[dict[str, Any]]:
    """Each step of the build with its state, for the progress list."""
    steps = []
    for index, label in enumerate(STEPS):
        if index < build.steps_done or build.status == BuildStatus.DONE:
            state = "done"
        elif index == build.steps_done and build.status == BuildStatus.RUNNING:
            state = "current"
        else:
            state = "todo"
        steps.append({"label": label, "state": state})
    return steps


def build_context(build: EditionBuild | None, user: Any = None) -> dict[str, Any]:
    if build is None:
        return {"build": None}
    return {
        "build": build,
        "steps": build_steps(build),
        "is_active": build.status in ACTIVE_STATUSES,
        "can_build": user is not None and can_build(user),
    }


@method_decorator(user_passes_test(can_view), name="dispatch")
class EditionIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "publication/admin/index.html"
    page_title = gettext_lazy("Edities")
    header_icon = "doc-full"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        give_up_stalled()
        builds = list(EditionBuild.objects.select_related("edition", "started_by")[:RECENT_BUILDS])
        editions = Edition.objects.order_by("-number")
        context.update(
            build_context(builds[0] if builds else None, self.request.user),
            editions=[(edition, with_labels(edition.changes)) for edition in editions],
            builds=builds,
            can_build=can_build(self.request.user),
        )
        return context


class ConfirmEditionForm(forms.Form):
    """The last step before a build: the release note, and the editor's explicit yes."""

    release_note = forms.CharField(
        label=gettext_lazy("Toelichting bij deze editie"),
        help_text=gettext_lazy(
            "Wat is er nieuw of anders? Staat bij de editie op /edities/ en in de PDF."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    number = forms.IntegerField(widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label=gettext_lazy(
            "Ik begrijp dat deze editie openbaar wordt en daarna niet meer kan worden gewijzigd."
        ),
        error_messages={"required": gettext_lazy("Bevestig dat u de editie wilt publiceren.")},
    )


@method_decorator(user_passes_test(can_build), name="dispatch")
class EditionPreviewView(WagtailAdminTemplateMixin, TemplateView):
    """The dry run before a build: what the edition will contain, what changed, and the form
    that confirms it. A POST with a valid form starts the build."""

    template_name = "publication/admin/preview.html"
    page_title = gettext_lazy("Nieuwe editie voorbereiden")
    header_icon = "doc-full"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("edities:index"), "label": _("Edities")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        upcoming = preview()
        form = kwargs.get("form") or ConfirmEditionForm(initial={"number": upcoming.number})
        context.update(
            preview=upcoming,
            changes=with_labels(upcoming.changes),
            form=form,
            is_active=EditionBuild.objects.filter(active=True).exists(),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = ConfirmEditionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if form.cleaned_data["number"] != preview().number:
            # Another edition appeared since this preview: show the new one before building.
            messages.error(
                request,
                _("Intussen is er een andere editie gebouwd. Bekijk het nieuwe voorbeeld."),
            )
            return redirect("edities:preview")
        return _start(request, dry_run=False, release_note=form.cleaned_data["release_note"])


@require_POST
@user_passes_test(can_build)
def start_view(request: HttpRequest) -> HttpResponse:
    """A proof (proefdruk) starts at once; an edition only from the confirmed preview."""
    if request.POST.get("dry_run"):
        return _start(request, dry_run=True)
    return redirect("edities:preview")


@require_POST
@user_passes_test(can_build)
def retry_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Start again what a failed or cancelled build was doing."""
    old = get_object_or_404(
        EditionBuild, pk=pk, status__in=(BuildStatus.FAILED, BuildStatus.CANCELLED)
    )
    return _start(
        request, dry_run=old.dry_run, release_note="" if old.dry_run else old.release_note
    )


@require_POST
@user_passes_test(can_build)
def cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    build = get_object_or_404(EditionBuild, pk=pk)
    if cancel(build, request.user):
        messages.success(request, _("De bouw is afgebroken. Er is geen editie opgeslagen."))
    else:
        messages.info(request, _("Deze bouw was al afgelopen."))
    return redirect("edities:index")


def _start(request: HttpRequest, *, dry_run: bool, release_note: str = "") -> HttpResponse:
    try:
        build = start_build(request.user, dry_run=dry_run, release_note=release_note)
    except BuildAlreadyRunning as exc:
        messages.error(request, str(exc))
        return redirect("edities:index")
    try:
        build_edition.enqueue(build.pk)
    except Exception:
        logger.exception("Could not queue edition build %s", build.pk)
        abandon(build, _("De bouw kon niet worden ingepland. Probeer het later opnieuw."))
    # With a worker the build has only just been queued; when tasks run in-process (tests,
    # a development setup) it has already finished here.
    build.refresh_from_db()
    if build.status == BuildStatus.DONE and build.edition:
        messages.success(
            request, _("Editie %(number)s is klaar.") % {"number": build.edition.number}
        )
    elif build.status == BuildStatus.FAILED:
        messages.error(request, build.error)
    else:
        messages.success(request, _("De bouw is gestart. Hieronder ziet u hoe ver hij is."))
    return redirect("edities:index")


@user_passes_test(can_view)
def build_status_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress panel alone, polled by htmx while the build runs."""
    give_up_stalled()
    build = get_object_or_404(EditionBuild.objects.select_related("edition"), pk=pk)
    context = build_context(build, request.user)
    if not getattr(request, "htmx", False):
        return redirect("edities:index")
    if not context["is_active"]:
        # Reload the whole screen once: the new edition also belongs in the list below.
        return HttpResponseClientRefresh()
    return TemplateResponse(request, "publication/admin/_build_status.html", context)
