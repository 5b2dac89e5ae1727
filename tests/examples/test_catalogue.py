"""Facets: how they combine, their counts, and what bad input gets."""

import pytest
from django.http import QueryDict

from voorbeeldenbank.examples import catalogue
from voorbeeldenbank.examples.models import ExamplePage

pytestmark = pytest.mark.django_db


def run(query_string: str):
    query = catalogue.parse_query(QueryDict(query_string), catalogue.facet_vocabularies())
    return query, catalogue.run(query)


def slugs(result) -> set[str]:
    return set(ExamplePage.objects.filter(pk__in=result.ids).values_list("slug", flat=True))


def pages_with_elements(*keys: str) -> set[str]:
    pages = ExamplePage.objects.live()
    for key in keys:
        pages = pages.filter(example_elements__element__key=key)
    return set(pages.values_list("slug", flat=True))


def test_without_filters_it_lists_every_live_example(demo_content):
    _, result = run("")
    assert result.total == demo_content.count() == 13


def test_all_selected_elements_must_be_present(demo_content):
    _, result = run("element=brede_context&element=twijfels_normaal")
    assert slugs(result) == pages_with_elements("brede_context", "twijfels_normaal")
    _, one = run("element=brede_context")
    assert result.total < one.total


def test_values_within_one_facet_are_alternatives(demo_content):
    _, both = run("kind=programma&kind=beleid")
    _, programma = run("kind=programma")
    _, beleid = run("kind=beleid")
    assert slugs(both) == slugs(programma) | slugs(beleid)


def test_different_facets_must_all_hold(demo_content):
    _, result = run("formality=informeel&scale=collectief")
    expected = set(
        ExamplePage.objects.live()
        .filter(formality="informeel", scale="collectief")
        .values_list("slug", flat=True)
    )
    assert slugs(result) == expected == {"ervaringscafe", "ouderkamer"}


def test_the_example_outside_the_quadrant_is_found_by_its_own_facet_value(demo_content):
    _, result = run("formality=none")
    assert slugs(result) == {"pijnacker-nootdorp"}


def test_counts_of_a_facet_ignore_its_own_selection(demo_content):
    _, result = run("kind=beleid")
    assert result.total == 1
    # The other kinds still show how many they would add.
    assert (
        result.counts["kind"]["programma"] == ExamplePage.objects.filter(kind="programma").count()
    )
    # Other facets count within the current results.
    assert sum(result.counts["formality"].values()) == 1


def test_element_counts_are_within_the_current_results(demo_content):
    _, result = run("element=brede_context")
    assert result.counts["element"]["brede_context"] == result.total
    assert result.counts["element"]["niet_problematiseren"] == len(
        pages_with_elements("brede_context", "niet_problematiseren")
    )


def test_age_keeps_examples_whose_range_contains_it(demo_content):
    _, result = run("age=16")
    expected = {
        page.slug
        for page in demo_content
        if page.age_min is not None
        and page.age_max is not None
        and page.age_min <= 16 <= page.age_max
    }
    assert slugs(result) == expected
    assert expected


@pytest.mark.parametrize("value", ["-1", "abc", "999", "1e3", "٣"])
def test_an_absurd_age_is_ignored_with_a_message(demo_content, value):
    query, result = run(f"age={value}")
    assert query.age is None
    assert query.errors
    assert result.total == 13


def test_an_unknown_facet_value_is_ignored_with_a_message(demo_content):
    query, result = run("element=bestaat_niet&kind=programma")
    assert query.selected["element"] == []
    assert any("bestaat_niet" in error for error in query.errors)
    assert result.total == ExamplePage.objects.filter(kind="programma").count()


def test_a_very_long_query_is_cut_off_with_a_message(demo_content, settings):
    query, _ = run("q=" + "gezin%20" * 5000)
    assert len(query.q) <= settings.SEARCH_MAX_QUERY_LENGTH
    assert query.errors


def test_topic_target_and_place_filter(demo_content):
    for facet, relation in (
        ("topic", "topics"),
        ("target", "target_groups"),
        ("place", "places"),
    ):
        page = next(p for p in demo_content if getattr(p, relation).exists())
        key = getattr(page, relation).first().key
        _, result = run(f"{facet}={key}")
        expected = set(
            ExamplePage.objects.live()
            .filter(**{f"{relation}__key": key})
            .values_list("slug", flat=True)
        )
        assert slugs(result) == expected
        assert result.counts[facet][key] == len(expected)


def test_the_number_of_queries_does_not_grow_with_the_cards_shown(demo_content, client, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(page_size: int) -> int:
        settings.CATALOGUE_PAGE_SIZE = page_size
        client.get("/voorbeelden/?q=ouders")  # warm the per-process indexes and menus
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/voorbeelden/?q=ouders").status_code == 200
        return len(captured.captured_queries)

    assert queries(2) == queries(13)


def test_a_card_counts_the_example_s_elements(demo_content, client):
    from voorbeeldenbank.examples.models import ExamplePage

    ease = ExamplePage.objects.get(slug="ease")
    html = client.get("/voorbeelden/?q=ease").content.decode()
    card = html[html.index(">@ease<") :]
    assert f"{ease.example_elements.count()} van 8 elementen" in card[: card.index("</li>", 600)]
