"""GET /api/v1/matrix/: every published example × the eight elements, like the website's matrix."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ExamplePageFactory
from voorbeeldenbank.examples import tables
from voorbeeldenbank.examples.models import ExamplePage

from . import demo_data
from .demo_data import ELEMENTS_URL, LIST_URL, MATRIX_URL

ROW_KEYS = {"id", "slug", "name", "short_name", "url", "api_url", "elements", "element_count"}


def get_matrix(client, **params: Any) -> dict[str, Any]:
    response = client.get(MATRIX_URL, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response.json()


def slugs(body: dict[str, Any]) -> list[str]:
    return [row["slug"] for row in body["results"]]


def test_it_has_the_documented_shape(demo_content, client):
    body = get_matrix(client)

    assert set(body) == {"elements", "count", "results", "licence"}
    assert body["count"] == 13 == len(body["results"])
    assert body["licence"] == demo_data.licence()
    assert [element["key"] for element in body["elements"]] == list(demo_data.vision_order())
    assert body["elements"][0] == {
        "key": "twijfels_normaal",
        "title": "Twijfels en kwetsbaarheid zijn normaal",
    }
    for row in body["results"]:
        assert set(row) == ROW_KEYS
        assert list(row["elements"]) == list(demo_data.vision_order())
        assert all(isinstance(mark, bool) for mark in row["elements"].values())


def test_it_marks_the_elements_of_each_demo_example(demo_content, client):
    body = get_matrix(client)

    for row in body["results"]:
        data = demo_data.example(row["slug"])
        present = {key for key, mark in row["elements"].items() if mark}
        assert present == set(demo_data.element_keys(data)), row["slug"]
        assert row["element_count"] == len(data["elements"])
        assert row["name"] == data["name"]
        assert row["short_name"] == data["short_name"]
        assert row["id"] == ExamplePage.objects.get(slug=row["slug"]).pk


def test_it_follows_the_order_of_the_websites_matrix(demo_content, client):
    website = [row["example"].slug for row in tables.matrix()["rows"]]

    assert slugs(get_matrix(client)) == website


def test_its_counts_per_element_equal_the_website_matrix(demo_content, client):
    ExamplePageFactory(title="Extra", elements=("brede_context", "positieve_zaken"))
    website = tables.matrix()

    body = get_matrix(client)

    counts = [
        sum(row["elements"][element["key"]] for row in body["results"])
        for element in body["elements"]
    ]
    assert counts == website["column_counts"]
    assert body["count"] == website["total"] == 14
    per_row = {row["example"].slug: row["count"] for row in website["rows"]}
    assert {row["slug"]: row["element_count"] for row in body["results"]} == per_row
    elements = client.get(ELEMENTS_URL).json()["results"]
    assert counts == [element["example_count"] for element in elements]


def test_it_gives_absolute_links_to_the_page_and_the_api(demo_content, client):
    (row,) = get_matrix(client, kind="beleid")["results"]

    assert row["slug"] == "pijnacker-nootdorp"
    assert row["url"] == "http://testserver/voorbeelden/pijnacker-nootdorp/"
    assert row["api_url"] == "http://testserver/api/v1/examples/pijnacker-nootdorp/"
    assert client.get(row["api_url"]).json()["id"] == row["id"]


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "beleid"},
        {"element": ["brede_context", "positieve_zaken"]},
        {"formality": ["informeel", "formeel"]},
        {"q": "ouders"},
        {"age": "4"},
        {"q": "vrijwilligers", "scale": "individueel"},
    ],
)
def test_it_filters_like_the_list_endpoint(demo_content, client, params):
    listed = client.get(LIST_URL, {**params, "page_size": 100}).json()

    body = get_matrix(client, **params)

    assert set(slugs(body)) == {row["slug"] for row in listed["results"]}
    assert body["count"] == listed["count"] > 0
    # Filtered or not, the rows stay in the matrix's order (by name), not by relevance.
    everything = slugs(get_matrix(client))
    assert slugs(body) == [slug for slug in everything if slug in set(slugs(body))]


def test_it_answers_an_empty_matrix_when_nothing_matches(demo_content, client):
    body = get_matrix(client, q="xylofoonbouwer")

    assert body["count"] == 0
    assert body["results"] == []
    assert len(body["elements"]) == 8


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"kind": "circus"}, "Het filter 'kind' kent de waarde 'circus' niet."),
        ({"element": "vliegen"}, "Het filter 'element' kent de waarde 'vliegen' niet."),
        ({"age": "99"}, "Leeftijd moet een heel getal zijn van 0 tot en met 30."),
    ],
)
def test_it_refuses_unknown_filter_values(demo_content, client, params, message):
    response = client.get(MATRIX_URL, params)

    assert response.status_code == 400
    assert response.json() == {"errors": [message]}


def test_it_leaves_out_drafts_unpublished_and_restricted_examples(demo_content, client):
    from wagtail.models import PageViewRestriction

    ExamplePageFactory(title="Concept", slug="concept", draft=True, elements=("brede_context",))
    withdrawn = ExamplePageFactory(title="Ingetrokken", slug="ingetrokken")
    withdrawn.unpublish()
    restricted = ExamplePageFactory(title="Afgeschermd", slug="afgeschermd")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")

    body = get_matrix(client)

    assert set(slugs(body)) == demo_data.all_slugs()


def test_it_needs_a_fixed_number_of_queries(demo_content, client):
    client.get(MATRIX_URL)  # warm Wagtail's cached site root paths
    with CaptureQueriesContext(connection) as before:
        get_matrix(client)
    for number in range(5):
        ExamplePageFactory(elements=("brede_context",), title=f"Nog een {number}")

    with CaptureQueriesContext(connection) as after:
        assert get_matrix(client)["count"] == 18

    assert len(after.captured_queries) == len(before.captured_queries)
