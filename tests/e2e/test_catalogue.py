"""Searching and filtering the catalogue as a visitor, with htmx and without JavaScript."""

import re

import pytest
from django.http import QueryDict
from playwright.sync_api import Page, expect

from voorbeeldenbank.examples import catalogue

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def expected_titles(querystring: str) -> list[str]:
    """What the catalogue should find, straight from the search engine behind it."""
    from voorbeeldenbank.examples.models import ExamplePage

    query = catalogue.parse_query(QueryDict(querystring), catalogue.facet_vocabularies())
    ids = catalogue.run(query).ids
    titles = dict(ExamplePage.objects.filter(pk__in=ids).values_list("pk", "title"))
    return [titles[pk] for pk in ids]


def facet(page: Page, label: str):
    """A facet checkbox by its visible label; the count after it changes with the results."""
    return page.get_by_role("checkbox", name=re.compile(rf"^{re.escape(label)} \(\d+\)$"))


def results(page: Page):
    """The result cards' titles, for assertions that wait until the list has been replaced."""
    return page.locator("#results .card h3")


def result_titles(page: Page) -> list[str]:
    return results(page).all_inner_texts()


def heading_for(count: int) -> re.Pattern:
    noun = "voorbeeld" if count == 1 else "voorbeelden"
    return re.compile(rf"^\s*{count} {noun} gevonden\s*$")


def test_typing_a_search_updates_the_results_without_a_reload(page: Page, site):
    page.goto(f"{site}/voorbeelden/")
    expect(page.locator("#results-heading")).to_have_text(heading_for(13))
    page.evaluate("window.__still_same_page = true")

    page.get_by_label("Zoek op woorden").fill("gezinnen")

    expected = expected_titles("q=gezinnen")
    expect(page.locator("#results-heading")).to_have_text(heading_for(len(expected)))
    expect(page).to_have_url(re.compile(r"[?&]q=gezinnen"))
    expect(results(page)).to_have_text(expected)
    assert "Buurtgezinnen" in result_titles(page)
    # The live region tells screen-reader users the new count.
    expect(page.locator("#result-status")).to_have_text(heading_for(len(expected)))
    assert page.evaluate("window.__still_same_page") is True


def test_searching_for_kind_finds_examples_about_kinderen(page: Page, site):
    page.goto(f"{site}/voorbeelden/")
    page.get_by_label("Zoek op woorden").fill("kind")
    page.get_by_role("button", name="Zoeken", exact=True).click()

    expected = expected_titles("q=kind")
    assert expected, "the demo content should have examples about children"
    # The count alone cannot tell the searched list from the full one (both may hold all
    # examples), so wait for the address and the ranked order.
    expect(page).to_have_url(re.compile(r"[?&]q=kind"))
    expect(page.locator("#results-heading")).to_have_text(heading_for(len(expected)))
    expect(results(page)).to_have_text(expected)


def test_ticking_facets_changes_results_and_counts(page: Page, site):
    page.goto(f"{site}/voorbeelden/")
    element_count = page.locator("#count-element-toegang_laagdrempelig")
    before = element_count.inner_text()

    facet(page, "Beleid").check()

    expect(page.locator("#results-heading")).to_have_text(heading_for(1))
    expect(page).to_have_url(re.compile(r"kind=beleid"))
    assert result_titles(page) == ["Beleid Gemeente Pijnacker-Nootdorp"]
    expect(element_count).to_have_text("(1)")
    assert before != "(1)"
    # Counts of the facet itself stay over the other facets, so alternatives remain visible.
    expect(page.locator("#count-kind-programma")).not_to_have_text("(0)")

    facet(page, "Beleid").uncheck()
    expect(page.locator("#results-heading")).to_have_text(heading_for(13))
    expect(element_count).to_have_text(before)


def test_all_chosen_elements_must_be_present(page: Page, site):
    page.goto(f"{site}/voorbeelden/")
    page.locator("#f-element-toegang_laagdrempelig").check()
    page.locator("#f-element-brede_context").check()

    expected = expected_titles("element=toegang_laagdrempelig&element=brede_context")
    expect(page.locator("#results-heading")).to_have_text(heading_for(len(expected)))
    assert sorted(result_titles(page)) == sorted(expected)


def test_the_catalogue_works_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/voorbeelden/")

    facet(page, "Informeel").check()
    page.get_by_role("button", name="Filters toepassen").click()

    expect(page).to_have_url(re.compile(r"formality=informeel"))
    expected = expected_titles("formality=informeel")
    expect(page.locator("#results-heading")).to_have_text(heading_for(len(expected)))
    assert result_titles(page) == expected
    expect(facet(page, "Informeel")).to_be_checked()

    page.get_by_label("Zoek op woorden").fill("gezinnen")
    page.get_by_label("Zoek op woorden").press("Enter")
    expected = expected_titles("q=gezinnen&formality=informeel")
    expect(page.locator("#results-heading")).to_have_text(heading_for(len(expected)))

    # Comparing is a plain GET form too.
    page.get_by_label("Vergelijk Buurtgezinnen", exact=True).check()
    page.get_by_label("Vergelijk Humanitas Home-Start", exact=True).check()
    page.get_by_role("button", name="Vergelijk gekozen voorbeelden").click()
    expect(page.locator("h1")).to_have_text("Voorbeelden vergelijken")
    expect(page.locator("table.compare thead th")).to_have_count(2)
    context.close()


def test_wrong_filters_give_a_clear_message(page: Page, site):
    page.goto(f"{site}/voorbeelden/?age=99&kind=onbekend")

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Niet alles in uw zoekopdracht kon worden gebruikt")
    expect(alert).to_contain_text("Leeftijd moet een heel getal zijn")
    expect(alert).to_contain_text("onbekend")
    # The rest of the search still runs.
    expect(page.locator("#results-heading")).to_have_text(heading_for(13))


def test_an_example_links_back_to_the_same_results(page: Page, site):
    page.goto(f"{site}/voorbeelden/")
    facet(page, "Informeel").check()
    expect(page).to_have_url(re.compile(r"formality=informeel"))
    results_url = page.url

    page.locator("#results").get_by_role("link", name="Buurtgezinnen", exact=True).click()
    expect(page.locator("h1")).to_have_text("Buurtgezinnen")

    page.get_by_role("link", name="Terug naar de resultaten").first.click()
    expect(page).to_have_url(results_url)
    expect(facet(page, "Informeel")).to_be_checked()
    expect(page.locator("#results-heading")).to_have_text(
        heading_for(len(expected_titles("formality=informeel")))
    )


def test_two_examples_can_be_compared(page: Page, site):
    page.goto(f"{site}/voorbeelden/")
    page.get_by_label("Vergelijk @ease", exact=True).check()
    page.get_by_label("Vergelijk Pinkies", exact=True).check()
    # With JavaScript the basket updates as boxes are ticked and offers a link.
    page.get_by_role("link", name="Vergelijk gekozen voorbeelden").click()

    expect(page).to_have_url(re.compile(r"/vergelijk/\?v=ease&v=pinkies$"))
    headers = page.locator("table.compare thead th")
    expect(headers).to_have_text(["@ease", "Pinkies"])
    row = page.locator("table.compare tr", has=page.locator("th", has_text="Aantal elementen"))
    expect(row.locator("td")).to_have_text(["7 van 8", "5 van 8"])


def test_comparing_fewer_than_two_examples_explains_what_to_do(page: Page, site):
    page.goto(f"{site}/vergelijk/?v=ease")

    expect(page.get_by_role("alert")).to_contain_text("Kies minstens 2 voorbeelden")
    page.get_by_role("link", name="Naar de lijst met voorbeelden").click()
    expect(page.locator("h1")).to_have_text("Voorbeelden")


def test_paging_keeps_the_filters_and_moves_focus_to_the_results(page: Page, site, settings):
    settings.CATALOGUE_PAGE_SIZE = 5
    page.goto(f"{site}/voorbeelden/?formality=informeel")
    expected = expected_titles("formality=informeel")
    expect(page.locator("#results .card")).to_have_count(5)
    expect(page.get_by_text("Pagina 1 van 2")).to_be_visible()

    page.get_by_role("link", name="Volgende").click()

    expect(page).to_have_url(re.compile(r"formality=informeel.*page=2"))
    expect(page.get_by_text("Pagina 2 van 2")).to_be_visible()
    expect(results(page)).to_have_text(expected[5:])
    expect(page.locator("#results-heading")).to_be_focused()
