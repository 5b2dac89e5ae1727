"""Migration 0004 turns the old approval rounds into task states of the contact person's step."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from voorbeeldenbank.submissions.models import ContactApprovalTaskState, approval_rounds

from .factories import SubmissionFactory

BEFORE = [("submissions", "0003_contact_approval_task")]
AFTER = [("submissions", "0004_approval_rounds_to_workflow")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_rounds_become_task_states_and_the_page_gets_the_workflow(demo_content):
    submission = SubmissionFactory(approved=True)
    later = SubmissionFactory(awaiting_contact=True, content={**submission.content, "title": "B"})
    for made in (submission, later):
        # Pages made before the workflow existed had none assigned.
        made.example_page.workflowpage.delete()
    try:
        apps = migrate(BEFORE)
        ApprovalRound = apps.get_model("submissions", "ApprovalRound")
        now = timezone.now()
        revision = submission.example_page.latest_revision_id
        common = {"email": "carla@example.org", "revision_id": revision}
        ApprovalRound.objects.create(
            submission_id=submission.pk,
            issued=now - timedelta(days=3),
            expires=now + timedelta(days=11),
            used=now - timedelta(days=2),
            decision="aanpassen",
            comment="Andere naam graag",
            **common,
        )
        ApprovalRound.objects.create(
            submission_id=submission.pk,
            issued=now - timedelta(days=1),
            expires=now + timedelta(days=13),
            used=now,
            decision="akkoord",
            **common,
        )
        ApprovalRound.objects.create(
            submission_id=later.pk,
            issued=now,
            expires=now + timedelta(days=14),
            email="cas@example.org",
            revision_id=None,
        )
        migrate(AFTER)
    finally:
        migrate([("submissions", "0005_remove_approvalround")])

    submission.example_page.refresh_from_db()
    assert submission.example_page.get_workflow().name == "Goedkeuring contactpersoon"
    rounds = list(approval_rounds(submission))
    assert [(r.status, r.comment) for r in rounds] == [
        ("rejected", "Andere naam graag"),
        ("approved", ""),
    ]
    assert rounds[0].workflow_state_id == rounds[1].workflow_state_id
    assert rounds[1].workflow_state.status == "approved"
    assert rounds[0].started_at < rounds[1].started_at
    open_round = approval_rounds(later).get()
    assert isinstance(open_round, ContactApprovalTaskState)
    assert open_round.is_open
    assert open_round.revision_id == later.example_page.latest_revision_id
    assert open_round.workflow_state.status == "in_progress"


@pytest.mark.django_db(transaction=True)
def test_pages_already_published_leave_the_contact_workflow(demo_content):
    from voorbeeldenbank.submissions.constants import State
    from voorbeeldenbank.submissions.models import Submission

    waiting = SubmissionFactory(approved=True)
    published = SubmissionFactory(approved=True, content={**waiting.content, "title": "B"})
    Submission.objects.filter(pk=published.pk).update(state=State.GEPUBLICEERD)
    contact = waiting.example_page.get_workflow()
    try:
        migrate([("submissions", "0005_remove_approvalround")])
        migrate([("submissions", "0006_published_pages_leave_contact_workflow")])
    finally:
        migrate([("submissions", "0006_published_pages_leave_contact_workflow")])
    waiting.example_page.refresh_from_db()
    published.example_page.refresh_from_db()
    assert waiting.example_page.get_workflow() == contact
    assert published.example_page.get_workflow() != contact
