"""GET /api/v1/examples/ refuses bad input with a 400 and never lists what is private."""

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from tests.factories import ExamplePageFactory
from voorbeeldenbank.examples.models import ExampleContact

from .demo_data import LIST_URL

AGE_MESSAGE = "Leeftijd moet een heel getal zijn van 0 tot en met 30."
PAGE_MESSAGE = "De parameter 'page' moet een geheel getal groter dan nul zijn."
PAGE_SIZE_MESSAGE = "De parameter 'page_size' moet een geheel getal groter dan nul zijn."


def errors_for(client, params: dict) -> list[str]:
    response = client.get(LIST_URL, params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    assert set(body) == {"errors"}
    return body["errors"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"age": "-1"}, AGE_MESSAGE),
        ({"age": "abc"}, AGE_MESSAGE),
        ({"age": "999"}, AGE_MESSAGE),
        ({"age": "31"}, AGE_MESSAGE),
        ({"age": "1.5"}, AGE_MESSAGE),
        ({"age": "²"}, AGE_MESSAGE),
        ({"age": "9" * 5000}, AGE_MESSAGE),
        ({"page": "0"}, PAGE_MESSAGE),
        ({"page": "x"}, PAGE_MESSAGE),
        ({"page": "-2"}, PAGE_MESSAGE),
        ({"page": "²"}, PAGE_MESSAGE),
        ({"page": "9" * 5000}, PAGE_MESSAGE),
        ({"page": ""}, PAGE_MESSAGE),
        ({"page_size": "0"}, PAGE_SIZE_MESSAGE),
        ({"page_size": "vijf"}, PAGE_SIZE_MESSAGE),
        ({"page_size": "101"}, "De parameter 'page_size' mag hoogstens 100 zijn."),
        ({"page": "2", "page_size": "13"}, "Pagina 2 bestaat niet; er is 1 pagina."),
        ({"page": "4", "page_size": "5"}, "Pagina 4 bestaat niet; er zijn 3 pagina's."),
        ({"kind": "roman"}, "Het filter 'kind' kent de waarde 'roman' niet."),
        ({"element": "Gelijkwaardigheid"}, None),
        ({"formality": "informeel ", "scale": "collectief"}, None),
        ({"target": "grootouders"}, None),
        ({"topic": "sport"}, None),
        ({"place": "Leiden"}, None),
        ({"scale": ""}, None),
    ],
)
def test_it_refuses_bad_input_with_a_400(demo_content, client, params, message):
    errors = errors_for(client, params)

    assert len(errors) == 1
    if message is not None:
        assert errors == [message]


def test_it_names_the_facet_and_value_it_does_not_know(demo_content, client):
    (message,) = errors_for(client, {"place": "Atlantis"})

    assert "'place'" in message
    assert "'Atlantis'" in message


def test_it_refuses_a_query_longer_than_the_limit(demo_content, client, settings):
    limit = settings.SEARCH_MAX_QUERY_LENGTH

    errors = errors_for(client, {"q": "gezin " * 2000})

    assert errors == [f"De zoekopdracht is langer dan {limit} tekens; maak hem korter."]


@override_settings(SEARCH_MAX_QUERY_LENGTH=10)
def test_it_accepts_a_query_of_exactly_the_limit(demo_content, client):
    assert client.get(LIST_URL, {"q": "gezinnen 1"}).status_code == 200
    assert client.get(LIST_URL, {"q": "gezinnen 12"}).status_code == 400


def test_it_reports_every_problem_at_once(demo_content, client):
    errors = errors_for(client, {"kind": "roman", "age": "abc", "page": "0"})

    assert errors == [
        "Het filter 'kind' kent de waarde 'roman' niet.",
        AGE_MESSAGE,
        PAGE_MESSAGE,
    ]


def test_it_accepts_page_1_of_an_empty_result(demo_content, client):
    response = client.get(LIST_URL, {"q": "xylofoonfabriek", "page": "1"})

    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_it_answers_in_the_language_of_the_accept_language_header(demo_content, client):
    english = client.get(LIST_URL, {"page": "0"}, headers={"accept-language": "en-GB,nl;q=0.5"})
    dutch = client.get(LIST_URL, {"page": "0"}, headers={"accept-language": "nl"})
    unknown = client.get(LIST_URL, {"page": "0"}, headers={"accept-language": "fr"})

    assert english.status_code == dutch.status_code == unknown.status_code == 400
    assert english["Content-Language"] == "en"
    assert dutch["Content-Language"] == "nl"
    assert unknown["Content-Language"] == "nl"
    assert "Accept-Language" in english["Vary"]


def test_it_ignores_the_sites_language_cookie(demo_content, client):
    client.cookies["django_language"] = "en"

    response = client.get(LIST_URL, headers={"accept-language": "nl"})

    assert response["Content-Language"] == "nl"


# Privacy ----------------------------------------------------------------------------------


def test_it_hides_drafts_from_the_list(demo_content, client):
    ExamplePageFactory(draft=True, title="Geheim concept", slug="geheim-concept")

    body = client.get(LIST_URL, {"page_size": 100}).json()
    searched = client.get(LIST_URL, {"q": "geheim concept"}).json()

    assert body["count"] == 13
    assert "geheim-concept" not in {result["slug"] for result in body["results"]}
    assert searched["count"] == 0


def test_it_drops_an_example_from_the_list_once_unpublished(demo_content, client):
    page = ExamplePageFactory(slug="even-live")
    assert client.get(LIST_URL, {"page_size": 100}).json()["count"] == 14

    page.unpublish()

    body = client.get(LIST_URL, {"page_size": 100}).json()
    assert body["count"] == 13
    assert "even-live" not in {result["slug"] for result in body["results"]}


def test_it_never_lists_a_view_restricted_example(demo_content, client):
    page = ExamplePageFactory(slug="afgeschermd", title="Afgeschermd voorbeeld")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")

    body = client.get(LIST_URL, {"page_size": 100}).json()

    assert "afgeschermd" not in {result["slug"] for result in body["results"]}
    assert "Afgeschermd" not in str(body)


def test_it_lists_no_contacts_notes_or_interview_data(demo_content, client):
    page = ExamplePageFactory(slug="met-contact")
    ExampleContact.objects.create(page=page, name="Petra Privé", email="petra@example.org")

    content = client.get(LIST_URL, {"page_size": 100}).content.decode()

    assert "met-contact" in content
    assert "petra" not in content.casefold()
    assert "contacts" not in content
