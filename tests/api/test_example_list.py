"""GET /api/v1/examples/: shape, filters, search and paging, checked against the demo JSON files."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ExamplePageFactory

from . import demo_data
from .demo_data import LIST_URL

SUMMARY_KEYS = {
    "id",
    "slug",
    "name",
    "short_name",
    "url",
    "api_url",
    "kind",
    "quadrant",
    "elements",
    "element_count",
    "places",
    "summary",
    "match",
}


def get_all(client, **params: Any) -> dict[str, Any]:
    response = client.get(LIST_URL, {"page_size": 100, **params})
    assert response.status_code == 200, response.content
    return response.json()


def slugs(body: dict[str, Any]) -> set[str]:
    return {result["slug"] for result in body["results"]}


def _age_fits(age: int, data: dict[str, Any]) -> bool:
    low, high = data.get("age_min"), data.get("age_max")
    if low is None and high is None:
        return False
    return (low is None or low <= age) and (high is None or age <= high)


# Shape ------------------------------------------------------------------------------------


def test_it_lists_all_13_demo_examples_sorted_by_name(demo_content, client):
    body = get_all(client)

    assert body["count"] == 13
    assert slugs(body) == demo_data.all_slugs()
    names = [result["name"] for result in body["results"]]
    assert names == sorted(names, key=str.casefold)
    assert body["next"] is None
    assert body["previous"] is None
    assert body["licence"] == demo_data.licence()


def test_it_summarises_each_example_with_exactly_the_documented_fields(demo_content, client):
    body = get_all(client)

    for result in body["results"]:
        assert set(result) == SUMMARY_KEYS
        data = demo_data.example(result["slug"])
        assert result["name"] == data["name"]
        assert result["short_name"] == data["short_name"]
        assert result["kind"] == data["kind"]
        assert result["quadrant"] == {"formality": data["formality"], "scale": data["scale"]}
        assert result["elements"] == demo_data.element_keys(data)
        assert result["element_count"] == len(data["elements"])
        # Places come in the vocabulary's order, not in the order the file lists them.
        assert sorted(result["places"]) == sorted(demo_data.place_keys(data))
        assert result["summary"] == data["summary"]


def test_it_gives_absolute_urls_to_the_page_and_to_the_api(demo_content, client):
    body = get_all(client, kind="beleid")

    (result,) = body["results"]
    assert result["url"] == "http://testserver/voorbeelden/pijnacker-nootdorp/"
    assert result["api_url"] == "http://testserver/api/v1/examples/pijnacker-nootdorp/"
    assert client.get(result["api_url"]).json()["slug"] == "pijnacker-nootdorp"


def test_it_counts_every_facet_value_over_all_examples_without_filters(demo_content, client):
    facets = get_all(client)["facets"]

    assert set(facets) == {
        "element",
        "formality",
        "scale",
        "kind",
        "effectiveness",
        "target",
        "topic",
        "place",
    }
    assert facets["effectiveness"]["goed_onderbouwd"] == len(
        demo_data.slugs_where(lambda d: d.get("effectiveness_level") == "goed_onderbouwd")
    )
    assert facets["effectiveness"]["goed_onderbouwd"] == 2
    for kind in ("programma", "interventie", "initiatief", "project", "beleid"):
        expected = len(demo_data.slugs_where(lambda d, kind=kind: d["kind"] == kind))
        assert facets["kind"][kind] == expected
    for key in demo_data.vision_order():
        expected = len(demo_data.slugs_where(lambda d, key=key: key in demo_data.element_keys(d)))
        assert facets["element"][key] == expected
    assert facets["place"]["landelijk"] == len(
        demo_data.slugs_where(lambda d: "landelijk" in d["places"])
    )
    assert facets["topic"]["lvb"] == 1
    assert facets["formality"]["none"] == 1


def test_it_keeps_counting_the_other_values_of_a_chosen_facet(demo_content, client):
    facets = get_all(client, kind="beleid")["facets"]

    # The kind facet is counted over the other facets' results, so other kinds keep their counts.
    assert facets["kind"]["programma"] == len(
        demo_data.slugs_where(lambda d: d["kind"] == "programma")
    )
    # Every other facet is counted over the one policy example.
    assert facets["formality"] == {"informeel": 0, "formeel": 0, "mix": 0, "none": 1}
    assert facets["place"]["pijnacker-nootdorp"] == 1
    assert facets["place"]["leiden"] == 0


# Filters ----------------------------------------------------------------------------------

FILTER_CASES = [
    ({"kind": "beleid"}, lambda d: d["kind"] == "beleid"),
    (
        {"kind": ["initiatief", "interventie"]},
        lambda d: d["kind"] in ("initiatief", "interventie"),
    ),
    ({"formality": "informeel"}, lambda d: d["formality"] == "informeel"),
    ({"formality": ["none", "formeel"]}, lambda d: d["formality"] in ("none", "formeel")),
    ({"scale": "collectief"}, lambda d: d["scale"] == "collectief"),
    ({"element": "brede_context"}, lambda d: "brede_context" in demo_data.element_keys(d)),
    (
        {"element": ["brede_context", "positieve_zaken", "vraag_leidend"]},
        lambda d: (
            {"brede_context", "positieve_zaken", "vraag_leidend"} <= set(demo_data.element_keys(d))
        ),
    ),
    ({"target": "professionals"}, lambda d: "professionals" in d["target_groups"]),
    ({"topic": ["lvb", "nieuwkomers"]}, lambda d: {"lvb", "nieuwkomers"} & set(d["topics"])),
    ({"place": "pijnacker-nootdorp"}, lambda d: "pijnacker-nootdorp" in d["places"]),
    ({"place": ["landelijk", "gouda"]}, lambda d: {"landelijk", "gouda"} & set(d["places"])),
    ({"age": "16"}, lambda d: _age_fits(16, d)),
    ({"age": "0"}, lambda d: _age_fits(0, d)),
    (
        {"formality": "informeel", "target": "ouders", "age": "1"},
        lambda d: (
            d["formality"] == "informeel" and "ouders" in d["target_groups"] and _age_fits(1, d)
        ),
    ),
]


@pytest.mark.parametrize(("params", "predicate"), FILTER_CASES)
def test_it_filters_like_the_catalogue(demo_content, client, params, predicate):
    expected = demo_data.slugs_where(predicate)
    assert expected, "the case should select at least one demo example"
    assert expected != demo_data.all_slugs(), "the case should leave some demo examples out"

    body = get_all(client, **params)

    assert slugs(body) == expected
    assert body["count"] == len(expected)


def test_it_finds_the_one_policy_and_the_one_lvb_example(demo_content, client):
    assert slugs(get_all(client, kind="beleid")) == {"pijnacker-nootdorp"}
    assert slugs(get_all(client, topic="lvb")) == {"pinkies"}


def test_it_returns_an_empty_list_when_filters_exclude_everything(demo_content, client):
    body = get_all(client, kind="beleid", formality="informeel")

    assert body == {**body, "count": 0, "results": [], "next": None, "previous": None}


# Search -----------------------------------------------------------------------------------


def test_it_finds_the_same_examples_for_plural_and_singular(demo_content, client):
    plural = slugs(get_all(client, q="gezinnen"))
    singular = slugs(get_all(client, q="gezin"))

    assert "buurtgezinnen" in plural
    assert plural == singular


def test_it_finds_a_text_with_kind_when_searching_kinderen(demo_content, client):
    page = ExamplePageFactory(summary="Hier mag elk kind meedoen, zonder wachtlijst of indicatie.")

    found = slugs(get_all(client, q="kinderen"))

    assert page.slug in found
    assert len(found) > 1


def test_it_ranks_a_name_match_first(demo_content, client):
    body = get_all(client, q="Pinkies")

    assert body["results"][0]["slug"] == "pinkies"


def test_it_combines_search_with_filters(demo_content, client):
    searched = slugs(get_all(client, q="gezinnen"))
    formal = demo_data.slugs_where(lambda d: d["formality"] == "formeel")

    body = get_all(client, q="gezinnen", formality="formeel")

    assert slugs(body) == searched & formal
    assert body["count"] == len(searched & formal)


def test_it_returns_nothing_for_a_word_that_no_example_contains(demo_content, client):
    body = get_all(client, q="xylofoonfabriek")

    assert body["count"] == 0
    assert body["results"] == []
    assert body["facets"]["kind"]["programma"] == 0


# Paging -----------------------------------------------------------------------------------


def test_it_pages_through_all_examples_with_next_and_previous(demo_content, client):
    first = client.get(LIST_URL, {"page_size": 5}).json()

    assert first["count"] == 13
    assert len(first["results"]) == 5
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/examples/?page_size=5&page=2"

    second = client.get(first["next"]).json()
    assert len(second["results"]) == 5
    assert second["previous"] == "http://testserver/api/v1/examples/?page_size=5&page=1"

    third = client.get(second["next"]).json()
    assert len(third["results"]) == 3
    assert third["next"] is None

    seen = [r["slug"] for page in (first, second, third) for r in page["results"]]
    assert len(seen) == len(set(seen)) == 13


def test_it_keeps_filters_and_search_in_the_page_links(demo_content, client):
    body = client.get(LIST_URL, {"kind": "programma", "q": "ouders", "page_size": 1}).json()

    assert body["count"] > 1
    assert "kind=programma" in body["next"]
    assert "q=ouders" in body["next"]
    assert client.get(body["next"]).json()["count"] == body["count"]


def test_it_shows_20_results_by_default(demo_content, client):
    ExamplePageFactory.create_batch(8)

    body = client.get(LIST_URL).json()

    assert body["count"] == 21
    assert len(body["results"]) == 20
    assert body["next"] == "http://testserver/api/v1/examples/?page=2"


def test_it_accepts_a_page_size_of_100(demo_content, client):
    response = client.get(LIST_URL, {"page_size": 100})

    assert response.status_code == 200
    assert len(response.json()["results"]) == 13


# Performance ------------------------------------------------------------------------------


def _count_queries(client, **params: Any) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(LIST_URL, params).status_code == 200
    return len(context.captured_queries)


def test_it_uses_the_same_number_of_queries_for_1_or_13_results(demo_content, client):
    client.get(LIST_URL)  # warm Wagtail's cached site root paths

    assert _count_queries(client, page_size=1) == _count_queries(client, page_size=13)
    assert _count_queries(client, page_size=1, q="ouders") == _count_queries(
        client, page_size=13, q="ouders"
    )


def test_it_loads_a_page_of_results_in_a_fixed_number_of_queries(
    demo_content, client, django_assert_max_num_queries
):
    ExamplePageFactory.create_batch(10, elements=("gelijkwaardigheid", "vraag_leidend"))

    # A constant that does not grow with the page: the vocabularies, the catalogue and semantic
    # versions, on a new version the bitmaps, the synonyms and the passage vectors, the posting
    # lists, the page of results with its parts, the passages that explain them, the site.
    with django_assert_max_num_queries(17):
        body = client.get(
            LIST_URL, {"page_size": 23, "q": "ouders", "element": "vraag_leidend"}
        ).json()

    assert body["count"] > 10
