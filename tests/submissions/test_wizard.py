"""The public path: start with consent, fill the steps, nothing typed is lost, submit once."""

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from voorbeeldenbank.submissions.constants import State
from voorbeeldenbank.submissions.models import Submission

from .factories import SubmissionFactory

pytestmark = pytest.mark.django_db

START = "/insturen/"
# Valid by the e-mail syntax (local part ≤ 64, labels ≤ 63), but longer than the column (254).
LONG_ADDRESS = "a" * 60 + "@" + ".".join(["b" * 60] * 4) + ".org"


def start(client: Client, **extra) -> object:
    data = {"name": "Ivo Indiener", "email": "ivo@example.org", "consent": "on", **extra}
    return client.post(START, data)


def facts(**extra) -> dict:
    return {
        "version": extra.pop("version"),
        "title": "Ouderkamer",
        "kind": "initiatief",
        "formality": "informeel",
        "scale": "collectief",
        "since_year": "2019",
        "places": "Leiden\nGouda",
        "organisations": "Buurthuis",
        "go": "next",
        **extra,
    }


def test_the_start_page_explains_what_fits_and_the_privacy_statement(anonymous_client):
    response = anonymous_client.get(START)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Voorbeeld insturen" in text
    assert "5 van de 8" in text
    assert "geen cijfer voor de kwaliteit" in text
    assert "Privacyverklaring" in text
    assert 'name="csrfmiddlewaretoken"' in text


def test_starting_stores_consent_and_mails_a_private_link(
    anonymous_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = start(anonymous_client)
    submission = Submission.objects.get()
    assert submission.state == State.CONCEPT
    assert submission.consent_at is not None
    assert submission.privacy_version == "2026-1"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ivo@example.org"]
    token = message.body.split("/insturen/")[1].split("/")[0]
    assert response.status_code == 302
    assert response["Location"] == f"/insturen/{token}/stap/feiten/"
    # Only a hash is stored, never the token itself.
    assert token not in submission.token_hash
    assert "Deel deze link niet" in message.body
    assert "Do not share this link" in message.body


def test_without_consent_nothing_is_stored(anonymous_client):
    response = start(anonymous_client, consent="")
    assert response.status_code == 200
    assert "Zonder toestemming" in response.content.decode()
    assert not Submission.objects.exists()
    assert mail.outbox == []


def test_a_filled_honeypot_stores_and_sends_nothing(anonymous_client):
    response = start(anonymous_client, website="https://spam.example")
    assert response.status_code == 200
    assert not Submission.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("email", ["", "geen-adres", "a@b@c"])
def test_a_bad_email_address_is_refused_with_a_message(anonymous_client, email):
    response = start(anonymous_client, email=email)
    assert response.status_code == 200
    assert "alert--error" in response.content.decode()
    assert not Submission.objects.exists()


def browser(number: int = 1, **extra) -> Client:
    """A browser with its own CSRF cookie, as every browser that opened the form has."""
    client = Client(**extra)
    client.cookies[settings.CSRF_COOKIE_NAME] = f"browser{number}".ljust(32, "x")
    return client


def test_starting_is_rate_limited_per_browser_and_says_how_long_to_wait(settings):
    settings.SUBMISSION_RATE_LIMIT = "2/h"
    first = browser(1)
    assert start(first).status_code == 302
    assert start(first).status_code == 302
    response = start(first)
    assert response.status_code == 429
    body = response.content.decode()
    assert "Even wachten" in body
    assert "Probeer het over" in body
    assert 60 < int(response["Retry-After"]) <= 2 * 3600
    assert response["Cache-Control"] == "no-store, private"
    assert Submission.objects.count() == 2
    # Another browser on the same connection is somebody else.
    assert start(browser(2)).status_code == 302


def test_a_training_group_behind_one_address_meets_only_the_higher_ceiling(settings):
    settings.SUBMISSION_RATE_LIMIT = "1/h"
    settings.SUBMISSION_RATE_LIMIT_PER_IP = "12/h"
    results = [start(browser(number)).status_code for number in range(13)]
    assert results == [302] * 12 + [429]
    assert Submission.objects.count() == 12


def test_a_client_without_cookies_meets_the_address_ceiling(anonymous_client, settings):
    settings.SUBMISSION_RATE_LIMIT = "1/h"
    settings.SUBMISSION_RATE_LIMIT_PER_IP = "2/h"
    assert start(anonymous_client).status_code == 302
    assert start(anonymous_client).status_code == 302
    assert start(anonymous_client).status_code == 429


def test_behind_the_trusted_proxy_each_forwarded_client_has_its_own_ceiling(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    settings.SUBMISSION_RATE_LIMIT_PER_IP = "1/h"

    def via_proxy(client_address: str) -> Client:
        return Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=client_address)

    assert start(via_proxy("198.51.100.1")).status_code == 302
    assert start(via_proxy("198.51.100.1")).status_code == 429
    # A spoofed left-hand entry does not make a new client.
    assert start(via_proxy("203.0.113.9, 198.51.100.1")).status_code == 429
    assert start(via_proxy("198.51.100.2")).status_code == 302


def test_a_valid_step_is_saved_and_leads_to_the_next(submitter):
    submission = submitter.submission
    submission.content = {}
    submission.save()
    response = submitter.client.post(
        submitter.url("step", step="feiten"), facts(version=submission.version)
    )
    assert response.status_code == 302
    assert response["Location"] == submitter.url("step", step="notendop")
    submission.refresh_from_db()
    assert submission.content["title"] == "Ouderkamer"
    assert submission.content["places"] == ["Leiden", "Gouda"]
    assert submission.content["since_year"] == 2019
    assert "feiten" not in submission.raw_input


def test_an_invalid_step_keeps_everything_typed_on_the_server(submitter):
    submission = submitter.submission
    submission.content = {}
    submission.save()
    data = facts(version=submission.version, age_min="12", age_max="40", since_year="3000")
    response = submitter.client.post(submitter.url("step", step="feiten"), data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Niet alles is goed ingevuld" in text
    submission.refresh_from_db()
    # The valid part is in the content; the invalid values are parked, not thrown away.
    assert submission.content["title"] == "Ouderkamer"
    assert "age_max" not in submission.content
    assert submission.raw_input["feiten"]["age_max"] == "40"
    assert submission.raw_input["feiten"]["since_year"] == "3000"
    # A new browser (no session at all) gets the same values and errors back.
    again = Client().get(submitter.url("step", step="feiten")).content.decode()
    assert 'value="40"' in again
    assert 'value="3000"' in again
    assert "Dat jaar ligt in de toekomst" in again


def test_a_stale_version_does_not_overwrite_and_keeps_the_input(submitter):
    submission = submitter.submission
    old_version = submission.version
    # Another tab saves first.
    submitter.client.post(
        submitter.url("step", step="notendop"),
        {"version": old_version, "summary": "Eerste tekst", "go": "stay"},
    )
    response = submitter.client.post(
        submitter.url("step", step="notendop"),
        {"version": old_version, "summary": "Tweede tekst uit een oud tabblad", "go": "stay"},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Iemand anders heeft dit concept intussen gewijzigd" in text
    assert "Tweede tekst uit een oud tabblad" in text
    submission.refresh_from_db()
    assert submission.content["summary"] == "Eerste tekst"


def test_script_tags_are_stripped_and_text_is_escaped_on_output(submitter):
    submission = submitter.submission
    submitter.client.post(
        submitter.url("step", step="notendop"),
        {
            "version": submission.version,
            "summary": '<script>alert("x")</script>Ouders <b>helpen</b> elkaar & meer '
            "<img src=x onerror=alert(1)>",
            "go": "stay",
        },
    )
    submission.refresh_from_db()
    assert submission.content["summary"] == "Ouders helpen elkaar & meer"
    review = submitter.client.get(submitter.url("review")).content.decode()
    assert "<script>alert" not in review
    assert "onerror" not in review
    assert "Ouders helpen elkaar &amp; meer" in review


def test_huge_input_is_refused_with_a_message_and_not_stored(submitter):
    submission = submitter.submission
    response = submitter.client.post(
        submitter.url("step", step="notendop"),
        {"version": submission.version, "summary": "woord " * 5000, "go": "next"},
    )
    assert response.status_code == 200
    assert "niet meer dan 6000 tekens" in response.content.decode()
    submission.refresh_from_db()
    assert len(submission.content["summary"]) < 1000


def test_an_empty_required_step_shows_errors_but_moving_back_still_saves(submitter):
    submission = submitter.submission
    response = submitter.client.post(
        submitter.url("step", step="notendop"),
        {"version": submission.version, "summary": "", "go": "next"},
    )
    assert response.status_code == 200
    assert "Niet alles is goed ingevuld" in response.content.decode()
    submission.refresh_from_db()
    response = submitter.client.post(
        submitter.url("step", step="notendop"),
        {"version": submission.version, "summary": "", "go": "prev"},
    )
    assert response.status_code == 302
    assert response["Location"] == submitter.url("step", step="feiten")


def test_elements_are_counted_only_when_present_and_explained(submitter):
    submission = submitter.submission
    data = {"version": submission.version, "go": "next"}
    data.update({"present_twijfels_normaal": "on", "explanation_twijfels_normaal": "Zo."})
    data.update({"present_steun_informeel": "on"})
    data.update({"explanation_positieve_zaken": "Wel uitleg, niet aangevinkt."})
    submitter.client.post(submitter.url("step", step="elementen"), data)
    submission.refresh_from_db()
    assert submission.explained_elements == ["twijfels_normaal"]
    assert submission.content["elements"]["steun_informeel"] == {
        "present": True,
        "explanation": "",
    }


def test_fewer_than_five_elements_may_be_submitted_but_the_submitter_is_told(
    demo_content, redacteur, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory(few_elements=True)
    client = Client()
    review = client.get(reverse("submissions:review", kwargs={"token": submission.raw_token}))
    assert "Minder dan 5 elementen toegelicht" in review.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("submissions:submit", kwargs={"token": submission.raw_token})
        )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.state == State.INGEDIEND
    redactie_mail = [m for m in mail.outbox if "[Inzending" in m.subject]
    assert redactie_mail
    assert "minder dan 5 elementen" in redactie_mail[0].body


def test_submitting_needs_the_required_parts(submitter):
    submission = submitter.submission
    submission.content = {"title": "Alleen een naam"}
    submission.save()
    response = submitter.client.post(submitter.url("submit"), follow=True)
    text = response.content.decode()
    assert "Vul eerst in" in text
    submission.refresh_from_db()
    assert submission.state == State.CONCEPT


def test_a_double_click_on_submit_submits_once(submitter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = submitter.client.post(submitter.url("submit"))
        second = submitter.client.post(submitter.url("submit"))
    assert first.status_code == second.status_code == 302
    submission = submitter.submission
    submission.refresh_from_db()
    assert submission.state == State.INGEDIEND
    assert submission.transitions.count() == 1
    assert sum(1 for m in mail.outbox if m.to == [submission.submitter_email]) == 1


def test_submitting_is_rate_limited_per_address_across_links(demo_content, settings):
    settings.SUBMISSION_RATE_LIMIT_PER_IP = "1/h"
    client = Client()
    first = SubmissionFactory()
    second = SubmissionFactory()
    assert (
        client.post(reverse("submissions:submit", kwargs={"token": first.raw_token})).status_code
        == 302
    )
    response = client.post(reverse("submissions:submit", kwargs={"token": second.raw_token}))
    assert response.status_code == 429
    assert "Retry-After" in response
    second.refresh_from_db()
    assert second.state == State.CONCEPT


def test_uploading_is_rate_limited_per_private_link(submitter, settings):
    settings.SUBMISSION_RATE_LIMIT = "2/h"
    url = submitter.url("upload")
    assert [submitter.client.post(url).status_code for _ in range(3)] == [200, 200, 429]
    # Someone else's link from the same address is not held up.
    other = SubmissionFactory()
    response = Client().post(reverse("submissions:upload", kwargs={"token": other.raw_token}))
    assert response.status_code == 200


def test_after_submitting_the_steps_are_closed_but_the_status_stays_visible(submitter):
    submitter.client.post(submitter.url("submit"))
    response = submitter.client.get(submitter.url("step", step="feiten"))
    assert response.status_code == 302
    status = submitter.client.get(submitter.url()).content.decode()
    assert "Ingediend" in status
    assert "Koffieochtend voor nieuwe ouders" in status


def test_the_submitter_sees_the_request_for_more_but_not_internal_notes(submitter, redacteur):
    from voorbeeldenbank.submissions.constants import Actor
    from voorbeeldenbank.submissions.models import EditorNote
    from voorbeeldenbank.submissions.workflow import submit, transition

    submission = submitter.submission
    submit(submission)
    transition(submission, State.IN_BEHANDELING, Actor.REDACTIE, redacteur, "intern: lijkt goed")
    transition(
        submission, State.AANVULLING_GEVRAAGD, Actor.REDACTIE, redacteur, "Graag meer over vaders."
    )
    EditorNote.objects.create(submission=submission, author=redacteur, text="Geheime notitie")
    text = submitter.client.get(submitter.url()).content.decode()
    assert "Graag meer over vaders." in text
    assert "Geheime notitie" not in text
    assert "intern: lijkt goed" not in text
    # The steps are open again for amending.
    assert submitter.client.get(submitter.url("step", step="feiten")).status_code == 200


def test_unknown_steps_are_not_found(submitter):
    assert submitter.client.get(submitter.url("step", step="bestaat-niet")).status_code == 404


def test_private_pages_are_not_cached_and_leak_no_referrer(submitter):
    response = submitter.client.get(submitter.url())
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"


def test_the_private_link_is_shown_once_after_starting_so_a_lost_email_loses_nothing(
    anonymous_client, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(self, messages):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        response = start(anonymous_client)
    # The mail server is down: the visitor still gets on, with the link on screen.
    assert response.status_code == 302
    first = anonymous_client.get(response["Location"]).content.decode()
    status_url = "http://127.0.0.1:8000" + response["Location"].replace("stap/feiten/", "")
    assert "Bewaar uw persoonlijke link" in first
    assert f'href="{status_url}"' in first
    again = anonymous_client.get(response["Location"]).content.decode()
    assert "Bewaar uw persoonlijke link" not in again
    # Another visitor on the same link never sees the notice.
    assert "Bewaar uw persoonlijke link" not in Client().get(response["Location"]).content.decode()


def test_an_overlong_email_address_or_nul_bytes_are_refused_with_a_message(anonymous_client):
    response = start(anonymous_client, email=LONG_ADDRESS)
    assert response.status_code == 200
    assert Submission.objects.count() == 0
    assert "niet meer dan 254 tekens" in response.content.decode()
    response = start(anonymous_client, name="Ivo\x00Indiener")
    assert response.status_code == 200
    assert "niet kan worden opgeslagen" in response.content.decode()
    assert Submission.objects.count() == 0


@pytest.mark.parametrize(
    "field",
    ["title", "places", "organisations", "target_group", "short_name", "since_year", "kind"],
)
def test_a_nul_character_in_an_invalid_step_is_refused_and_the_rest_is_kept(submitter, field):
    data = facts(version=submitter.submission.version, kind="geen-soort")
    data[field] = str(data.get(field, "")) + "\x00x"
    response = submitter.client.post(submitter.url("step", step="feiten"), data)
    assert response.status_code == 200
    submitter.submission.refresh_from_db()
    raw = submitter.submission.raw_input["feiten"]
    assert "\x00" not in str(raw)
    assert raw["title"].startswith("Ouderkamer")


def test_overlong_addresses_in_the_contact_step_are_refused(submitter):
    data = {
        "version": submitter.submission.version,
        "approver_email": LONG_ADDRESS,
        "contact_email": LONG_ADDRESS,
        "link_url_0": "https://example.org/" + "x" * 600,
        "go": "next",
    }
    response = submitter.client.post(submitter.url("step", step="contact"), data)
    assert response.status_code == 200
    assert response.content.decode().count("niet meer dan 254 tekens") >= 2
    submitter.submission.refresh_from_db()
    assert LONG_ADDRESS not in str(submitter.submission.content)
    # What was typed is kept to be shown again, so it can be corrected.
    assert submitter.submission.raw_input["contact"]["approver_email"] == LONG_ADDRESS
