"""The search's modes and orders in the API, and why each result was found."""

import pytest

from tests.factories import ExamplePageFactory

from .demo_data import LIST_URL, SCHEMA_URL

pytestmark = pytest.mark.django_db


def test_the_modes_and_orders_are_in_the_openapi_document(demo_content, client):
    document = client.get(SCHEMA_URL).json()
    refs = document["paths"]["/examples/"]["get"]["parameters"]
    names = {ref["$ref"].rsplit("/", 1)[1] for ref in refs}
    assert {"mode", "sort"} <= names
    parameters = document["components"]["parameters"]
    assert set(parameters["mode"]["schema"]["enum"]) == {"hybrid", "lexical", "semantic"}
    assert parameters["mode"]["schema"]["default"] == "hybrid"
    assert {"relevance", "newest", "az"} <= set(parameters["sort"]["schema"]["enum"])
    summary = document["components"]["schemas"]["ExampleSummary"]["properties"]
    assert "match" in summary


@pytest.mark.parametrize("name", ["mode", "sort"])
def test_an_unknown_mode_or_order_is_refused_with_the_choices(demo_content, client, name):
    response = client.get(LIST_URL, {"q": "ouders", name: "magisch"})
    assert response.status_code == 400
    [message] = response.json()["errors"]
    assert f"'{name}'" in message
    assert "magisch" in message


def test_a_lexical_search_says_it_matched_on_the_words(db, client):
    ExamplePageFactory(title="Zwemmen", summary="De zwemles in het bad.")
    body = client.get(LIST_URL, {"q": "zwemles", "mode": "lexical"}).json()
    [result] = body["results"]
    assert result["match"]["via"] == ["lexical"]


def test_without_search_words_there_is_no_match(demo_content, client):
    body = client.get(LIST_URL).json()
    assert all(result["match"] is None for result in body["results"])


def test_sorting_by_newest_puts_the_last_published_first(demo_content, client):
    newest = ExamplePageFactory(title="Aaaa nieuw", summary="Nieuw.")
    body = client.get(LIST_URL, {"sort": "newest"}).json()
    assert body["results"][0]["slug"] == newest.slug
