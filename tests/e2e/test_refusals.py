"""Pages that refuse or make the visitor wait, in a real browser: axe, and what happens next."""

import pytest
from playwright.sync_api import Page, expect

from voorbeeldenbank.publication import example_pdfs
from voorbeeldenbank.publication.models import ExamplePdf

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_pdf_page_shows_progress_and_the_download_starts_when_ready(
    page: Page, site, settings, check_a11y
):
    # A backend that only records, so the PDF waits for the "worker" below.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    response = page.goto(f"{site}/voorbeelden/pinkies/pdf/")

    assert response.status == 202
    expect(page.locator("h1")).to_have_text("De PDF wordt gemaakt")
    expect(page.locator("#pdf-progress")).to_be_visible()
    check_a11y(page)

    with page.expect_download(timeout=20_000) as download_info:
        example_pdfs.build(ExamplePdf.objects.get().pk)  # what the worker does
    assert download_info.value.suggested_filename == "pinkies.pdf"


def test_the_lockout_page_passes_axe(page: Page, site, django_user_model, check_a11y):
    django_user_model.objects.create_superuser(username="beheerder", password="geheim-genoeg")
    for _ in range(5):
        page.goto(f"{site}/admin/login/")
        page.locator("input[name=username]").fill("beheerder")
        page.locator("input[name=password]").fill("fout")
        page.locator("button[type=submit]").click()

    expect(page.locator("h1")).to_have_text("Inloggen is even geblokkeerd")
    expect(page.get_by_text("Probeer het over 30 minuten opnieuw.")).to_be_visible()
    check_a11y(page)


def test_a_refused_form_explains_itself_and_passes_axe(page: Page, site, check_a11y):
    page.goto(f"{site}/insturen/")
    page.context.clear_cookies()  # as if cookies were blocked, or the form stood open too long
    page.get_by_label("Uw naam").fill("Ivo Indiener")
    page.get_by_label("Uw e-mailadres").fill("ivo@example.org")
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Begin met insturen").click()

    expect(page.locator("h1")).to_have_text("Het formulier kon niet worden verstuurd")
    check_a11y(page)
