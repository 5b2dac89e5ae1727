"""The contact person's approval moves into a Wagtail workflow.

Creates the workflow "Goedkeuring contactpersoon" with its one step, assigns it to every
example page made from a submission (those are the pages whose publication waits for the
contact person), and turns each ApprovalRound into a task state of that step:

- a round the contact person approved is an approved task state, and its workflow is finished;
- "dit moet anders" is a rejected task state; its workflow waits for changes, and the next
  round of the same submission continues in it (as Wagtail's "resubmit" does);
- a withdrawn round is cancelled, and ends its workflow;
- an open round stays in progress, so its link keeps working until it expires.

A task state needs a revision. A round that recorded none (or whose revision was deleted) gets
the page's latest revision; a round whose page is gone cannot become a task state and is left
out (its submission's own history keeps the steps it caused).
"""

from django.db import migrations

WORKFLOW_NAME = "Goedkeuring contactpersoon"
TASK_NAME = "Akkoord van de contactpersoon"

CANCELLED, APPROVED, REJECTED, IN_PROGRESS = "cancelled", "approved", "rejected", "in_progress"
WORKFLOW_STATUS = {
    CANCELLED: "cancelled",
    APPROVED: "approved",
    REJECTED: "needs_changes",
    IN_PROGRESS: "in_progress",
}


def content_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]


def contact_workflow(apps):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    ContactApprovalTask = apps.get_model("submissions", "ContactApprovalTask")
    task = ContactApprovalTask.objects.order_by("pk").first()
    if task is None:
        task = ContactApprovalTask.objects.create(
            name=TASK_NAME,
            active=True,
            content_type=content_type(apps, "submissions", "contactapprovaltask"),
        )
    link = WorkflowTask.objects.filter(task_id=task.pk).first()
    if link is not None:
        return Workflow.objects.get(pk=link.workflow_id), task
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=0)
    return workflow, task


def status_of(approval_round):
    if approval_round.revoked:
        return CANCELLED
    if approval_round.decision == "akkoord":
        return APPROVED
    if approval_round.decision == "aanpassen":
        return REJECTED
    if approval_round.used is not None:
        return CANCELLED
    return IN_PROGRESS


def forwards(apps, schema_editor):
    Submission = apps.get_model("submissions", "Submission")
    ApprovalRound = apps.get_model("submissions", "ApprovalRound")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    Revision = apps.get_model("wagtailcore", "Revision")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    ContactApprovalTaskState = apps.get_model("submissions", "ContactApprovalTaskState")

    pages = Submission.objects.filter(example_page__isnull=False)
    workflow, task = contact_workflow(apps)
    page_type = content_type(apps, "wagtailcore", "page")
    example_type = content_type(apps, "examples", "examplepage")
    state_type = content_type(apps, "submissions", "contactapprovaltaskstate")

    for submission in pages.order_by("pk"):
        page_id = submission.example_page_id
        WorkflowPage.objects.get_or_create(page_id=page_id, defaults={"workflow": workflow})
        revisions = Revision.objects.filter(base_content_type=page_type, object_id=str(page_id))
        latest = revisions.order_by("-created_at", "-pk").first()
        workflow_state = None
        for approval_round in ApprovalRound.objects.filter(submission=submission).order_by(
            "issued", "pk"
        ):
            revision = revisions.filter(pk=approval_round.revision_id).first() or latest
            if revision is None:
                continue
            status = status_of(approval_round)
            if workflow_state is None:
                workflow_state = WorkflowState.objects.create(
                    content_type=example_type,
                    base_content_type=page_type,
                    object_id=str(page_id),
                    workflow=workflow,
                    status=WORKFLOW_STATUS[status],
                )
                WorkflowState.objects.filter(pk=workflow_state.pk).update(
                    created_at=approval_round.issued
                )
            task_state = ContactApprovalTaskState.objects.create(
                workflow_state=workflow_state,
                revision=revision,
                task_id=task.pk,
                status=status,
                finished_at=approval_round.used if status != IN_PROGRESS else None,
                comment=approval_round.comment,
                content_type=state_type,
                contact_name=approval_round.name,
                contact_email=approval_round.email,
                expires=approval_round.expires,
            )
            TaskState.objects.filter(pk=task_state.pk).update(started_at=approval_round.issued)
            WorkflowState.objects.filter(pk=workflow_state.pk).update(
                status=WORKFLOW_STATUS[status], current_task_state=task_state.pk
            )
            if status in (APPROVED, CANCELLED):
                workflow_state = None


def backwards(apps, schema_editor):
    """Rounds back from task states; the workflow and its assignments stay."""
    Submission = apps.get_model("submissions", "Submission")
    ApprovalRound = apps.get_model("submissions", "ApprovalRound")
    ContactApprovalTaskState = apps.get_model("submissions", "ContactApprovalTaskState")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    decisions = {APPROVED: "akkoord", REJECTED: "aanpassen"}
    for submission in Submission.objects.filter(example_page__isnull=False):
        states = ContactApprovalTaskState.objects.filter(
            workflow_state__object_id=str(submission.example_page_id)
        ).order_by("started_at", "pk")
        for state in states:
            ApprovalRound.objects.create(
                submission=submission,
                name=state.contact_name,
                email=state.contact_email,
                revision_id=state.revision_id,
                issued=state.started_at,
                expires=state.expires or state.started_at,
                used=state.finished_at,
                revoked=state.status == CANCELLED,
                decision=decisions.get(state.status, "open"),
                comment=state.comment,
            )
        workflow_states = WorkflowState.objects.filter(
            pk__in=states.values_list("workflow_state_id", flat=True)
        )
        workflow_states.update(current_task_state=None)
        states.delete()
        workflow_states.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0003_contact_approval_task"),
        ("examples", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
