"""What the steps tell the submitter: errors that name their field and are tied to it, the
element explanations, and a typed explanation without a tick that is asked about."""

from html.parser import HTMLParser

import pytest

from voorbeeldenbank.core.models import Element

pytestmark = pytest.mark.django_db

START = "/insturen/"
STEPS = ["feiten", "notendop", "verdieping", "elementen", "ervaringen", "contact"]


class References(HTMLParser):
    """The ids on a page, and every id that an aria-describedby refers to."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.described_by: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if "aria-describedby" in values:
            self.described_by.extend((values["aria-describedby"] or "").split() or [""])


def references(html: str) -> References:
    parser = References()
    parser.feed(html)
    return parser


def missing_references(html: str) -> list[str]:
    found = references(html)
    return [ref for ref in found.described_by if ref not in found.ids]


def test_the_start_page_links_hints_and_errors_only_to_ids_that_exist(anonymous_client):
    page = anonymous_client.get(START).content.decode()
    assert missing_references(page) == []
    assert "id_email_helptext" in references(page).described_by
    failed = anonymous_client.post(START, {"name": "", "email": "geen-adres"}).content.decode()
    assert missing_references(failed) == []
    assert {"id_name_error", "id_email_error", "id_consent_error"} <= set(
        references(failed).described_by
    )


def test_the_error_summary_comes_first_on_the_start_page_and_links_to_each_field(
    anonymous_client,
):
    page = anonymous_client.post(START, {"name": "", "email": ""}).content.decode()
    summary = page.index('id="error-summary"')
    assert summary < page.index("<h2>")
    assert summary < page.index('class="submission-form"')
    assert 'href="#id_name"' in page
    assert 'href="#id_email"' in page
    assert 'href="#id_consent"' in page


@pytest.mark.parametrize("step", STEPS)
def test_every_step_links_only_to_ids_that_exist_also_with_errors(submitter, step):
    url = submitter.url("step", step=step)
    assert missing_references(submitter.client.get(url).content.decode()) == []
    # Values that every step refuses somewhere: too long, not a number, not an address.
    wrong = dict.fromkeys(("summary", "for_whom", "what_works", "title"), "x" * 7000)
    wrong |= {"since_year": "nooit", "contact_email": "geen", "approver_email": ""}
    wrong |= {"explanation_twijfels_normaal": "Zo doen we dat."}
    data = {"version": submitter.submission.version, "go": "stay", **wrong}
    response = submitter.client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' in html
    assert missing_references(html) == []
    assert any(ref.endswith("_error") for ref in references(html).described_by)


def test_the_two_email_fields_of_the_contact_step_say_whose_address_is_wrong(submitter):
    response = submitter.client.post(
        submitter.url("step", step="contact"),
        {"version": submitter.submission.version, "contact_email": "geen-adres", "go": "next"},
    )
    html = response.content.decode()
    assert "E-mailadres van de contactpersoon die goedkeurt: Dit is een verplicht veld." in html
    assert "E-mailadres (contact bij het voorbeeld): Voer een geldig e-mailadres in." in html


def test_the_elements_step_shows_what_each_element_means(submitter):
    html = submitter.client.get(submitter.url("step", step="elementen")).content.decode()
    elements = list(Element.objects.exclude(summary=""))
    assert elements
    for element in elements:
        assert element.summary.split("\n")[0][:60] in html


def test_an_explanation_without_a_tick_is_asked_about_and_kept(submitter):
    submission = submitter.submission
    submission.content = {}
    submission.save()
    data = {
        "version": submission.version,
        "go": "next",
        "explanation_positieve_zaken": "We beginnen bij wat goed gaat.",
    }
    response = submitter.client.post(submitter.url("step", step="elementen"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "maar het is niet aangevinkt" in html
    assert 'href="#id_present_positieve_zaken"' in html
    assert "We beginnen bij wat goed gaat." in html
    submission.refresh_from_db()
    assert "elementen" in submission.raw_input
    data["present_positieve_zaken"] = "on"
    data["version"] = submission.version
    response = submitter.client.post(submitter.url("step", step="elementen"), data)
    assert response.status_code == 302
    submission.refresh_from_db()
    assert "positieve_zaken" in submission.explained_elements


def test_saving_a_step_says_it_was_saved(submitter):
    url = submitter.url("step", step="notendop")
    data = {"version": submitter.submission.version, "summary": "Ouders helpen elkaar."}
    response = submitter.client.post(url, {**data, "go": "stay"}, follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == url
    assert 'role="status"' in html
    assert "Opgeslagen." in html
    # Reloading the page afterwards shows no stale confirmation.
    assert "Opgeslagen." not in submitter.client.get(url).content.decode()


def test_a_refused_save_is_not_confirmed(submitter):
    response = submitter.client.post(
        submitter.url("step", step="notendop"),
        {"version": submitter.submission.version, "summary": "", "go": "stay"},
        follow=True,
    )
    html = response.content.decode()
    assert "Niet alles is goed ingevuld" in html
    assert "Opgeslagen." not in html


def test_after_submitting_the_submitter_reads_what_comes_next_and_how_long_it_takes(
    submitter, settings
):
    settings.SUBMISSION_REVIEW_DAYS = 7
    before = submitter.client.get(submitter.url()).content.decode()
    assert "Wat gebeurt er nu?" not in before
    response = submitter.client.post(submitter.url("submit"), follow=True)
    html = response.content.decode()
    assert "Dank u wel! Uw voorbeeld is ingediend." in html
    assert "Wat gebeurt er nu?" in html
    assert "meestal binnen 7 werkdagen" in html
    assert "contactpersoon" in html
