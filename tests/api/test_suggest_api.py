"""POST /api/v1/elements/suggest/: the contract, bad input, size and rate limits, OpenAPI."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from tests.examples.suggestion_helpers import store_small_model
from voorbeeldenbank.core.constants import ELEMENT_KEYS
from voorbeeldenbank.examples.models import ElementModelVersion

URL = "/api/v1/elements/suggest/"
TEXT = (
    "Ouders lopen zonder afspraak binnen in de ouderkamer. Ze helpen elkaar met oppassen. "
    "Iedereen mag zeggen dat opvoeden soms zwaar is."
)


@pytest.fixture
def element_model(demo_content):
    return store_small_model("api-test-model")


def post(client: Client, body, **extra):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(URL, data=data, content_type="application/json", **extra)


def test_it_answers_all_eight_elements_in_order_with_the_model_version(element_model, client):
    response = post(client, {"text": TEXT})

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"model", "elements"}
    assert body["model"] == "api-test-model"
    assert [e["key"] for e in body["elements"]] == list(ELEMENT_KEYS)
    for element in body["elements"]:
        assert set(element) == {"key", "score", "present", "evidence"}
        assert isinstance(element["score"], float)
        assert 0 <= element["score"] <= 1
        assert element["present"] in {"yes", "no", "unsure"}
        for evidence in element["evidence"]:
            assert set(evidence) == {"start", "end", "sentence"}
            assert TEXT[evidence["start"] : evidence["end"]] == evidence["sentence"]


def test_a_too_large_body_gets_a_413_with_a_message(element_model, client, settings):
    settings.ELEMENT_SUGGEST_MAX_BYTES = 100
    response = post(client, {"text": "woord " * 50})

    assert response.status_code == 413
    assert "te groot" in response.json()["errors"][0]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"{text", "geen geldige JSON"),
        ({"tekst": "hallo"}, 'veld "text" ontbreekt'),
        ({"text": 12}, "moet een tekst"),
        ({"text": "   "}, "is leeg"),
    ],
)
def test_bad_input_gets_a_400_with_a_message(element_model, client, body, words):
    response = post(client, body)

    assert response.status_code == 400
    assert words in response.json()["errors"][0]


def test_only_post_is_allowed(element_model, client):
    response = client.get(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"


def test_without_a_model_it_answers_503_and_says_why(demo_content, client):
    ElementModelVersion.objects.all().delete()
    response = post(client, {"text": TEXT})

    assert response.status_code == 503
    assert "wordt nog getraind" in response.json()["errors"][0]


def test_it_is_rate_limited_per_client_address(element_model, client, settings):
    settings.ELEMENT_SUGGEST_RATE_LIMIT_PER_IP = "2/m"
    assert [post(client, {"text": TEXT}).status_code for _ in range(2)] == [200, 200]

    response = post(client, {"text": TEXT})
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert post(Client(REMOTE_ADDR="198.51.100.9"), {"text": TEXT}).status_code == 200


def test_the_openapi_document_describes_the_route(demo_content, client):
    document = client.get(reverse("api:schema")).json()

    operation = document["paths"]["/elements/suggest/"]["post"]
    assert operation["operationId"] == "suggestElements"
    assert {"200", "400", "413", "429", "503"} <= set(operation["responses"])
    assert "SuggestRequest" in document["components"]["schemas"]
    result = document["components"]["schemas"]["SuggestResult"]
    assert set(result["properties"]) == {"model", "elements"}
