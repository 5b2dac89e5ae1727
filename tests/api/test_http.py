"""HTTP behaviour shared by every endpoint: read-only, JSON, UTF-8."""

import pytest
from django.test import Client

from .demo_data import DOWNLOAD_URLS, ELEMENTS_URL, LIST_URL, SCHEMA_URL, detail_url

URLS = [LIST_URL, detail_url("ease"), ELEMENTS_URL]


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_it_refuses_writes_with_a_json_405(demo_content, client, url, method):
    response = getattr(client, method)(url)

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == {
        "errors": [f"De methode {method.upper()} is niet toegestaan; gebruik GET."]
    }


@pytest.mark.parametrize(
    "url", [*URLS, SCHEMA_URL, DOWNLOAD_URLS["catalogue", "csv"], "/api/v1/x/"]
)
@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_a_browser_like_client_gets_the_json_405_not_the_csrf_page(demo_content, url, method):
    # A real client has no CSRF token; the API must still answer in its own format.
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(url)

    assert response.status_code == 405
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "errors" in response.json()


@pytest.mark.parametrize("url", URLS)
def test_it_answers_head_like_get_without_a_body(demo_content, client, url):
    response = client.head(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.content == b""


@pytest.mark.parametrize("url", URLS)
def test_it_answers_json_in_utf8_without_escaping(demo_content, client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.content.decode("utf-8")


def test_it_writes_non_ascii_characters_as_they_are(demo_content, client):
    content = client.get(detail_url("ease")).content.decode("utf-8")

    assert "Australië" in content
    assert "\\u00eb" not in content


def test_it_needs_no_login_and_sets_no_cookies(demo_content, client):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert not response.cookies


def test_it_redirects_a_missing_trailing_slash(demo_content, client):
    response = client.get("/api/v1/examples")

    assert response.status_code == 301
    assert response["Location"] == "/api/v1/examples/"


def test_it_is_rate_limited_per_client_address_with_a_json_429(demo_content, client, settings):
    settings.API_RATE_LIMIT = "3/m"
    assert [client.get(ELEMENTS_URL).status_code for _ in range(3)] == [200, 200, 200]
    response = client.get(LIST_URL)

    assert response.status_code == 429
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert 1 <= int(response["Retry-After"]) <= 120
    assert response["Cache-Control"] == "no-store, private"
    assert "Probeer het over" in response.json()["errors"][0]
    assert Client(REMOTE_ADDR="198.51.100.8").get(LIST_URL).status_code == 200
