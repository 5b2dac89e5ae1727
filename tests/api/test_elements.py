"""GET /api/v1/elements/: the eight elements of the vision, with how many examples show each."""

import json

from wagtail.models import PageViewRestriction

from tests.factories import ExamplePageFactory

from . import demo_data
from .demo_data import ELEMENTS_URL

ELEMENT_KEYS = {"key", "title", "title_en", "summary", "summary_en", "order", "example_count"}


def get_elements(client) -> dict:
    response = client.get(ELEMENTS_URL)
    assert response.status_code == 200
    return response.json()


def test_it_lists_the_eight_elements_in_the_visions_order(demo_content, client):
    rows = json.loads(demo_data.ELEMENTS_FILE.read_text(encoding="utf-8"))

    body = get_elements(client)

    assert body["count"] == 8
    assert body["licence"] == demo_data.licence()
    assert [result["key"] for result in body["results"]] == list(demo_data.vision_order())
    assert body["results"][0]["key"] == "twijfels_normaal"
    for result, row in zip(body["results"], rows, strict=True):
        assert set(result) == ELEMENT_KEYS
        assert result["title"] == row["title"]
        assert result["title_en"] == row["title_en"]
        assert result["summary"] == row["summary"]
        assert result["summary_en"] == row["summary_en"]
    assert [result["order"] for result in body["results"]] == list(range(8))


def test_it_counts_the_demo_examples_that_show_each_element(demo_content, client):
    body = get_elements(client)

    for result in body["results"]:
        expected = demo_data.slugs_where(
            lambda d, key=result["key"]: key in demo_data.element_keys(d)
        )
        assert result["example_count"] == len(expected), result["key"]
    # Every demo example shows at least 5 of the 8 elements.
    assert sum(result["example_count"] for result in body["results"]) >= 5 * 13


def test_it_counts_only_live_public_examples(demo_content, client):
    before = {r["key"]: r["example_count"] for r in get_elements(client)["results"]}
    ExamplePageFactory(elements=("brede_context",))
    ExamplePageFactory(draft=True, elements=("brede_context", "positieve_zaken"))
    restricted = ExamplePageFactory(elements=("positieve_zaken",))
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")

    after = {r["key"]: r["example_count"] for r in get_elements(client)["results"]}

    assert after["brede_context"] == before["brede_context"] + 1
    assert after["positieve_zaken"] == before["positieve_zaken"]
    assert after["gelijkwaardigheid"] == before["gelijkwaardigheid"]
