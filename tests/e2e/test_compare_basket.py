"""The compare basket through filter changes and pages, and the compare page's options."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_the_basket_survives_filters_and_paging(page: Page, site, settings, check_a11y):
    settings.CATALOGUE_PAGE_SIZE = 5
    page.goto(f"{site}/voorbeelden/")
    page.get_by_label("Vergelijk @ease", exact=True).check()
    expect(page.locator("#basket-heading")).to_have_text("Vergelijken (1)")
    page.get_by_label("Vergelijk Buurtgezinnen", exact=True).check()
    basket = page.locator("#compare-basket")
    expect(page.locator("#basket-heading")).to_have_text("Vergelijken (2)")
    expect(page).to_have_url(re.compile(r"v=ease.*v=buurtgezinnen|v=buurtgezinnen.*v=ease"))

    page.locator("#f-kind-programma").check()
    expect(page).to_have_url(re.compile(r"kind=programma"))
    expect(page.locator("#basket-heading")).to_have_text("Vergelijken (2)")
    page.locator("#f-kind-programma").uncheck()
    expect(page).not_to_have_url(re.compile(r"kind=programma"))

    page.locator(".pagination").get_by_role("link", name="Volgende").click()
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(basket).to_contain_text("@ease")
    expect(basket).to_contain_text("Buurtgezinnen")
    check_a11y(page)

    # Back later, without the basket in the address: the session restores it.
    page.goto(f"{site}/voorbeelden/")
    expect(page.locator("#basket-heading")).to_have_text("Vergelijken (2)")

    page.get_by_role("link", name="Vergelijk gekozen voorbeelden").click()
    expect(page.locator("h1")).to_have_text("Voorbeelden vergelijken")
    expect(page.locator("table.compare thead th")).to_have_count(2)
    rows = page.locator("table.compare tbody th[scope=row]").count()
    page.get_by_role("link", name="Alleen verschillen tonen").click()
    expect(page).to_have_url(re.compile(r"verschillen=1"))
    expect(page.get_by_role("status")).to_contain_text("gelijk")
    assert page.locator("table.compare tbody th[scope=row]").count() < rows
    check_a11y(page)
    page.get_by_role("link", name="Alle onderdelen tonen").click()
    expect(page.locator("table.compare tbody th[scope=row]")).to_have_count(rows)


def test_the_compare_names_stay_in_view_on_a_phone(page: Page, site):
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(f"{site}/vergelijk/?v=ease&v=pinkies&v=giz")
    header = page.locator("table.compare thead th").first
    assert header.evaluate("el => getComputedStyle(el).position") == "sticky"
    # The caption's text (not its box, which is as wide as the table) fits on the screen.
    text = page.locator("table.compare caption").evaluate(
        "el => { const r = document.createRange(); r.selectNodeContents(el);"
        " const b = r.getBoundingClientRect(); return [b.left, b.right]; }"
    )
    assert text[0] >= 0
    assert text[1] <= 375
    page.locator(".compare-region").evaluate("el => el.scrollTo(0, 600)")
    box = header.bounding_box()
    region = page.locator(".compare-region").bounding_box()
    assert abs(box["y"] - region["y"]) < 2
