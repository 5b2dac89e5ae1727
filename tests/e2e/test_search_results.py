"""The catalogue's search in the browser: snippets, modes, sorting and the zero-results advice."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_question_shows_why_each_result_was_found(page: Page, site):
    page.goto(f"{site}/voorbeelden/?q=vrijwilligers+die+gezinnen+thuis+bezoeken")
    cards = page.locator(".card")
    expect(cards.first).to_be_visible()
    expect(cards.first.locator(".card__why")).to_contain_text("Gevonden in")
    expect(cards.first.locator(".card__snippet mark").first).to_be_visible()


def test_changing_the_mode_updates_the_results_and_the_address(page: Page, site):
    page.goto(f"{site}/voorbeelden/?q=ouders")
    page.get_by_label("Zoeken op").select_option("semantic")
    expect(page).to_have_url(re.compile(r"[?&]mode=semantic(&|$)"))
    expect(page.get_by_label("Zoeken op")).to_have_value("semantic")
    expect(page.locator(".card").first).to_be_visible()


def test_zero_results_offer_the_list_without_the_filter(page: Page, site):
    page.goto(f"{site}/voorbeelden/?q=gezinnen&kind=beleid&age=2")
    advice = page.locator(".zero-results")
    expect(advice).to_contain_text("Er zijn geen voorbeelden")
    link = advice.get_by_role("link", name="zonder Soort")
    link.click()
    expect(page.locator(".card").first).to_be_visible()
