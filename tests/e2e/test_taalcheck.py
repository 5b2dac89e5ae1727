"""A visitor checks a text on /taalcheck/ and reads the lexicon, with htmx and without."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TEXT = "Het probleemgezin kreeg een diagnose.\nIn zijn kindertijd speelde hij buiten."


def test_a_visitor_pastes_text_and_sees_highlights_in_place(page: Page, site, check_a11y):
    page.goto(f"{site}/taalcheck/")
    page.evaluate("window.stillThisPage = true")
    page.get_by_label("Uw tekst").fill(TEXT)
    page.get_by_role("button", name="Controleer de tekst").click()

    marks = page.locator(".taalcheck-text mark")
    expect(marks).to_have_text(["probleemgezin", "diagnose"])
    expect(page.get_by_text("2 woorden uit het lexicon gevonden.")).to_be_visible()
    # htmx swapped the result in place: no new page, the text is still in the textarea.
    assert page.evaluate("window.stillThisPage === true")
    expect(page.get_by_label("Uw tekst")).to_have_value(TEXT)
    page.get_by_role("link", name="Bevinding 1: probleemgezin").click()
    expect(page.locator("#bevinding-1")).to_contain_text("gezin dat het even zwaar heeft")
    check_a11y(page)


def test_the_check_works_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/taalcheck/")
    page.get_by_label("Uw tekst").fill("Twee zorgmijders.")
    page.get_by_role("button", name="Controleer de tekst").click()

    expect(page.locator(".taalcheck-text mark")).to_have_text(["zorgmijders"])
    expect(page.get_by_label("Uw tekst")).to_have_value("Twee zorgmijders.")
    context.close()


def test_an_empty_text_shows_the_error_summary(page: Page, site, check_a11y):
    page.goto(f"{site}/taalcheck/")
    page.get_by_role("button", name="Controleer de tekst").click()

    expect(page.get_by_role("alert")).to_contain_text("Vul een tekst in om te controleren.")
    check_a11y(page)


def test_the_lexicon_is_accessible_and_searchable(page: Page, site, check_a11y):
    page.goto(f"{site}/lexicon/")
    check_a11y(page)
    page.get_by_label("Zoek een woord").fill("zorgmijders")
    page.get_by_role("button", name="Zoeken").click()

    page.get_by_role("link", name="zorgmijder", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("zorgmijder")
    check_a11y(page)
