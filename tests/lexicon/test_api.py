"""POST /api/v1/taalcheck/: the contract, bad input and the OpenAPI document."""

import json

import pytest
from django.urls import reverse

from tests.api.test_schema import check

URL = "/api/v1/taalcheck/"


def post(client, body, content_type: str = "application/json", **extra):
    data = json.dumps(body) if not isinstance(body, bytes | str) else body
    return client.post(URL, data=data, content_type=content_type, **extra)


@pytest.fixture
def document(lexicon, demo_content, client):
    return client.get(reverse("api:schema")).json()


def test_the_route_is_the_documented_address():
    assert reverse("api:taalcheck") == URL


def test_it_answers_findings_and_readability(lexicon, client):
    response = post(client, {"text": "Het probleemgezin kreeg een diagnose."})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = response.json()
    assert data["findings"] == [
        {
            "start": 4,
            "end": 17,
            "match": "probleemgezin",
            "term": "probleemgezin",
            "category": "stigmatiserend",
            "alternatives": ["gezin dat het even zwaar heeft", "gezin met zorgen"],
            "explanation": data["findings"][0]["explanation"],
        },
        {
            "start": 28,
            "end": 36,
            "match": "diagnose",
            "term": "diagnose",
            "category": "medicaliserend",
            "alternatives": ["vraag u af of een diagnose echt nodig is", "beschrijf wat er speelt"],
            "explanation": data["findings"][1]["explanation"],
        },
    ]
    assert all(finding["explanation"] for finding in data["findings"])
    assert isinstance(data["readability"]["score"], float)
    assert data["readability"]["level"] in {
        "zeer_makkelijk",
        "makkelijk",
        "gemiddeld",
        "moeilijk",
        "zeer_moeilijk",
    }


def test_it_needs_no_csrf_token(lexicon):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)

    assert post(client, {"text": "zorgmijders"}).status_code == 200


def test_empty_text_gives_no_findings_and_no_score(lexicon, client):
    response = post(client, {"text": ""})

    assert response.status_code == 200
    assert response.json() == {
        "findings": [],
        "readability": None,
        "total_findings": 0,
        "truncated": False,
        "message": None,
    }


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "geen geldige JSON"),
        (b"\xff\xfe\x00garbage\x80", "UTF-8"),
        (json.dumps(["text"]), '"text" ontbreekt'),
        (json.dumps({"tekst": "hallo"}), '"text" ontbreekt'),
        (json.dumps({"text": 42}), "string"),
        (json.dumps({"text": None}), "string"),
        (b"", "geen geldige JSON"),
    ],
)
def test_bad_input_gets_a_400_with_a_message(lexicon, client, body, message):
    response = post(client, body)

    assert response.status_code == 400
    assert message in response.json()["errors"][0]


def test_a_body_over_the_limit_gets_a_413(lexicon, client, settings):
    settings.TAALCHECK_MAX_BYTES = 1000
    response = post(client, {"text": "woord " * 500})

    assert response.status_code == 413
    assert "1000 bytes" in response.json()["errors"][0]


def test_a_megabyte_of_text_gets_a_413_with_the_default_limit(lexicon, client):
    response = post(client, {"text": "a" * 1_000_000})

    assert response.status_code == 413


def test_a_text_just_under_the_limit_is_checked(lexicon, client, settings):
    settings.TAALCHECK_MAX_BYTES = 2000
    response = post(client, {"text": "zorgmijder " * 150})

    assert response.status_code == 200
    assert len(response.json()["findings"]) == 150


@pytest.mark.parametrize("method", ["get", "put", "delete", "patch"])
def test_other_methods_get_a_405(client, method):
    response = getattr(client, method)(URL)

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "POST" in response.json()["errors"][0]


def test_messages_follow_accept_language(lexicon, client):
    response = post(client, b"{", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert response["Content-Language"] == "en"


def test_html_in_the_text_is_returned_as_plain_text(lexicon, client):
    text = "<img src=x onerror=alert(1)> probleemgezin"
    finding = post(client, {"text": text}).json()["findings"][0]

    assert text[finding["start"] : finding["end"]] == "probleemgezin"


# Against the OpenAPI document --------------------------------------------------------------


def operation_check(document, response) -> None:
    """Validate a response against the POST operation (check() reads the GET one)."""
    doc = json.loads(json.dumps(document))
    doc["paths"]["/taalcheck/"]["get"] = doc["paths"]["/taalcheck/"]["post"]
    check(doc, "/taalcheck/", response)


def test_the_document_describes_the_check(document):
    operation = document["paths"]["/taalcheck/"]["post"]

    assert operation["requestBody"]["required"] is True
    assert set(operation["responses"]) == {"200", "400", "405", "413", "429"}
    assert document["components"]["schemas"]["TaalcheckFinding"]["required"] == [
        "start",
        "end",
        "match",
        "term",
        "category",
        "alternatives",
        "explanation",
    ]


@pytest.mark.parametrize(
    "body",
    [{"text": "Gedragsstoornissen bij zorgmijders en kwetsbare gezinnen."}, {"text": ""}],
)
def test_a_real_answer_matches_the_document(document, client, body):
    response = post(client, body)

    assert response.status_code == 200
    operation_check(document, response)


@pytest.mark.parametrize(
    ("body", "status"), [(b"{", 400), (json.dumps({"text": "x" * 300_000}), 413)]
)
def test_an_error_matches_the_document(document, client, body, status):
    response = post(client, body)

    assert response.status_code == status
    operation_check(document, response)


def test_a_405_matches_the_document(document, client):
    response = client.get(URL)

    operation_check(document, response)


# Limits: how many findings, how often ---------------------------------------------------------


def test_findings_are_capped_and_the_answer_says_so(lexicon, client, settings, document):
    settings.TAALCHECK_MAX_FINDINGS = 3
    response = post(client, {"text": "zorgmijder " * 10})

    data = response.json()
    assert response.status_code == 200
    assert len(data["findings"]) == 3
    assert data["total_findings"] == 10
    assert data["truncated"] is True
    assert "10 woorden" in data["message"]
    assert "eerste 3" in data["message"]
    operation_check(document, response)


def test_an_answer_within_the_cap_is_not_truncated(lexicon, client):
    data = post(client, {"text": "zorgmijder " * 10}).json()

    assert len(data["findings"]) == data["total_findings"] == 10
    assert data["truncated"] is False
    assert data["message"] is None


def test_checks_are_rate_limited_per_client_address(lexicon, client, settings, document):
    settings.TAALCHECK_RATE_LIMIT_PER_IP = "2/m"
    assert post(client, {"text": "a"}).status_code == 200
    assert post(client, {"text": "a"}).status_code == 200
    response = post(client, {"text": "a"}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 429
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert 1 <= int(response["Retry-After"]) <= 120
    assert "Please try again in" in response.json()["errors"][0]
    operation_check(document, response)
    # Someone else, behind the same trusted proxy, is not held up.
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert post(client, {"text": "a"}, HTTP_X_FORWARDED_FOR="198.51.100.4").status_code == 200
