"""Drafts, unpublished and view-restricted examples never appear in any open data output."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import ExamplePageFactory

from .demo_data import DOWNLOAD_URLS, ELEMENTS_URL, LIST_URL, MATRIX_URL, detail_url

OUTPUTS = [f"{LIST_URL}?page_size=100", MATRIX_URL, *DOWNLOAD_URLS.values()]
HIDDEN_SLUGS = ("geheim-concept", "ingetrokken", "afgeschermd", "onder-afgeschermd")
HIDDEN_WORDS = ("Geheim concept", "Ingetrokken", "Afgeschermd", "Geheime nieuwe naam")


@pytest.fixture
def hidden_examples(demo_content):
    """One of each kind of example the public may not see, plus a live one with a draft."""
    ExamplePageFactory(title="Geheim concept", slug="geheim-concept", draft=True)
    ExamplePageFactory(title="Ingetrokken", slug="ingetrokken").unpublish()
    restricted = ExamplePageFactory(title="Afgeschermd", slug="afgeschermd")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    restricted_too = ExamplePageFactory(title="Afgeschermd twee", slug="onder-afgeschermd")
    PageViewRestriction.objects.create(page=restricted_too, restriction_type="login")
    # A published example whose newer, unpublished revision renames it.
    live = ExamplePageFactory(title="Zichtbaar", slug="zichtbaar")
    live.title = "Geheime nieuwe naam"
    live.save_revision()


@pytest.mark.parametrize("url", OUTPUTS)
def test_no_hidden_example_is_in_any_output(hidden_examples, client, url):
    response = client.get(url)

    assert response.status_code == 200
    content = response.content.decode("utf-8-sig")
    for slug in HIDDEN_SLUGS:
        assert slug not in content, (url, slug)
    for word in HIDDEN_WORDS:
        assert word not in content, (url, word)
    assert "zichtbaar" in content


@pytest.mark.parametrize("url", OUTPUTS)
def test_searching_for_a_hidden_example_finds_nothing(hidden_examples, client, url):
    separator = "&" if "?" in url else "?"

    response = client.get(f"{url}{separator}q=afgeschermd")

    assert response.status_code == 200
    assert "afgeschermd" not in response.content.decode("utf-8-sig").casefold()


@pytest.mark.parametrize("slug", HIDDEN_SLUGS)
def test_the_detail_of_a_hidden_example_is_not_found(hidden_examples, client, slug):
    assert client.get(detail_url(slug)).status_code == 404


def test_hidden_examples_do_not_count(hidden_examples, client):
    body = client.get(MATRIX_URL).json()
    elements = client.get(ELEMENTS_URL).json()

    assert body["count"] == 14
    assert client.get(LIST_URL).json()["count"] == 14
    assert len(elements["results"]) == 8
