"""The contact person's approval is the date the text was last checked, on the public page."""

import pytest
from django.utils import dateformat, timezone

from voorbeeldenbank.submissions.workflow import contact_decides, publish_problem

from .pages import editor_post_data

pytestmark = pytest.mark.django_db


def test_approval_sets_last_checked_on_the_draft_without_asking_again(contact_person):
    approval_round = contact_person.approval_round
    page = approval_round.submission.example_page
    assert page.last_checked is None
    contact_person.client.post(contact_person.url, {"decision": "akkoord"})
    page.refresh_from_db()
    approval_round.refresh_from_db()
    today = timezone.localdate(approval_round.finished_at)
    assert page.last_checked == today
    assert page.get_latest_revision_as_object().last_checked == today
    # The date is not the approved text: the page may still be published.
    assert publish_problem(page) is None


def test_asking_for_changes_does_not_set_last_checked(contact_person):
    contact_decides(contact_person.approval_round, approve=False, comment="Anders graag")
    page = contact_person.approval_round.submission.example_page
    page.refresh_from_db()
    assert page.last_checked is None
    assert page.get_latest_revision_as_object().last_checked is None


def test_the_published_page_shows_when_it_was_checked(
    contact_person, beheerder, beheerder_client, anonymous_client
):
    contact_person.client.post(contact_person.url, {"decision": "akkoord"})
    page = contact_person.approval_round.submission.example_page
    page.refresh_from_db()
    data = editor_post_data(page, beheerder, **{"action-publish": "action-publish"})
    beheerder_client.post(f"/admin/pages/{page.pk}/edit/", data)
    page.refresh_from_db()
    assert page.live
    text = anonymous_client.get(page.url).content.decode()
    day = dateformat.format(page.last_checked, "j F Y")
    assert f"voor het laatst gecontroleerd op {day}" in text
