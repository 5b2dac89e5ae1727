"""The contact person's approval as a step of a Wagtail workflow: what Wagtail shows and keeps,
what it may not do (publish, let an account approve), and approval again after an edit."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import TaskState, WorkflowState

from voorbeeldenbank.submissions.constants import State
from voorbeeldenbank.submissions.models import (
    ContactApprovalTask,
    ContactApprovalTaskState,
    approval_rounds,
)
from voorbeeldenbank.submissions.tokens import contact_url, round_for_signed
from voorbeeldenbank.submissions.workflow import contact_decides, send_for_approval

from .factories import SubmissionFactory
from .pages import editor_post_data

pytestmark = pytest.mark.django_db


def contact_path(approval_round) -> str:
    return "/insturen/" + contact_url(approval_round).split("/insturen/", 1)[1]


def test_a_page_from_a_submission_gets_the_contact_persons_workflow(demo_content):
    submission = SubmissionFactory(accepted=True)
    workflow = submission.example_page.get_workflow()
    assert workflow is not None
    assert [type(task.specific) for task in workflow.tasks] == [ContactApprovalTask]
    # Examples that did not come from a submission keep the site's own workflow.
    from voorbeeldenbank.examples.models import ExamplePage

    other = ExamplePage.objects.live().exclude(pk=submission.example_page_id).first()
    assert other.get_workflow() != workflow


def test_a_round_is_a_task_state_on_the_revision_sent(contact_person):
    approval_round = contact_person.approval_round
    page = approval_round.submission.example_page
    assert isinstance(approval_round, ContactApprovalTaskState)
    assert approval_round.revision_id == page.latest_revision_id
    assert approval_round.contact_email == "carla@example.org"
    assert approval_round.status == TaskState.STATUS_IN_PROGRESS
    assert page.current_workflow_task.specific.__class__ is ContactApprovalTask


def test_approval_finishes_the_workflow_without_publishing(contact_person):
    contact_person.client.post(contact_person.url, {"decision": "akkoord"})
    submission = contact_person.approval_round.submission
    page = submission.example_page
    page.refresh_from_db()
    assert page.live is False
    workflow_state = WorkflowState.objects.for_instance(page).get()
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    submission.refresh_from_db()
    assert submission.state == State.GOEDGEKEURD


def test_the_redactie_sees_each_round_in_wagtails_history_and_on_the_submission(
    contact_person, redacteur_client
):
    contact_person.client.post(
        contact_person.url, {"decision": "aanpassen", "comment": "Het is Zoetermeer-Oost."}
    )
    submission = contact_person.approval_round.submission
    page = submission.example_page
    history = redacteur_client.get(f"/admin/pages/{page.pk}/workflow_history/")
    assert history.status_code == 200
    assert "Goedkeuring contactpersoon" in history.content.decode()
    workflow_state = WorkflowState.objects.for_instance(page).get()
    detail = redacteur_client.get(
        f"/admin/pages/{page.pk}/workflow_history/detail/{workflow_state.pk}/"
    ).content.decode()
    assert "Akkoord van de contactpersoon" in detail
    assert "Het is Zoetermeer-Oost." in detail
    own = redacteur_client.get(f"/admin/inzendingen/{submission.pk}/").content.decode()
    assert "carla@example.org · Dit moet anders" in own
    assert f"/admin/pages/{page.pk}/workflow_history/" in own


def test_asking_again_after_changes_continues_the_same_workflow(contact_person, redacteur):
    first = contact_person.approval_round
    submission = first.submission
    contact_decides(first, approve=False, comment="Andere naam graag")
    second = send_for_approval(submission, redacteur)
    assert second.pk != first.pk
    assert second.workflow_state_id == first.workflow_state_id
    assert WorkflowState.objects.get(pk=second.workflow_state_id).status == "in_progress"


def test_no_account_can_approve_in_the_page_editor(contact_person, beheerder, beheerder_client):
    page = contact_person.approval_round.submission.example_page
    edit = beheerder_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="action-workflow-action"' not in edit
    data = editor_post_data(
        page,
        beheerder,
        **{"action-workflow-action": "1", "workflow-action-name": "approve"},
    )
    beheerder_client.post(f"/admin/pages/{page.pk}/edit/", data)
    contact_person.approval_round.refresh_from_db()
    assert contact_person.approval_round.status == TaskState.STATUS_IN_PROGRESS


def test_the_page_editor_does_not_start_a_round_past_the_submission(
    beheerder, beheerder_client, demo_content
):
    submission = SubmissionFactory(accepted=True)
    page = submission.example_page
    edit = beheerder_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="action-submit"' not in edit
    data = editor_post_data(page, beheerder, **{"action-submit": "1"})
    response = beheerder_client.post(f"/admin/pages/{page.pk}/edit/", data)
    # Refused the way Wagtail refuses what one may not do: back to the dashboard.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not WorkflowState.objects.for_instance(page).exists()
    submission.refresh_from_db()
    assert submission.state == State.AKKOORD_REDACTIE


def test_approving_a_text_edited_meanwhile_asks_again_for_the_new_text(
    contact_person, django_capture_on_commit_callbacks
):
    approval_round = contact_person.approval_round
    page = approval_round.submission.example_page
    page.summary = "Tijdens de ronde aangepast."
    page.save_revision()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert contact_decides(approval_round, approve=True) is None
    submission = approval_round.submission
    assert submission.state == State.TER_GOEDKEURING
    rounds = list(approval_rounds(submission))
    assert [r.status for r in rounds] == ["approved", "in_progress"]
    assert rounds[1].revision_id == page.get_latest_revision().pk
    # The contact person gets the request again, with a link to the new text.
    assert rounds[0].status == "approved"
    message = next(m for m in mail.outbox if m.to == ["carla@example.org"])
    # The signature carries a timestamp, so compare what the mailed link points to.
    signed = re.search(r"/insturen/[^/\s]+/([^/\s]+)/", message.body)
    assert signed is not None, message.body
    assert round_for_signed(signed.group(1)).pk == rounds[1].pk
    text = Client().get(contact_path(rounds[1])).content.decode()
    assert "Tijdens de ronde aangepast." in text
    assert Client().get(contact_person.url).status_code == 410


def test_an_edit_that_changes_nothing_of_the_text_keeps_the_approval(contact_person):
    approval_round = contact_person.approval_round
    page = approval_round.submission.example_page
    latest = page.get_latest_revision_as_object()
    latest.last_checked = datetime.date(2026, 1, 5)
    latest.save_revision()
    contact_decides(approval_round, approve=True)
    submission = approval_round.submission
    submission.refresh_from_db()
    assert submission.state == State.GOEDGEKEURD
    assert [r.status for r in approval_rounds(submission)] == ["approved", "approved"]
    assert approval_rounds(submission).last().finished_by is None


def test_after_changes_were_asked_the_contact_person_is_always_asked_again(
    contact_person, redacteur
):
    approval_round = contact_person.approval_round
    submission = approval_round.submission
    page = submission.example_page
    original = page.get_latest_revision_as_object().summary
    page.summary = "Tijdens de ronde aangepast."
    page.save_revision()
    contact_decides(approval_round, approve=True)
    contact_decides(
        approval_rounds(submission).last(), approve=False, comment="Liever zoals het was"
    )
    submission.refresh_from_db()
    assert submission.state == State.AKKOORD_REDACTIE
    # Back to the text approved first: still a new round, since the last answer was "no".
    latest = page.get_latest_revision_as_object()
    latest.summary = original
    latest.save_revision()
    again = send_for_approval(submission, redacteur)
    assert again.status == TaskState.STATUS_IN_PROGRESS
    assert [r.status for r in approval_rounds(submission)] == [
        "approved",
        "rejected",
        "in_progress",
    ]


def test_the_contact_person_is_told_a_new_link_follows_when_the_text_changed(
    contact_person, redacteur
):
    page = contact_person.approval_round.submission.example_page
    page.summary = "Tijdens de ronde aangepast."
    page.save_revision()
    text = contact_person.client.post(contact_person.url, {"decision": "akkoord"}).content.decode()
    assert "nieuwe link" in text
    unchanged = SubmissionFactory(accepted=True, content={**page.submission.content, "title": "B"})
    from django.contrib.auth import get_user_model

    approval_round = send_for_approval(
        unchanged, get_user_model().objects.get(username="redacteur")
    )
    text = Client().post(contact_path(approval_round), {"decision": "akkoord"}).content.decode()
    assert "U hebt akkoord gegeven." in text
    assert "nieuwe link" not in text


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
    ],
)
def test_wagtails_workflow_screens_show_a_running_round(contact_person, beheerder_client, path):
    response = beheerder_client.get(path)
    assert response.status_code == 200
    text = response.content.decode()
    if path != "/admin/":
        assert "Goedkeuring contactpersoon" in text


def test_once_published_the_page_leaves_the_contact_persons_workflow(
    beheerder, beheerder_client, redacteur_client, demo_content
):
    submission = SubmissionFactory(approved=True)
    page = submission.example_page
    contact = page.get_workflow()
    data = editor_post_data(page, beheerder, **{"action-publish": "action-publish"})
    beheerder_client.post(f"/admin/pages/{page.pk}/edit/", data)
    submission.refresh_from_db()
    assert submission.state == State.GEPUBLICEERD
    page.refresh_from_db()
    assert page.get_workflow() != contact
    # Later edits go the way of any example: an editor may submit them to the site's workflow.
    edit = redacteur_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="action-submit"' in edit
