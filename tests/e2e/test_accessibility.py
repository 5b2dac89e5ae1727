"""Accessibility of every public page type: axe-core, headings, language and keyboard use."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PUBLIC_PAGES = {
    "home": "/",
    "catalogue": "/voorbeelden/?q=gezinnen&formality=informeel",
    "catalogue-error": "/voorbeelden/?age=99&kind=onbekend",
    "catalogue-question": "/voorbeelden/?q=steun+voor+ouders+van+peuters+in+de+wijk",
    "catalogue-zero": "/voorbeelden/?q=gezinnen&kind=beleid&age=2",
    "catalogue-unknown-word": "/voorbeelden/?q=xyzzyqwerty&mode=hybrid&sort=newest",
    "english-catalogue-question": "/en/voorbeelden/?q=support+for+parents+of+toddlers",
    "example": "/voorbeelden/ervaringscafe/?terug=/voorbeelden/",
    "quadrant": "/kwadrant/",
    "matrix": "/elementenmatrix/",
    "interviews": "/interviews/",
    "compare": "/vergelijk/?v=ease&v=buurtgezinnen&v=pinkies",
    "compare-too-few": "/vergelijk/?v=ease",
    "not-found": "/deze-pagina-bestaat-niet/",
    "english": "/en/voorbeelden/ease/",
    "about": "/over/",
    "contact": "/contact/",
    "privacy": "/privacy/",
    "accessibility-statement": "/toegankelijkheid/",
    "english-privacy": "/en/privacy/",
}


@pytest.mark.parametrize("path", PUBLIC_PAGES.values(), ids=PUBLIC_PAGES.keys())
def test_public_page_passes_axe_and_has_one_h1(page: Page, site, check_a11y, path):
    response = page.goto(f"{site}{path}")
    assert response.status == (404 if path == PUBLIC_PAGES["not-found"] else 200)

    expect(page.locator("h1")).to_have_count(1)
    expected_lang = "en" if path.startswith("/en/") else "nl"
    expect(page.locator("html")).to_have_attribute("lang", expected_lang)
    check_a11y(page)


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page: Page, site):
    page.goto(f"{site}/voorbeelden/")

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Ga direct naar de inhoud"
    expect(page.locator(".skip-link")).to_be_in_viewport()

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    # The next stop is inside the main content, not back in the header.
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)")


def test_the_language_switch_keeps_the_page(page: Page, site):
    page.goto(f"{site}/voorbeelden/?formality=informeel")

    page.get_by_role("navigation", name="Taal").get_by_role("link", name="English").click()

    expect(page).to_have_url(f"{site}/en/voorbeelden/?formality=informeel")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#f-formality-informeel")).to_be_checked()


def test_example_page_hides_editorial_notes_and_private_contacts(page: Page, site):
    from voorbeeldenbank.examples.models import ExamplePage

    example = ExamplePage.objects.get(slug="ervaringscafe")
    private = [c for c in example.contacts.all() if not c.is_public]
    notes = [note.text for note in example.editorial_notes.all()]
    assert private, "the demo example should have a private contact, or this test proves nothing"
    assert notes, "the demo example should have editorial notes, or this test proves nothing"

    page.goto(f"{site}/voorbeelden/ervaringscafe/")
    html = page.content()
    for contact in private:
        for value in (contact.email, contact.phone, contact.name):
            if value:
                assert value not in html
    for note in notes:
        assert note[:60] not in html
    expect(page.get_by_role("heading", name="Contact", exact=True)).to_be_visible()


def test_example_page_shows_all_eight_elements_present_or_absent(page: Page, site):
    page.goto(f"{site}/voorbeelden/pinkies/")

    section = page.locator("section", has=page.locator("#elementen"))
    expect(section.locator(".element-item")).to_have_count(8)
    expect(section.locator(".element-item--present")).to_have_count(5)
    expect(section.get_by_text("Niet aanwezig")).to_have_count(3)
    expect(section).to_contain_text("Dit voorbeeld laat 5 van de 8 elementen zien.")
    expect(section).to_contain_text("geen rapportcijfer")
    expect(page.get_by_role("link", name="Naar alle voorbeelden").first).to_be_visible()
