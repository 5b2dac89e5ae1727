"""Wagtail's generic model views, narrowed to the material of the user's own projects.

A row of a project the user is not a member of does not exist for them (404); a member who may
see a row but not do this to it gets a 403.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.widgets.button import Button

from ..access import visible


class MemberObjectMixin:
    model: type[Model]
    request: Any
    permission_policy: Any
    permission_required: str | None

    def get_object(self, *args: Any, **kwargs: Any) -> Any:
        obj = super().get_object(*args, **kwargs)  # type: ignore[misc]
        if not visible(self.model, self.request.user).filter(pk=obj.pk).exists():
            raise Http404
        action = getattr(self, "permission_required", None) or "view"
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, action, obj
        ):
            raise PermissionDenied
        return obj


class IndexView(generic.IndexView):
    def get_base_queryset(self) -> QuerySet:
        return visible(self.model, self.request.user)


class CreateView(generic.CreateView):
    pass


class EditView(MemberObjectMixin, generic.EditView):
    pass


class InterviewEditView(EditView):
    """The interview's form, with its consent and verslag screens one click away."""

    @cached_property
    def header_more_buttons(self) -> list[Button]:
        pk = self.object.pk
        return [
            *super().header_more_buttons,
            Button(
                _("Toestemming"),
                url=reverse("research_interview:consent", args=[pk]),
                icon_name="tick",
                priority=5,
            ),
            Button(
                _("Verslag"),
                url=reverse("research_interview:verslag", args=[pk]),
                icon_name="doc-full",
                priority=6,
            ),
        ]


class DeleteView(MemberObjectMixin, generic.DeleteView):
    pass


class HistoryView(MemberObjectMixin, history.HistoryView):
    pass


class UsageView(MemberObjectMixin, usage.UsageView):
    pass
