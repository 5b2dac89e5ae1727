"""The header: one row of navigation on a desktop, compact with a menu button on a phone."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_on_a_desktop_the_menu_is_one_row_ending_in_the_call_to_action(page: Page, site):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site}/voorbeelden/")

    links = page.locator("#site-menu > li > a")
    boxes = [links.nth(i).bounding_box() for i in range(links.count())]
    middles = [box["y"] + box["height"] / 2 for box in boxes]
    assert max(middles) - min(middles) < 10, "the menu wraps onto a second row"
    expect(page.locator("#site-menu > li").last).to_have_class("site-nav__cta")
    expect(page.locator("#site-menu > li").last).to_have_text("Voorbeeld insturen")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()


def test_on_a_phone_the_header_is_compact_and_the_menu_opens_and_closes(
    page: Page, site, check_a11y
):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site}/")

    toggle = page.get_by_role("button", name="Menu")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#site-menu")).to_be_hidden()
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 0.2 * 844, f"the header takes {header['height']}px"
    check_a11y(page)

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#site-menu").get_by_role("link", name="Voorbeelden")).to_be_visible()
    check_a11y(page)

    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#site-menu")).to_be_hidden()
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")


def test_the_shortcut_to_the_results_appears_when_reached_by_keyboard(page: Page, site):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site}/voorbeelden/")

    page.get_by_role("button", name="Zoeken").focus()
    page.keyboard.press("Tab")

    shortcut = page.get_by_role("link", name="Naar de resultaten")
    expect(shortcut).to_be_focused()
    box = shortcut.bounding_box()
    assert box["width"] > 20, "the focused shortcut must be visible"
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}/voorbeelden/#results")
