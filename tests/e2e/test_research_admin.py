"""The research screens in real Chromium: accessible (axe-core) and without CSP refusals."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_selection_board_and_candidate_steps_are_accessible(
    page: Page, site, check_a11y, csp_violations, django_user_model
):
    from voorbeeldenbank.research.models import Candidate, Interview, ResearchProject

    user = django_user_model.objects.create_superuser(
        "onderzoek", "onderzoek@example.org", "geheim-genoeg"
    )
    project = ResearchProject.objects.create(name="Voorbeelden 2025")
    project.members.create(user=user, role="lead")
    candidate = Candidate.objects.create(
        project=project, name="Praktijk Oost", formality="formeel", scale="mix"
    )
    interview = Interview.objects.create(
        project=project, candidate=candidate, role="professional", mode="fysiek", date="2026-03-04"
    )
    page.goto(f"{site}/admin/login/")
    page.locator("input[name=username]").fill("onderzoek")
    page.locator("input[name=password]").fill("geheim-genoeg")
    page.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.goto(f"{site}/admin/onderzoeksprojecten/{project.pk}/bord/")
    board = page.locator("table.research-board")
    expect(board.locator("tbody th[scope=row]")).to_have_count(4)
    expect(board.locator("thead th[scope=col]")).to_have_count(4)
    expect(board.get_by_role("link", name="Praktijk Oost")).to_be_visible()
    check_a11y(page)

    board.get_by_role("link", name="Praktijk Oost").click()
    page.get_by_role("button", name="Benaderen").click()
    expect(page.get_by_test_id("candidate-state")).to_have_text("Benaderd")
    page.get_by_label("Reden").fill("Geen tijd dit jaar")
    page.get_by_role("button", name="Afvallen met reden").click()
    expect(page.get_by_test_id("candidate-state")).to_have_text("Afgevallen")
    check_a11y(page)

    for path in (
        f"/admin/interviews/{interview.pk}/toestemming/",
        f"/admin/onderzoeksprojecten/{project.pk}/leden/",
        "/admin/kandidaten/",
        f"/admin/kandidaten/edit/{candidate.pk}/",
    ):
        response = page.goto(f"{site}{path}")
        assert response.status == 200, path
        check_a11y(page)
    assert csp_violations() == []
