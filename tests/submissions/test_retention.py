"""Retention: drafts and rejected submissions are deleted after the configured period."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from voorbeeldenbank.submissions.models import Submission, approval_rounds

from .factories import SubmissionFactory

pytestmark = pytest.mark.django_db


def age(submission, days: int) -> None:
    Submission.objects.filter(pk=submission.pk).update(
        updated=timezone.now() - timedelta(days=days)
    )


def test_old_drafts_and_rejections_are_purged_but_nothing_else(settings, demo_content):
    settings.SUBMISSION_RETENTION_DAYS = 30
    old_draft = SubmissionFactory()
    old_rejected = SubmissionFactory(rejected=True)
    old_in_review = SubmissionFactory(in_review=True)
    recent_draft = SubmissionFactory()
    for submission in (old_draft, old_rejected, old_in_review):
        age(submission, 31)
    out = StringIO()
    call_command("purge_submissions", "--dry-run", stdout=out)
    assert out.getvalue().startswith("2 ")
    assert Submission.objects.count() == 4
    call_command("purge_submissions", stdout=StringIO())
    assert set(Submission.objects.values_list("pk", flat=True)) == {
        old_in_review.pk,
        recent_draft.pk,
    }


def test_purging_a_rejected_submission_removes_its_approval_rounds(
    settings, demo_content, redacteur
):
    from voorbeeldenbank.submissions.constants import Actor, State
    from voorbeeldenbank.submissions.models import ContactApprovalTaskState
    from voorbeeldenbank.submissions.workflow import contact_decides, send_for_approval, transition

    settings.SUBMISSION_RETENTION_DAYS = 30
    rejected = SubmissionFactory(accepted=True)
    contact_decides(send_for_approval(rejected, redacteur), approve=False, comment="Nee")
    transition(rejected, State.AFGEWEZEN, Actor.REDACTIE, redacteur)
    kept = SubmissionFactory(accepted=True, content={**rejected.content, "title": "Ander"})
    send_for_approval(kept, redacteur)
    age(rejected, 31)
    age(kept, 31)
    call_command("purge_submissions", stdout=StringIO())
    assert not Submission.objects.filter(pk=rejected.pk).exists()
    emails = ContactApprovalTaskState.objects.values_list("contact_email", flat=True)
    assert list(emails) == ["carla@example.org"]
    assert approval_rounds(kept).count() == 1
