"""The whole "Wie durft?" path in a real browser: a visitor submits, the redactie asks for more,
the submitter amends via the private link, the redactie accepts, the contact person approves,
an editor publishes, and the example is found in the catalogue."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Voorleesochtend in de wijk"
ELEMENTS = [
    "twijfels_normaal",
    "steun_informeel",
    "toegang_laagdrempelig",
    "gelijkwaardigheid",
    "positieve_zaken",
]


@pytest.fixture
def redactie(django_user_model):
    """A redacteur as the data migrations set one up; a flushed database lacks the group."""
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "review_submission"])
    )
    user = django_user_model.objects.create_user(
        username="redacteur", email="redactie@example.org", password="geheim-genoeg"
    )
    user.groups.add(group)
    django_user_model.objects.create_superuser(
        username="eindredacteur", email="eind@example.org", password="geheim-genoeg"
    )
    return user


def log_in(page: Page, site: str, username: str) -> None:
    page.goto(f"{site}/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill("geheim-genoeg")
    page.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def link_in_mail(to: str, marker: str, site: str) -> str:
    for message in reversed(mail.outbox):
        if to in message.to and marker in message.body:
            url = next(w for w in message.body.split() if marker in w)
            return site + "/insturen/" + url.split("/insturen/", 1)[1]
    raise AssertionError(f"no mail to {to} with {marker}: {[m.subject for m in mail.outbox]}")


def next_step(page: Page) -> None:
    page.get_by_role("button", name="Opslaan en verder").click()


def redactie_moves(page: Page, to_state: str, note: str = "") -> None:
    form = page.locator("form.transition-form").filter(
        has=page.locator(f'[data-testid="to-{to_state}"]')
    )
    if note:
        form.locator("textarea").fill(note)
    form.locator(f'[data-testid="to-{to_state}"]').click()
    if to_state in ("aanvulling_gevraagd", "afgewezen"):
        # Rejecting and asking for more are confirmed on a second screen.
        page.locator('[data-testid="confirm"]').click()


def test_a_submission_travels_from_visitor_to_catalogue(
    page: Page, browser: Browser, site, redactie, check_a11y
):
    # The visitor starts, fills the format step by step and submits. ------------------------
    page.goto(f"{site}/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Voorbeeld insturen"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Voorbeeld insturen")
    check_a11y(page)
    page.get_by_label("Uw naam").fill("Vera Vrijwilliger")
    page.get_by_label("Uw e-mailadres").fill("vera@example.org")
    page.get_by_label(re.compile("Ik geef toestemming")).check()
    page.get_by_role("button", name="Begin met insturen").click()

    expect(page).to_have_url(re.compile(r"/stap/feiten/$"))
    check_a11y(page)
    page.get_by_label(re.compile("^Naam van het voorbeeld")).fill(TITLE)
    page.get_by_label(re.compile("^Soort")).select_option("initiatief")
    page.get_by_label(re.compile("^Informeel of formeel")).select_option("informeel")
    page.get_by_label(re.compile("^Individueel of collectief")).select_option("collectief")
    page.get_by_label("Plaatsen of regio's").fill("Alphen aan den Rijn")
    next_step(page)

    expect(page).to_have_url(re.compile(r"/stap/notendop/$"))
    next_step(page)  # empty: an error, and nothing is lost
    expect(page.locator("#error-summary")).to_be_visible()
    check_a11y(page)
    page.get_by_label(re.compile("^In een notendop")).fill(
        "Buren lezen op zaterdag voor aan peuters."
    )
    next_step(page)
    expect(page).to_have_url(re.compile(r"/stap/verdieping/$"))
    page.get_by_label("Wat is er nodig?").fill("Een ruimte in de bibliotheek.")
    next_step(page)

    expect(page).to_have_url(re.compile(r"/stap/elementen/$"))
    check_a11y(page)
    for key in ELEMENTS:
        page.locator(f"#id_present_{key}").check()
        page.locator(f"#id_explanation_{key}").fill(f"Zo zie je het terug ({key}).")
    next_step(page)
    expect(page).to_have_url(re.compile(r"/stap/ervaringen/$"))
    page.get_by_label("Wat werkt?").fill("Geen aanmelding\nVaste gezichten")
    next_step(page)
    expect(page).to_have_url(re.compile(r"/stap/contact/$"))
    check_a11y(page)
    page.locator("#id_approver_name").fill("Cas Contact")
    page.locator("#id_approver_email").fill("cas@example.org")
    next_step(page)

    expect(page).to_have_url(re.compile(r"/controleren/$"))
    check_a11y(page)
    expect(page.get_by_test_id("element-count")).to_contain_text("5 van de 8")
    page.get_by_role("button", name="Indienen").click()
    expect(page.get_by_test_id("state")).to_have_text("Ingediend")
    private_link = link_in_mail("vera@example.org", "/insturen/", site)

    # The redactie takes it up and asks for more. --------------------------------------------
    editor_context = browser.new_context()
    editor = editor_context.new_page()
    log_in(editor, site, "redacteur")
    editor.goto(f"{site}/admin/inzendingen/")
    editor.get_by_role("link", name=TITLE).click()
    redactie_moves(editor, "in_behandeling")
    expect(editor.get_by_test_id("state")).to_have_text("In behandeling")
    redactie_moves(
        editor, "aanvulling_gevraagd", "Wie leest er voor? Vertel iets over de vrijwilligers."
    )
    expect(editor.get_by_test_id("state")).to_have_text("Aanvulling gevraagd")

    # The submitter amends via the private link, in a fresh browser. -----------------------
    submitter_context = browser.new_context()
    submitter = submitter_context.new_page()
    submitter.goto(private_link)
    expect(submitter.get_by_text("Wie leest er voor?")).to_be_visible()
    submitter.get_by_role("link", name="Inzending bewerken").click()
    submitter.get_by_role("link", name="Verdieping").click()
    submitter.get_by_label("Door wie?").fill("Vrijwilligers uit de buurt, vaak grootouders.")
    next_step(submitter)
    submitter.goto(private_link.rstrip("/") + "/controleren/")
    submitter.get_by_role("button", name="Indienen").click()
    expect(submitter.get_by_test_id("state")).to_have_text("Ingediend")

    # The redactie accepts; a draft page is made and goes to the contact person. -----------
    editor.reload()
    redactie_moves(editor, "in_behandeling")
    expect(editor.get_by_text("grootouders")).to_be_visible()
    # The bank does not know the place yet: the redactie confirms it as a new place first.
    proposals = editor.get_by_test_id("place-proposals")
    proposals.get_by_label("Alphen aan den Rijn").check()
    proposals.get_by_role("button", name="Gekozen plaatsen aanmaken").click()
    expect(editor.get_by_text("Nieuwe plaatsen aangemaakt: Alphen aan den Rijn.")).to_be_visible()
    redactie_moves(editor, "akkoord_redactie", "Mooi, we maken er een pagina van.")
    expect(editor.get_by_test_id("state")).to_have_text("Akkoord redactie")
    redactie_moves(editor, "ter_goedkeuring")
    expect(editor.get_by_test_id("state")).to_have_text("Ter goedkeuring bij contactpersoon")

    # The contact person approves with the signed link; no account. ------------------------
    contact_link = link_in_mail("cas@example.org", "/insturen/goedkeuren/", site)
    contact_context = browser.new_context()
    contact = contact_context.new_page()
    contact.goto(contact_link)
    expect(contact.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(contact.get_by_text("grootouders")).to_be_visible()
    check_a11y(contact)
    contact.get_by_label("Akkoord: zo mag het online").check()
    contact.get_by_role("button", name="Versturen").click()
    expect(contact.get_by_role("heading", level=1)).to_have_text("Dank u wel")

    # An editor with publishing rights publishes the page in Wagtail. ----------------------
    from voorbeeldenbank.submissions.models import Submission

    submission = Submission.objects.get()
    assert submission.state == "goedgekeurd"
    publisher_context = browser.new_context()
    publisher = publisher_context.new_page()
    log_in(publisher, site, "eindredacteur")
    publisher.goto(f"{site}/admin/pages/{submission.example_page_id}/edit/")
    publisher.locator('button[name="action-publish"]').dispatch_event("click")
    # Wait for the redirect to the catalogue's listing: the editor's own address matched too,
    # so the check below could run before the publish had been handled. The tests run tasks
    # at once, so this request also embeds the page and builds its PDF (the worker's work in
    # production): on a loaded CI machine that took more than the default 5 s.
    expect(publisher).to_have_url(re.compile(r"/admin/pages/\d+/$"), timeout=30_000)
    submission.refresh_from_db()
    assert submission.state == "gepubliceerd"

    # The example is now in the catalogue. --------------------------------------------------
    page.goto(f"{site}/voorbeelden/?q=Voorleesochtend")
    expect(page.locator("#results .card h3")).to_contain_text([TITLE])
    for context in (editor_context, submitter_context, contact_context, publisher_context):
        context.close()
