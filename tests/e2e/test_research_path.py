"""The whole research path in real Chromium, through the admin screens and the public pages:
project, candidate, interview, consent, verslag, anonymisation, member check, coding, a quote on
the example page and the example's row in the interviews table."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Made up for this test: a person, a phone number and a venue the reviewer adds by hand.
PLANTED_NAME = "Marieke Vosselman"
PLANTED_PHONE = "06-12345678"
PLANTED_VENUE = "Kastanjehuis"
VERSLAG = (
    "Gesprek over de ouderavonden.\n\n"
    f"Wij spraken met {PLANTED_NAME}. Zij is bereikbaar op {PLANTED_PHONE}.\n"
    f"De avonden in het {PLANTED_VENUE} zijn klein en er is altijd koffie.\n"
    "Ouders vinden het fijn dat niemand hen de les leest.\n"
)
SELECTED = "zijn klein en er is altijd koffie."
TYPED = "Ouders vinden het fijn dat niemand hen de les leest."
# deduce loads once per process, inside the request (the tasks run at once in tests).
ANONYMISE_TIMEOUT = 180_000


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def row_marks(page: Page, site: str, example_path: str) -> list[bool] | None:
    page.goto(f"{site}/interviews/")
    table = page.locator("table.interviews")
    expect(table).to_be_visible()
    row = table.locator("tbody tr").filter(has=page.locator(f"th a[href='{example_path}']"))
    if row.count() == 0:
        return None
    marks = row.first.locator("td.mark")
    expect(marks).to_have_count(5)
    return ["mark--yes" in (marks.nth(i).get_attribute("class") or "") for i in range(5)]


def test_a_practice_goes_from_candidate_to_a_quote_on_its_example_page(
    page: Page, browser, site, check_a11y, csp_violations, django_user_model
):
    from voorbeeldenbank.examples.constants import InterviewRole
    from voorbeeldenbank.examples.models import ExamplePage, InterviewRecord
    from voorbeeldenbank.research.models import (
        Candidate,
        Interview,
        ResearchProject,
        Segment,
        VerslagVersion,
    )

    django_user_model.objects.create_superuser(
        "leider", "leider@example.org", "geheim-genoeg", first_name="Lea", last_name="Leider"
    )
    # An example whose interviews row changes when one professional, in person, is added.
    professional = list(InterviewRole).index(InterviewRole.PROFESSIONAL)
    example = next(
        example
        for example in ExamplePage.objects.live().order_by("title")
        if not InterviewRecord.objects.filter(
            example=example, professional=True, mode="fysiek"
        ).exists()
    )
    example_path = path_of(example.get_url())

    page.goto(f"{site}/admin/login/")
    page.locator("input[name=username]").fill("leider")
    page.locator("input[name=password]").fill("geheim-genoeg")
    page.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # Project.
    page.goto(f"{site}/admin/onderzoeksprojecten/new/")
    page.locator("#id_name").fill("Ouderavonden 2026")
    page.locator("#w-editor-form footer button[type=submit]").first.click()
    expect(page).not_to_have_url(re.compile(r"/admin/onderzoeksprojecten/new/"))
    project = ResearchProject.objects.get(name="Ouderavonden 2026")
    assert project.members.filter(user__username="leider", role="lead").exists()

    # Candidate with a contact person, on the board.
    page.goto(f"{site}/admin/kandidaten/new/")
    page.locator("#id_project").select_option(str(project.pk))
    page.locator("#id_name").fill("Ouderavond Noord")
    page.locator("#id_organisation").fill("Stichting Noord")
    page.locator("#id_formality").select_option("informeel")
    page.locator("#id_scale").select_option("collectief")
    page.locator("#id_contacts-ADD").click()
    page.locator("#id_contacts-0-name").fill("Contact Noord")
    page.locator("#id_contacts-0-email").fill("contact@example.org")
    page.locator("#w-editor-form footer button[type=submit]").first.click()
    expect(page).not_to_have_url(re.compile(r"/admin/kandidaten/new/"))
    candidate = Candidate.objects.get(name="Ouderavond Noord")
    assert candidate.contacts.count() == 1

    page.goto(f"{site}/admin/onderzoeksprojecten/{project.pk}/bord/")
    board = page.locator("table.research-board")
    board.get_by_role("link", name="Ouderavond Noord").click()
    page.get_by_role("button", name="Benaderen").click()
    expect(page.get_by_test_id("candidate-state")).to_have_text("Benaderd")
    page.get_by_role("button", name="Akkoord: doet mee").click()
    expect(page.get_by_test_id("candidate-state")).to_have_text("Akkoord")

    # Interview with the interviewee and an e-mail address.
    page.goto(f"{site}/admin/interviews/new/")
    page.locator("#id_project").select_option(str(project.pk))
    page.locator("#id_candidate").select_option(str(candidate.pk))
    page.locator("#id_role").select_option("professional")
    page.locator("#id_mode").select_option("fysiek")
    page.locator("#id_contacts-ADD").click()
    page.locator("#id_contacts-0-name").fill(PLANTED_NAME)
    page.locator("#id_contacts-0-email").fill("marieke@example.org")
    # The date picker opens on focus; Escape closes it so that it covers nothing.
    page.locator("#id_date").fill("2026-03-04")
    page.locator("#id_date").press("Escape")
    page.locator("#id_duration_minutes").fill("45")
    page.locator("#w-editor-form footer button[type=submit]").first.click()
    expect(page).not_to_have_url(re.compile(r"/admin/interviews/new/"))
    interview = Interview.objects.get(candidate=candidate)

    # Consents for the recording and for quotes.
    page.goto(f"{site}/admin/interviews/{interview.pk}/toestemming/")
    for kind in ("opname", "citaten"):
        page.get_by_label("Waarvoor").select_option(kind)
        page.get_by_label("Toestemming gegeven").check()
        page.get_by_label("Hoe").select_option("formulier")
        page.get_by_label("Wanneer").fill("2026-03-04T10:00")
        page.get_by_role("button", name="Vastleggen").click()
        expect(page.get_by_test_id(f"consent-{kind}").locator("td").first).to_have_text("ja")

    # Verslag: upload, anonymise, review, release.
    page.goto(f"{site}/admin/interviews/{interview.pk}/verslag/")
    check_a11y(page)
    page.get_by_label("Of een bestand").set_input_files(
        {"name": "verslag.txt", "mimeType": "text/plain", "buffer": VERSLAG.encode()}
    )
    page.get_by_role("button", name="Versie opslaan").click()
    row = page.get_by_test_id("version-1")
    expect(row).to_be_visible()
    with page.expect_navigation(timeout=ANONYMISE_TIMEOUT):
        row.get_by_role("button", name="Anonimiseren").click()
    expect(page.get_by_test_id("version-1").locator("td").nth(2)).to_have_text(
        re.compile("klaar", re.IGNORECASE), timeout=ANONYMISE_TIMEOUT
    )
    page.get_by_test_id("version-1").get_by_role("link", name="Controleren").click()
    preview = page.get_by_test_id("preview")
    expect(preview).not_to_contain_text(PLANTED_NAME)
    expect(preview).not_to_contain_text(PLANTED_PHONE)
    expect(preview).to_contain_text(PLANTED_VENUE)
    check_a11y(page)
    page.get_by_label("Precieze woorden").fill(PLANTED_VENUE)
    page.get_by_label("Soort").select_option("INSTELLING")
    page.get_by_role("button", name="Toevoegen", exact=True).click()
    expect(page.get_by_test_id("preview")).not_to_contain_text(PLANTED_VENUE)
    page.get_by_role("button", name="Vrijgeven voor analyse").click()
    expect(page.get_by_text("Vrijgegeven voor analyse op")).to_be_visible()
    version = VerslagVersion.objects.get(verslag__interview=interview, number=1)
    assert version.released_at is not None
    assert PLANTED_NAME not in version.anonymised_text
    assert PLANTED_VENUE not in version.anonymised_text

    # Member check: send, then the interviewee opens the link and approves.
    page.goto(f"{site}/admin/interviews/{interview.pk}/ledencheck/")
    page.get_by_role("button", name="Stuur ter goedkeuring").click()
    expect(page.get_by_test_id("round-1")).to_be_visible()
    check_a11y(page)
    link = page.get_by_label("Link om te kopiëren").input_value()
    interviewee = browser.new_context()
    public = interviewee.new_page()
    public.add_init_script(CSP_LISTENER_SCRIPT)
    public.goto(f"{site}{path_of(link)}")
    expect(public.get_by_role("heading", name="Uw gespreksverslag")).to_be_visible()
    expect(public.locator("article.member-check-text")).to_contain_text(TYPED)
    check_a11y(public)
    public.get_by_role("button", name="Ik keur dit verslag goed").click()
    expect(public.locator("main")).not_to_contain_text("Ik keur dit verslag goed")
    assert public.evaluate("window.__cspViolations || []") == []
    interviewee.close()
    version.refresh_from_db()
    assert version.approved_at is not None
    page.reload()
    expect(page.get_by_test_id("round-1")).to_contain_text("Goedgekeurd")

    # The candidate describes the example; its interviews row follows the interview.
    before = row_marks(page, site, example_path)
    page.goto(f"{site}/admin/kandidaten/{candidate.pk}/status/")
    page.get_by_label("Voorbeeld").select_option(label=example.title)
    page.get_by_role("button", name="Koppelen aan voorbeeld").click()
    expect(page.get_by_test_id("candidate-state")).to_have_text("Beschreven")

    # Coding: one passage selected in the text, one typed; both quotes.
    page.goto(f"{site}/admin/onderzoeksprojecten/{project.pk}/coderen/{version.pk}/")
    text = page.locator("#coding-text")
    expect(text).to_contain_text(SELECTED)
    check_a11y(page)
    page.evaluate(
        """(passage) => {
            const element = document.getElementById("coding-text");
            const node = element.firstChild;
            const start = node.textContent.indexOf(passage);
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + passage.length);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            element.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
        }""",
        SELECTED,
    )
    expect(page.get_by_label("Fragment")).to_have_value(SELECTED)
    page.get_by_label("Code").select_option(index=1)
    page.get_by_label("Citaat").check()
    page.get_by_role("button", name="Coderen", exact=True).click()
    expect(page.get_by_text("Fragment gecodeerd.")).to_be_visible()

    page.get_by_label("Fragment").fill(TYPED)
    page.get_by_label("Code").select_option(index=2)
    page.get_by_label("Citaat").check()
    page.get_by_role("button", name="Coderen", exact=True).click()
    expect(page.get_by_text("Fragment gecodeerd.")).to_be_visible()
    segments = Segment.objects.filter(version=version, removed_at__isnull=True)
    assert sorted(segment.snippet for segment in segments if segment.is_quote) == sorted(
        [SELECTED, TYPED]
    )
    typed = segments.get(snippet=TYPED)
    assert version.anonymised_text[typed.start : typed.end] == TYPED

    # Place the typed quote in "In een notendop" of the example page.
    page.goto(f"{site}/admin/onderzoeksprojecten/{project.pk}/coderen/{version.pk}/")
    page.locator(f"tr[data-segment='{typed.pk}']").get_by_role(
        "link", name="Plaatsen op voorbeeldpagina"
    ).click()
    page.get_by_label("Onderdeel").select_option(label="In een notendop")
    page.get_by_role("button", name="Plaatsen").click()
    expect(page.get_by_text("Het citaat staat op de voorbeeldpagina.")).to_be_visible()

    # The public pages.
    page.goto(f"{site}{example_path}")
    nutshell = page.locator("section", has=page.locator("h2#notendop"))
    expect(nutshell.locator("blockquote")).to_contain_text(TYPED)
    expect(nutshell.locator("blockquote footer")).to_contain_text("Professional")
    content = page.locator("body")
    expect(content).not_to_contain_text(PLANTED_NAME)
    expect(content).not_to_contain_text("Vosselman")
    expect(content).not_to_contain_text(PLANTED_VENUE)

    after = row_marks(page, site, example_path)
    assert after is not None
    assert after != before
    assert after == [index == professional for index in range(5)]
    row = page.locator("table.interviews tbody tr").filter(
        has=page.locator(f"th a[href='{example_path}']")
    )
    expect(row.locator("td").nth(5)).to_have_text("Fysiek")
    expect(row.locator("td.num")).to_have_text("1")

    assert csp_violations() == []


CSP_LISTENER_SCRIPT = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push({directive: event.violatedDirective, blocked: event.blockedURI});
});
"""
