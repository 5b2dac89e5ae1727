"""Published pages no longer wait for the contact person: they leave the contact workflow.

0004 assigned the workflow to every page made from a submission; a page whose submission is
published goes on like any example page (the site's own workflow, if any).
"""

from django.db import migrations


def forwards(apps, schema_editor):
    Submission = apps.get_model("submissions", "Submission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    ContactApprovalTask = apps.get_model("submissions", "ContactApprovalTask")
    workflows = WorkflowTask.objects.filter(
        task_id__in=ContactApprovalTask.objects.values("pk")
    ).values("workflow_id")
    published = Submission.objects.filter(state="gepubliceerd", example_page__isnull=False)
    WorkflowPage.objects.filter(
        page_id__in=published.values("example_page_id"), workflow_id__in=workflows
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("submissions", "0005_remove_approvalround")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
