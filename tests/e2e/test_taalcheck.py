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
    # The legend is there; "Vervang" and copying need the script, so no dead buttons show.
    expect(page.locator(".lexicon-legend")).to_be_visible()
    expect(
        page.get_by_role("button", name="Vervang door „ouder die (nog) geen contact wil”")
    ).to_be_hidden()
    expect(page.get_by_role("button", name="Kopieer de herschreven tekst")).to_be_hidden()
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


def test_a_visitor_replaces_words_and_copies_the_rewritten_text(page: Page, site, check_a11y):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{site}/taalcheck/")
    page.get_by_label("Uw tekst").fill(
        "Zorgmijders komen niet.\nVoor de training is een diagnose nodig."
    )
    page.get_by_role("button", name="Controleer de tekst").click()

    legend = page.locator(".lexicon-legend")
    expect(legend).to_contain_text("Wat betekenen de kleuren?")
    expect(legend.locator("dt mark:visible")).to_have_count(5)  # the replaced row shows once used
    rewritten = page.locator("#taalcheck-rewritten")
    expect(rewritten).to_have_text(
        "Zorgmijders komen niet.\nVoor de training is een diagnose nodig."
    )
    # An advice-only finding has no "Vervang"; a replaceable one offers each alternative.
    expect(page.locator("#bevinding-2").get_by_role("button")).to_have_count(0)
    group = page.get_by_role("group", name="Vervang „Zorgmijders”")
    group.get_by_role("button", name="Vervang door „iemand die (nog) geen contact wil”").click()

    expect(page.locator(".taalcheck-text mark").first).to_have_text(
        "Iemand die (nog) geen contact wil"
    )
    expect(page.locator(".taalcheck-text mark.lexicon-mark--vervangen")).to_have_count(1)
    expect(legend.locator("dt mark:visible")).to_have_count(6)
    expect(rewritten).to_have_text(
        "Iemand die (nog) geen contact wil komen niet.\nVoor de training is een diagnose nodig."
    )
    expect(page.get_by_role("status").last).to_contain_text("is vervangen door")

    page.get_by_role("button", name="Kopieer de herschreven tekst").click()
    expect(page.get_by_text("De herschreven tekst is gekopieerd.")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()").startswith("Iemand die (nog)")
    check_a11y(page)

    group.get_by_role("button", name="Zet het oude woord terug").click()
    expect(page.locator(".taalcheck-text mark").first).to_have_text("Zorgmijders")
    page.get_by_role("button", name="Zet de herschreven tekst in het tekstvak").click()
    expect(page.get_by_label("Uw tekst")).to_have_value(
        "Zorgmijders komen niet.\nVoor de training is een diagnose nodig."
    )


def test_the_lexicon_page_explains_the_categories(page: Page, site, check_a11y):
    page.goto(f"{site}/lexicon/")

    expect(page.get_by_role("heading", name="Wat betekenen de categorieën?")).to_be_visible()
    expect(page.locator(".lexicon-category-list dt")).to_have_count(5)
    check_a11y(page)
    # An advice-only entry explains instead of offering words to put in its place.
    page.goto(f"{site}/lexicon/diagnose/")
    expect(page.get_by_role("heading", name="Zo kan het anders")).to_be_visible()
    check_a11y(page)
