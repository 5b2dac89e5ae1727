"""Who sees which research material: members of a project see that project, superusers see
every project, nobody else sees any of it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404
from wagtail.permission_policies import ModelPermissionPolicy

from .constants import ACCESS_PERMISSION
from .models import ResearchProject


def may_open_research(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_perm(ACCESS_PERMISSION))


def visible_projects(user: Any) -> QuerySet[ResearchProject]:
    if not may_open_research(user):
        return ResearchProject.objects.none()
    if user.is_superuser:
        return ResearchProject.objects.all()
    return ResearchProject.objects.filter(members__user=user).distinct()


def lead_projects(user: Any) -> QuerySet[ResearchProject]:
    if not may_open_research(user):
        return ResearchProject.objects.none()
    if user.is_superuser:
        return ResearchProject.objects.all()
    return ResearchProject.objects.filter(members__user=user, members__role="lead").distinct()


def visible(model: type[Model], user: Any) -> QuerySet:
    """The rows of `model` (a project or anything with a `project`) this user may see."""
    if model is ResearchProject:
        return visible_projects(user)
    return model._default_manager.filter(project__in=visible_projects(user))


def project_of(instance: Model) -> ResearchProject:
    if isinstance(instance, ResearchProject):
        return instance
    return instance.project  # type: ignore[attr-defined]


class ResearchPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, narrowed to the projects the user is a member of.

    Changing or deleting a project itself is for its lead; its material is for every member.
    """

    def user_has_permission(self, user: Any, action: str) -> bool:
        return may_open_research(user) and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user: Any, action: str, instance: Model) -> bool:
        if not self.user_has_permission(user, action):
            return False
        project = project_of(instance)
        if isinstance(instance, ResearchProject) and action in {"change", "delete"}:
            return project.is_lead(user)
        return project.is_member(user)

    def user_has_any_permission_for_instance(
        self, user: Any, actions: list[str], instance: Model
    ) -> bool:
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user: Any, actions: list[str]) -> QuerySet:
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        if self.model is ResearchProject and set(actions) <= {"change", "delete"}:
            return lead_projects(user)
        return visible(self.model, user)

    def instances_user_has_permission_for(self, user: Any, action: str) -> QuerySet:
        return self.instances_user_has_any_permission_for(user, [action])


def require_access(user: Any) -> None:
    if not may_open_research(user):
        raise PermissionDenied


def visible_or_404(model: type[Model], user: Any, pk: int) -> Any:
    require_access(user)
    return get_object_or_404(visible(model, user), pk=pk)
