"""The submitter decides whether the contact details may be public; the page follows that."""

import re

import pytest

from voorbeeldenbank.submissions.conversion import to_content
from voorbeeldenbank.submissions.draft import draft_of

pytestmark = pytest.mark.django_db


def post_contact(submitter, **extra):
    data = {
        "version": submitter.submission.version,
        "contact_name": "Team Buurt",
        "contact_email": "buurt@example.org",
        "approver_name": "Carla",
        "approver_email": "carla@example.org",
        "go": "save",
        **extra,
    }
    response = submitter.client.post(submitter.url("step", step="contact"), data)
    assert response.status_code in {200, 302}
    submitter.submission.refresh_from_db()
    return submitter.submission


@pytest.mark.parametrize(("ticked", "public"), [(True, True), (False, False)])
def test_the_consent_reaches_the_draft_and_the_page_content(submitter, ticked, public):
    submission = post_contact(submitter, **({"contact_is_public": "on"} if ticked else {}))

    draft = draft_of(submission.content)
    assert draft.contact.is_public is public
    contacts = to_content(draft, submission).contacts
    assert [contact.is_public for contact in contacts] == [public]


def test_the_step_shows_the_choice_again_and_the_review_says_it(submitter):
    post_contact(submitter, contact_is_public="on")

    step = submitter.client.get(submitter.url("step", step="contact")).content.decode()
    review = submitter.client.get(submitter.url("review")).content.decode()

    checkbox = re.search(r'<input[^>]*name="contact_is_public"[^>]*>', step).group(0)
    assert "checked" in checkbox
    assert "mag op de site" in review
