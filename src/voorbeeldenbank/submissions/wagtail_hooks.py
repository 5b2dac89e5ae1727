"""Review queue in the Wagtail admin, and the rule that a submitted example is published only
after its contact person approved it.

The guard on publishing stays our own: Wagtail lets anyone with publish permission publish
past a workflow, and cannot tell whether an edit changed the format's content.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import Button
from wagtail.models import Page

from voorbeeldenbank.examples.models import ExamplePage

from .constants import State
from .models import Submission
from .views import admin as admin_views
from .workflow import REVIEW_PERMISSION, publish_problem


class QueueMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(REVIEW_PERMISSION)


class SubmissionViewSet(ViewSet):
    """The review queue and one submission's screens: a workflow, not a model's edit views."""

    name = "inzendingen"
    url_namespace = "submissions_admin"
    icon = "form"
    menu_label = gettext_lazy("Inzendingen")
    menu_order = 250
    add_to_admin_menu = True
    menu_item_class = QueueMenuItem

    def get_urlpatterns(self) -> list[URLPattern]:
        return [
            path("", admin_views.index_view, name="index"),
            path("<int:pk>/", admin_views.detail_view, name="detail"),
            path("<int:pk>/status/", admin_views.transition_view, name="transition"),
            path("<int:pk>/notitie/", admin_views.note_view, name="note"),
            path("<int:pk>/bewerken/", admin_views.edit_view, name="edit"),
            path("<int:pk>/nieuwe-link/", admin_views.new_link_view, name="new_link"),
            path(
                "<int:pk>/e-mail/<int:email_id>/opnieuw/",
                admin_views.resend_email_view,
                name="resend_email",
            ),
        ]


@hooks.register("register_admin_viewset")
def register_submissions() -> ViewSet:
    return SubmissionViewSet()


def _blocked(request: HttpRequest, page: Any) -> HttpResponse | None:
    # Bulk actions also run for snippets and users; only example pages are guarded.
    if not isinstance(page, Page) or not isinstance(page.specific, ExamplePage):
        return None
    problem = publish_problem(page.specific)
    if problem:
        messages.error(request, problem)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_publish_page")
def block_publish_before_approval(request: HttpRequest, page: Any) -> HttpResponse | None:
    return _blocked(request, page)


@hooks.register("before_bulk_action")
def block_bulk_publish_before_approval(
    request: HttpRequest, action_type: str, objects: list, action_class_instance: Any
) -> HttpResponse | None:
    if action_type != "publish":
        return None
    for page in objects:
        response = _blocked(request, page)
        if response is not None:
            return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


# Rounds of the contact person's workflow start, restart and end on the submission's review
# screen, which moves the submission and knows whom to ask; the page editor offers none of it.
SUBMISSION_STEPS = {"action-submit", "action-restart-workflow", "action-cancel-workflow"}


@hooks.register("construct_page_action_menu")
def hide_workflow_steps_of_submissions(menu_items: list, request: HttpRequest, context: dict):
    page = context.get("page")
    if page is None:
        return
    waiting = Submission.objects.filter(example_page_id=page.pk).exclude(state=State.GEPUBLICEERD)
    if not waiting.exists():
        return
    menu_items[:] = [item for item in menu_items if item.name not in SUBMISSION_STEPS]


@hooks.register("register_page_header_buttons")
def submission_header_button(page: Any, user: Any, view_name: str, next_url: str | None = None):
    """From a draft example page back to the submission it came from."""
    if not user.has_perm(REVIEW_PERMISSION):
        return
    submission = Submission.objects.filter(example_page_id=page.pk).only("pk").first()
    if submission is not None:
        yield Button(
            _("Inzending"),
            reverse("submissions_admin:detail", kwargs={"pk": submission.pk}),
            icon_name="form",
            priority=80,
        )
