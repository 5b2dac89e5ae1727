"""What the browser does for a submitter: focus on the error summary after a failed submit, a
warning before leaving a step with unsaved changes, the save confirmed, and the new pages
checked with axe-core."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.submissions.factories import SubmissionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def draft_url(site) -> str:
    submission = SubmissionFactory(content={})
    return f"{site}/insturen/{submission.raw_token}/"


def watch_dialogs(page: Page) -> list[str]:
    """Dismiss every dialog (staying on the page) and note its type."""
    seen: list[str] = []

    def dismiss(dialog) -> None:
        seen.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return seen


def test_a_failed_start_moves_focus_to_the_error_summary(page: Page, site, check_a11y):
    page.goto(f"{site}/insturen/")
    page.get_by_role("button", name="Begin met insturen").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    check_a11y(page)
    summary.get_by_role("link", name=re.compile("^Uw e-mailadres")).click()
    expect(page.get_by_label("Uw e-mailadres")).to_be_focused()


def test_a_failed_step_moves_focus_to_the_error_summary(page: Page, draft_url, check_a11y):
    page.goto(draft_url + "stap/elementen/")
    check_a11y(page)
    page.locator("#id_explanation_gelijkwaardigheid").fill("We doen alles samen met ouders.")
    page.get_by_role("button", name="Opslaan en verder").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("niet aangevinkt")
    check_a11y(page)
    summary.get_by_role("link").first.click()
    expect(page.locator("#id_present_gelijkwaardigheid")).to_be_focused()


def test_leaving_a_step_with_unsaved_changes_asks_first(page: Page, draft_url):
    dialogs = watch_dialogs(page)
    page.goto(draft_url + "stap/notendop/")
    field = page.get_by_label(re.compile("^In een notendop"))
    field.click()
    field.press_sequentially("Buren lezen voor.")
    page.get_by_role("link", name="Feiten").click()
    expect(page).to_have_url(re.compile(r"/stap/notendop/$"))
    assert dialogs == ["beforeunload"]
    expect(field).to_have_value("Buren lezen voor.")

    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Opgeslagen.")
    assert dialogs == ["beforeunload"]
    page.get_by_role("link", name="Feiten").click()
    expect(page).to_have_url(re.compile(r"/stap/feiten/$"))
    assert dialogs == ["beforeunload"]


def test_moving_on_with_the_form_does_not_ask(page: Page, draft_url):
    dialogs = watch_dialogs(page)
    page.goto(draft_url + "stap/notendop/")
    field = page.get_by_label(re.compile("^In een notendop"))
    field.click()
    field.press_sequentially("Buren lezen voor.")
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(page).to_have_url(re.compile(r"/stap/verdieping/$"))
    assert dialogs == []


def test_the_lost_link_page_passes_axe_before_and_after_asking(page: Page, site, check_a11y):
    page.goto(f"{site}/insturen/")
    page.get_by_role("link", name="Vraag een nieuwe link aan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Link kwijt?")
    check_a11y(page)
    page.get_by_role("button", name="Stuur mij een nieuwe link").click()
    expect(page.locator("#error-summary")).to_be_focused()
    check_a11y(page)
    page.get_by_label("Uw e-mailadres").fill("iemand@example.org")
    page.get_by_role("button", name="Stuur mij een nieuwe link").click()
    expect(page.get_by_test_id("lost-link-sent")).to_contain_text("Bekijk uw e-mail")
    check_a11y(page)


def test_the_status_page_after_submitting_passes_axe(page: Page, site, check_a11y):
    submission = SubmissionFactory(submitted=True)
    page.goto(f"{site}/insturen/{submission.raw_token}/")
    expect(page.get_by_test_id("next-steps")).to_contain_text("werkdagen")
    check_a11y(page)
