"""The scan alone and as a team, through the views."""

import pytest
from django.urls import reverse

from voorbeeldenbank.core.models import Element
from voorbeeldenbank.reflection.links import leader_token
from voorbeeldenbank.reflection.models import Answer, ElementNote, ReflectionSession, Response

from .conftest import make_session, scan_data

pytestmark = pytest.mark.django_db


def test_the_home_page_card_for_professionals_links_to_the_scan(demo_content, client):
    response = client.get("/")
    assert 'href="/reflectie/"' in response.content.decode()


def test_a_visitor_alone_sees_the_result_right_after_answering(client, statements):
    response = client.post(reverse("reflection:solo"))
    session = ReflectionSession.objects.get()
    assert session.solo
    assert len(session.code) == 6
    assert response.url == reverse("reflection:session", args=[session.code])

    page = client.get(response.url)
    assert statements[0].text_nl in page.content.decode()
    first = statements[0].element
    data = scan_data(statements, "4") | {f"note_{first.key}": "We doen dit al goed."}
    answered = client.post(response.url, data, follow=True)

    html = answered.content.decode()
    assert "een startpunt voor een gesprek, geen score" in html
    assert "We doen dit al goed." in html
    assert "<svg" in html
    assert "<table" in html
    session.refresh_from_db()
    assert session.is_closed
    assert Answer.objects.filter(value=4).count() == len(statements)
    # The CSV link is on the page the visitor lands on: the leader page of a solo session.
    assert reverse("reflection:csv", args=[session.code, leader_token(session.code)]) in html


def test_an_unanswered_scan_shows_the_error_summary(client, statements):
    session = make_session()
    response = client.post(reverse("reflection:session", args=[session.code]), {})
    assert response.status_code == 200
    assert "Kies bij minstens één stelling een antwoord." in response.content.decode()
    assert not Response.objects.exists()


def test_a_team_answers_and_sees_the_spread_when_the_leader_closes(client, statements):
    opened = client.post(
        reverse("reflection:new"),
        {"title": "Team Oost", "days_open": 7, "tag_organisations": "on"},
    )
    session = ReflectionSession.objects.get()
    token = leader_token(session.code)
    assert opened.url == reverse("reflection:leader", args=[session.code, token])
    url = reverse("reflection:session", args=[session.code])

    from django.test import Client

    members = [Client(), Client()]
    members[0].post(url, scan_data(statements, "5", organisation_kind="formeel"))
    members[1].post(url, scan_data(statements, "x", organisation_kind=""))
    assert "2 personen hebben geantwoord." in client.get(url).content.decode()
    assert sorted(Response.objects.values_list("organisation_kind", flat=True)) == ["", "formeel"]
    # Not closed yet: no result for anyone.
    assert client.get(reverse("reflection:result", args=[session.code])).status_code == 302

    client.post(reverse("reflection:close", args=[session.code, token]))
    result = members[0].get(reverse("reflection:result", args=[session.code]))
    html = result.content.decode()
    assert "een startpunt voor een gesprek, geen score" in html
    # The spread: per element one "altijd" per statement and as many "weet niet".
    first = Element.objects.first()
    per_element = sum(1 for s in statements if s.element_id == first.pk)
    spread = "nooit 0, soms 0, regelmatig 0, vaak 0, altijd {n}, weet niet {n}".format
    assert f"{first.display_short_title}: {spread(n=per_element)}" in html


def test_a_second_answer_from_the_same_browser_is_refused_softly(client, statements):
    session = make_session()
    url = reverse("reflection:session", args=[session.code])
    client.post(url, scan_data(statements, "3"))
    again = client.post(url, scan_data(statements, "1"))
    assert "U heeft al geantwoord" in again.content.decode()
    assert Response.objects.count() == 1


def test_the_leader_link_needs_its_signature(client, statements):
    session = make_session()
    assert client.get(reverse("reflection:leader", args=[session.code, "nep"])).status_code == 404
    assert client.post(reverse("reflection:close", args=[session.code, "nep"])).status_code == 404
    assert client.get(reverse("reflection:csv", args=[session.code, "nep"])).status_code == 404
    other = make_session()
    borrowed = leader_token(other.code)
    borrowed_url = reverse("reflection:leader", args=[session.code, borrowed])
    assert client.get(borrowed_url).status_code == 404
    session.refresh_from_db()
    assert session.closed_on is None


def test_the_code_may_be_typed_in_lower_case(client, statements):
    session = make_session()
    assert client.get(f"/reflectie/s/{session.code.lower()}/").status_code == 200


def test_notes_are_kept_per_element_and_never_required(client, statements):
    session = make_session()
    element = statements[0].element
    client.post(
        reverse("reflection:session", args=[session.code]),
        {f"s{statements[0].pk}": "2", f"note_{element.key}": "Lastig bij drukte."},
    )
    assert list(ElementNote.objects.values_list("element__key", "text")) == [
        (element.key, "Lastig bij drukte.")
    ]
    assert Answer.objects.count() == 1


def test_the_action_step_suggests_examples_strong_on_the_chosen_elements(client, statements):
    session = make_session(solo=True)
    client.post(reverse("reflection:session", args=[session.code]), scan_data(statements, "2"))
    chosen = ["steun_informeel", "positieve_zaken"]
    response = client.get(
        reverse("reflection:leader", args=[session.code, leader_token(session.code)]),
        {"groei": chosen},
    )
    suggestions = response.context["suggestions"]
    assert 1 <= len(suggestions) <= 3
    for suggestion in suggestions:
        own = suggestion.page.example_elements.all()
        links = {link.element.key: link.explanation for link in own}
        # Every reason quotes the example's own explanation of one of the chosen elements.
        for reason in suggestion.reasons:
            assert reason.element.key in chosen
            assert links[reason.element.key].startswith(reason.quote.removesuffix(" …"))
        assert reason.quote[:40] in response.content.decode()


def test_more_than_three_elements_is_refused(client, statements):
    session = make_session(solo=True)
    client.post(reverse("reflection:session", args=[session.code]), scan_data(statements, "2"))
    keys = list(Element.objects.values_list("key", flat=True)[:4])
    response = client.get(reverse("reflection:result", args=[session.code]), {"groei": keys})
    assert response.context["suggestions"] == []
    assert "Kies er hoogstens 3." in response.content.decode()


def test_the_english_site_shows_the_english_statements(client, statements):
    session = make_session()
    html = client.get(f"/en/reflectie/s/{session.code}/").content.decode()
    assert statements[0].text_en in html
    assert statements[0].text_nl not in html
