"""The query parameters as ninja checks their types and the strict reading checks their values:
a client gets the same messages whichever of the two refuses a value first."""

import json

import pytest
from ninja.errors import ValidationError

from voorbeeldenbank.api.app import invalid_parameters

from .demo_data import DOWNLOAD_URLS, LIST_URL, MATRIX_URL

PAGE_MESSAGE = "De parameter 'page' moet een geheel getal groter dan nul zijn."


@pytest.mark.parametrize("url", [LIST_URL, MATRIX_URL, DOWNLOAD_URLS["catalogue", "csv"]])
@pytest.mark.parametrize("age", ["", "  "])
def test_an_empty_age_is_no_filter_as_the_catalogue_form_sends_it(demo_content, client, url, age):
    assert client.get(url, {"age": age}).status_code == 200


@pytest.mark.parametrize("page", ["+1", "1.0", "1_0"])
def test_a_page_that_only_looks_like_a_number_is_refused(demo_content, client, page):
    # Ninja's integers accept these; the strict reading does not, as before.
    response = client.get(LIST_URL, {"page": page})

    assert response.status_code == 400
    assert response.json() == {"errors": [PAGE_MESSAGE]}


def test_a_type_error_is_told_in_the_clients_language(demo_content, client):
    response = client.get(
        LIST_URL, {"page": "x", "kind": "roman"}, headers={"accept-language": "en"}
    )

    assert response.status_code == 400
    assert response.json() == {
        "errors": [
            "The filter 'kind' has no value 'roman'.",
            "The parameter 'page' must be a whole number greater than zero.",
        ]
    }


def test_a_value_only_ninja_refuses_still_gets_a_message_that_names_it(db, rf):
    request = rf.get(LIST_URL, {"age": "5"})
    refused = ValidationError([{"loc": ("query", "age"), "msg": "-", "type": "int_parsing"}])

    response = invalid_parameters(request, refused)

    assert response.status_code == 400
    assert json.loads(response.content) == {
        "errors": ["De parameter 'age' heeft een ongeldige waarde."]
    }
