"""Create, edit and delete of research material through Wagtail's actions, logged in the
research log instead of Wagtail's audit log: that log is shown in reports to every editor,
members of the project or not."""

from __future__ import annotations

from typing import Any

from wagtail.actions.create import CreateAction
from wagtail.actions.delete import DeleteAction
from wagtail.actions.edit import EditAction

from .access import project_of
from .constants import LogAction, MemberRole
from .models import ProjectMember, ResearchProject, record


class ResearchCreateAction(CreateAction):
    def __init__(self, instance: Any, user: Any = None, **kwargs: Any) -> None:
        kwargs["log_action"] = False
        super().__init__(instance, user=user, **kwargs)

    def execute(self, skip_permission_checks: bool = False) -> Any:
        instance = super().execute(skip_permission_checks=skip_permission_checks)
        if isinstance(instance, ResearchProject) and self.user is not None:
            # Whoever starts a project leads it, or nobody could open it afterwards.
            ProjectMember.objects.get_or_create(
                project=instance, user=self.user, defaults={"role": MemberRole.LEAD}
            )
        record(project_of(instance), self.user, LogAction.CREATED, instance)
        return instance


class ResearchEditAction(EditAction):
    def __init__(self, instance: Any, user: Any = None, **kwargs: Any) -> None:
        kwargs["log_action"] = False
        super().__init__(instance, user=user, **kwargs)

    def execute(self, skip_permission_checks: bool = False) -> Any:
        instance = super().execute(skip_permission_checks=skip_permission_checks)
        fields = sorted(self.form.changed_data) if self.form is not None else []
        record(project_of(instance), self.user, LogAction.CHANGED, instance, fields=fields)
        return instance


class ResearchDeleteAction(DeleteAction):
    def __init__(self, instance: Any, user: Any = None, **kwargs: Any) -> None:
        kwargs["log_action"] = False
        super().__init__(instance, user=user, **kwargs)

    def execute(self, skip_permission_checks: bool = False) -> Any:
        project = project_of(self.instance)
        kind, pk = self.instance._meta.model_name, self.instance.pk
        result = super().execute(skip_permission_checks=skip_permission_checks)
        # A deleted project takes its rows' project link with it; the row keeps the id.
        record(
            None if isinstance(self.instance, ResearchProject) else project,
            self.user,
            LogAction.DELETED,
            object_type=kind,
            object_id=pk,
        )
        return result
