"""A team leader opens a reflection session, two members answer in their own browsers, the
leader closes it and everyone with the link sees the spread per element."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def answer(browser, url: str, choice: str, note: str = "") -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    for fieldset in page.locator("fieldset.scale").all():
        fieldset.get_by_label(choice, exact=True).check()
    if note:
        page.get_by_label(re.compile("^Notitie bij Twijfels")).fill(note)
    page.get_by_role("button", name="Verstuur mijn antwoorden").click()
    expect(page.get_by_text("Dank u wel. Uw antwoorden zijn opgeslagen.")).to_be_visible()
    expect(page.get_by_role("button", name="Verstuur mijn antwoorden")).to_be_hidden()
    context.close()


def test_a_team_answers_anonymously_and_sees_the_spread(page: Page, browser, site, check_a11y):
    page.goto(f"{site}/")
    page.get_by_role("link", name="Doe de reflectiescan, alleen of met uw team").click()
    page.get_by_role("link", name="Open een sessie").click()
    page.get_by_label("Naam van de sessie (mag leeg blijven)").fill("Team Noord")
    page.get_by_label("Vraag deelnemers uit wat voor organisatie ze komen").check()
    page.get_by_role("button", name="Open de sessie").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Leiding van de sessie: Team Noord")
    share = page.locator("#share-link").get_attribute("href")
    check_a11y(page)

    first = browser.new_context().new_page()
    first.goto(share)
    check_a11y(first)
    first.context.close()

    answer(browser, share, "vaak", note="Bij ons praten ouders veel met elkaar.")
    answer(browser, share, "weet niet")

    page.reload()
    expect(page.locator("#answered-count")).to_have_text("2 personen hebben geantwoord.")
    page.get_by_role("button", name="Sluit de sessie en toon het resultaat").click()
    expect(
        page.get_by_text("Dit resultaat is een startpunt voor een gesprek, geen score.")
    ).to_be_visible()

    member = browser.new_context().new_page()
    member.goto(share)
    member.get_by_role("link", name="Bekijk het resultaat").click()
    table = member.get_by_role(
        "table", name="Aantal antwoorden per element en per punt van de schaal"
    )
    row = table.get_by_role("row").nth(1)
    # Every statement of the first element: once "vaak", once "weet niet".
    cells = row.get_by_role("cell")
    expect(cells).to_have_count(6)
    counts = cells.all_inner_texts()
    assert counts[0:3] == ["0", "0", "0"]
    assert counts[3] == counts[5] != "0"
    expect(member.get_by_text("Bij ons praten ouders veel met elkaar.")).to_be_visible()

    member.get_by_role("checkbox", name="Steun is waar mogelijk informeel").check()
    member.get_by_role("button", name="Toon voorbeelden").click()
    expect(member.get_by_role("heading", name="Voorbeelden om van te leren")).to_be_visible()
    check_a11y(member)
    member.context.close()
