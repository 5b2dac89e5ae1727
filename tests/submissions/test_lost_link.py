""" "Link kwijt?": a fresh private link for the address on file, the same answer for everyone."""

import pytest
from django.core import mail
from django.test import Client

from voorbeeldenbank.core.models import OutgoingEmail
from voorbeeldenbank.submissions.constants import State
from voorbeeldenbank.submissions.tokens import LinkError, submission_for_token
from voorbeeldenbank.submissions.workflow import transition

from .factories import SubmissionFactory

pytestmark = pytest.mark.django_db

URL = "/insturen/link-kwijt/"


def ask(client: Client, email: str, **extra):
    return client.post(URL, {"email": email, **extra})


def sent_answer(response) -> str:
    html = response.content.decode()
    start = html.index("<main")
    # The CSRF token differs per response; compare the page without it.
    return "".join(line for line in html[start:].splitlines() if "csrfmiddlewaretoken" not in line)


def test_the_page_is_linked_from_the_start_page(anonymous_client, demo_content):
    assert f'href="{URL}"' in anonymous_client.get("/insturen/").content.decode()
    page = anonymous_client.get(URL)
    assert page.status_code == 200
    assert "Link kwijt?" in page.content.decode()


def test_a_known_address_gets_a_fresh_link_for_each_open_submission_and_old_links_stop(
    demo_content, django_capture_on_commit_callbacks
):
    draft = SubmissionFactory(submitter_email="ines@example.org")
    waiting = SubmissionFactory(submitter_email="ines@example.org", submitted=True)
    done = SubmissionFactory(submitter_email="ines@example.org", rejected=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(Client(), "INES@example.org")
    assert response.status_code == 200
    assert 'data-testid="lost-link-sent"' in response.content.decode()
    assert [m.to for m in mail.outbox] == [["ines@example.org"], ["ines@example.org"]]
    assert OutgoingEmail.objects.count() == 2
    for submission in (draft, waiting):
        with pytest.raises(LinkError):
            submission_for_token(submission.raw_token)
    fresh = {
        submission_for_token(word.rsplit("/", 2)[-2]).pk
        for message in mail.outbox
        for word in message.body.split()
        if "/insturen/" in word
    }
    assert fresh == {draft.pk, waiting.pk}
    # A finished submission keeps its link and gets no mail.
    assert submission_for_token(done.raw_token) == done


def test_the_answer_is_the_same_whether_or_not_the_address_is_known(
    demo_content, django_capture_on_commit_callbacks
):
    SubmissionFactory(submitter_email="ines@example.org")
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        known = ask(client, "ines@example.org")
        unknown = ask(client, "niemand@example.org")
    assert known.status_code == unknown.status_code == 200
    assert sent_answer(known) == sent_answer(unknown)
    assert [m.to for m in mail.outbox] == [["ines@example.org"]]


def test_an_invalid_address_is_refused_with_a_message(anonymous_client, demo_content):
    response = ask(anonymous_client, "geen-adres")
    html = response.content.decode()
    assert 'id="error-summary"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html


def test_a_filled_honeypot_sends_nothing_but_answers_the_same(
    demo_content, django_capture_on_commit_callbacks
):
    SubmissionFactory(submitter_email="ines@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(Client(), "ines@example.org", website="http://spam.example")
    assert 'data-testid="lost-link-sent"' in response.content.decode()
    assert mail.outbox == []


def test_one_address_gets_only_a_few_new_links_whoever_asks(
    demo_content, settings, django_capture_on_commit_callbacks
):
    settings.SUBMISSION_LOST_LINK_PER_ADDRESS = "2/h"
    SubmissionFactory(submitter_email="ines@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        answers = [ask(Client(), "ines@example.org") for _ in range(4)]
    assert len(mail.outbox) == 2
    assert len({sent_answer(answer) for answer in answers}) == 1


def test_asking_is_rate_limited_per_browser_and_says_how_long_to_wait(demo_content, settings):
    settings.SUBMISSION_RATE_LIMIT = "2/h"
    client = Client(enforce_csrf_checks=False)
    client.cookies["csrftoken"] = "a" * 32
    codes = [ask(client, f"iemand{n}@example.org").status_code for n in range(3)]
    assert codes == [200, 200, 429]
    refused = ask(client, "iemand@example.org")
    assert "Probeer het over" in refused.content.decode()
    assert int(refused["Retry-After"]) > 0


def test_the_request_for_more_mail_links_to_the_page(
    redacteur, demo_content, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory(in_review=True)
    with django_capture_on_commit_callbacks(execute=True):
        transition(submission, State.AANVULLING_GEVRAAGD, "redactie", redacteur, "Meer graag.")
    body = next(m.body for m in mail.outbox if submission.submitter_email in m.to)
    assert body.count("/insturen/link-kwijt/") == 2
    assert "uit de eerste e-mail" not in body


def test_the_page_is_open_to_every_visitor_in_both_languages(demo_content, redacteur):
    editor = Client()
    editor.force_login(redacteur)
    for client in (Client(), editor):
        assert client.get(URL).status_code == 200
    english = Client().get("/en" + URL)
    assert english.status_code == 200
    assert "Lost your link?" in english.content.decode()


def test_asking_needs_the_csrf_token(demo_content):
    SubmissionFactory(submitter_email="ines@example.org")
    response = Client(enforce_csrf_checks=True).post(URL, {"email": "ines@example.org"})
    assert response.status_code == 403
    assert mail.outbox == []
