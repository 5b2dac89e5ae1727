"""The contact person's approval as a step of a Wagtail workflow.

A `ContactApprovalTask` is approved by someone without an account: the contact person acts
through a signed link (`tokens.py`) on one task state, which records the revision they were
shown, the address the link went to and when the link stops working. Wagtail keeps the rest:
the workflow history, the revision, who finished the step and the comment.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState, Workflow, WorkflowState, WorkflowTask
from wagtail.signals import task_submitted

from ..approval import same_text
from ..constants import State
from .submission import Submission

WORKFLOW_NAME = _("Goedkeuring contactpersoon")
TASK_NAME = _("Akkoord van de contactpersoon")


def contact_link_age() -> timedelta:
    return timedelta(days=settings.SUBMISSION_CONTACT_LINK_DAYS)


class ContactApprovalTaskState(TaskState):
    """One request to the contact person: this revision, this address, this deadline."""

    OUTCOMES = {
        TaskState.STATUS_IN_PROGRESS: _("Nog geen besluit"),
        TaskState.STATUS_APPROVED: _("Akkoord"),
        TaskState.STATUS_REJECTED: _("Dit moet anders"),
        TaskState.STATUS_CANCELLED: _("ingetrokken"),
        TaskState.STATUS_SKIPPED: _("overgeslagen"),
    }

    contact_name = models.CharField(
        _("naam contactpersoon"),
        max_length=200,
        blank=True,
        help_text=_("Naam van de contactpersoon."),
    )
    contact_email = models.EmailField(
        _("e-mailadres contactpersoon"),
        blank=True,
        help_text=_("Hierheen gaat de link om goed te keuren."),
    )
    expires = models.DateTimeField(
        _("geldig tot"), null=True, help_text=_("Na dit moment werkt de link niet meer.")
    )

    class Meta:
        verbose_name = _("goedkeuringsronde")
        verbose_name_plural = _("goedkeuringsrondes")

    def __str__(self) -> str:
        return f"{self.contact_email} ({self.started_at:%Y-%m-%d})"

    @property
    def is_open(self) -> bool:
        return (
            self.status == self.STATUS_IN_PROGRESS
            and self.expires is not None
            and self.expires > timezone.now()
        )

    @property
    def outcome(self) -> str:
        return str(self.OUTCOMES.get(self.status, self.status))

    @property
    def submission(self) -> Submission:
        """The submission whose draft page this round is about."""
        submission = submission_of(int(self.workflow_state.object_id))
        if submission is None:
            raise ObjectDoesNotExist("No submission for this approval round.")
        return submission


def submission_of(page_id: int) -> Submission | None:
    return Submission.objects.filter(example_page_id=page_id).first()


def approval_rounds(submission: Submission) -> models.QuerySet[ContactApprovalTaskState]:
    """The contact person's approval rounds on the submission's draft page, oldest first."""
    return rounds_for_page(submission.example_page_id)


def rounds_for_page(page_id: int | None) -> models.QuerySet[ContactApprovalTaskState]:
    """Every approval round on one page, oldest first."""
    if page_id is None:
        return ContactApprovalTaskState.objects.none()
    return ContactApprovalTaskState.objects.filter(
        workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
        workflow_state__object_id=str(page_id),
    ).order_by("started_at", "pk")


class ContactApprovalTask(Task):
    """Approval by the example's contact person, through the signed link only.

    Nobody with an account can approve or reject here (no actions, nothing to moderate); the
    page stays editable, and with `WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT` an approval of a
    revision that is no longer the latest starts the task again on the latest one.
    """

    task_state_class = ContactApprovalTaskState
    # The redactie publishes after the approval; finishing this workflow must not publish
    # (read by `submissions.finishing.finish_workflow`).
    publishes_on_finish = False

    class Meta:
        verbose_name = _("goedkeuring door de contactpersoon")
        verbose_name_plural = _("goedkeuringen door de contactpersoon")

    @transaction.atomic
    def start(self, workflow_state: WorkflowState, user: Any = None) -> ContactApprovalTaskState:
        page = workflow_state.content_object
        submission = submission_of(page.pk)
        # A round belongs to a submission that is "ter goedkeuring": it is started from the
        # submission's review screen, which moves the submission first.
        if submission is None or submission.state != State.TER_GOEDKEURING:
            raise PermissionDenied
        approver = submission.draft.approver
        revision = page.get_latest_revision()
        task_state = ContactApprovalTaskState(
            workflow_state=workflow_state,
            task=self,
            revision=revision,
            status=TaskState.STATUS_IN_PROGRESS,
            contact_name=approver.name.strip()[:200],
            contact_email=approver.email.strip(),
            expires=timezone.now() + contact_link_age(),
        )
        previous = rounds_for_page(page.pk).filter(workflow_state=workflow_state).last()
        if (
            previous is not None
            and previous.status == TaskState.STATUS_APPROVED
            and same_text(previous.revision, revision)
        ):
            # Wagtail asks again when the approved revision is no longer the latest; an edit
            # that changed nothing of the format's content keeps the approval just given.
            task_state.status = TaskState.STATUS_APPROVED
            task_state.finished_at = timezone.now()
            task_state.comment = str(_("Dezelfde tekst als goedgekeurd; niet opnieuw gevraagd."))
        task_state.save()
        task_submitted.send(sender=ContactApprovalTaskState, instance=task_state, user=user)
        return task_state

    def get_actions(self, obj: Any, user: Any) -> list:
        return []

    def on_action(self, task_state: Any, user: Any, action_name: str, **kwargs: Any) -> None:
        raise PermissionDenied

    @classmethod
    def get_description(cls) -> str:
        return str(_("De contactpersoon keurt de tekst goed via een ondertekende link."))


def contact_workflow() -> Workflow:
    """The workflow of example pages made from submissions (made here if it is missing)."""
    workflow = (
        Workflow.objects.filter(
            active=True,
            workflow_tasks__task__content_type=ContentType.objects.get_for_model(
                ContactApprovalTask
            ),
        )
        .order_by("pk")
        .first()
    )
    if workflow is None:
        # Stored names, in the site's language (as the migration that made them first).
        with translation.override(settings.LANGUAGE_CODE):
            workflow = Workflow.objects.create(name=str(WORKFLOW_NAME))
            task = ContactApprovalTask.objects.create(name=str(TASK_NAME))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow
