"""The research menu in the Wagtail admin, and the actions that log to the research log."""

from __future__ import annotations

from typing import Any

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .access import ResearchPermissionPolicy
from .actions import ResearchCreateAction, ResearchDeleteAction, ResearchEditAction
from .models import Candidate, Interview, ResearchProject
from .viewsets import ResearchGroup

RESEARCH_MODELS = (ResearchProject, Candidate, Interview)

# Before the viewsets register: they take the policy registered for their model.
for _model in RESEARCH_MODELS:
    register_permission_policy(_model, ResearchPermissionPolicy(_model), exact_class=True)


@hooks.register("register_admin_viewset")
def register_research() -> ResearchGroup:
    return ResearchGroup()


@hooks.register("register_actions")
def register_research_actions(registry: Any) -> None:
    for model in RESEARCH_MODELS:
        for action in (ResearchCreateAction, ResearchEditAction, ResearchDeleteAction):
            registry.register(model, action)
