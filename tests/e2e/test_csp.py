"""The site's own pages and the admin screens an editor uses run under the CSP without a refusal."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def directives(header: str) -> dict[str, list[str]]:
    """The policy's directives, in whatever order the header lists them."""
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


PUBLIC_PATHS = [
    "/",
    "/voorbeelden/",
    "/voorbeelden/ervaringscafe/",
    "/kwadrant/",
    "/elementenmatrix/",
    "/interviews/",
    "/vergelijk/?v=ease&v=buurtgezinnen",
    "/edities/",
    "/lexicon/",
    "/insturen/",
    "/insturen/link-kwijt/",
    "/en/voorbeelden/ease/",
    "/deze-pagina-bestaat-niet/",
]


def test_public_pages_send_a_strict_policy_and_nothing_is_refused(page: Page, site, csp_violations):
    for path in PUBLIC_PATHS:
        response = page.goto(f"{site}{path}")
        policy = directives(response.headers.get("content-security-policy", ""))
        assert policy["script-src"] == ["'self'"], path
        assert policy["style-src"] == ["'self'"], path
        assert policy["object-src"] == ["'none'"], path
        page.wait_for_load_state("load")
        assert csp_violations() == [], path


def test_the_enhanced_pages_work_under_the_policy(page: Page, site, csp_violations):
    # The catalogue's filters are swapped in by htmx.
    page.goto(f"{site}/voorbeelden/")
    # A filter applies as it changes (catalogue.js then hides the apply button).
    page.locator("#f-formality-informeel").check()
    expect(page).to_have_url(re.compile(r"formality=informeel"))
    expect(page.get_by_role("button", name="Filters toepassen")).to_be_hidden()
    # The language check posts with htmx and shows its findings.
    page.goto(f"{site}/taalcheck/")
    page.locator("textarea").first.fill("De cliënt wordt doorverwezen naar de hulpverlening.")
    page.get_by_role("button", name="Controleer de tekst").click()
    expect(page.get_by_role("heading", name="Gevonden woorden")).to_be_visible()
    assert csp_violations() == []


def test_admin_screens_run_under_the_admin_policy_without_refusals(
    page: Page, site, csp_violations, django_user_model
):
    from voorbeeldenbank.examples.models import ExamplePage

    django_user_model.objects.create_superuser("beheer", "beheer@example.org", "geheim-genoeg")
    page.goto(f"{site}/admin/login/")
    page.locator("input[name=username]").fill("beheer")
    page.locator("input[name=password]").fill("geheim-genoeg")
    page.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    example = ExamplePage.objects.live().get(slug="ervaringscafe")
    for path in [
        "/admin/",
        f"/admin/pages/{example.pk}/edit/",
        "/admin/pages/",
        "/admin/inzendingen/",
        "/admin/edities/",
        "/admin/edities/voorbereiden/",
    ]:
        response = page.goto(f"{site}{path}")
        assert response.status == 200, path
        assert "content-security-policy" in response.headers, path
        page.wait_for_load_state("networkidle")
    # An editor looking at the public site gets Wagtail's user bar on the strict policy.
    page.goto(f"{site}/voorbeelden/ervaringscafe/")
    page.wait_for_load_state("networkidle")
    assert csp_violations() == []
