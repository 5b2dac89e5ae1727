"""When a search finds nothing: what each filter would leave, and a spelling the bank knows."""

import pytest
from django.http import QueryDict

from tests.factories import ExamplePageFactory
from voorbeeldenbank.examples import bitmaps, catalogue
from voorbeeldenbank.examples.search import suggestions
from voorbeeldenbank.examples.search.analysis import query_terms

pytestmark = pytest.mark.django_db


def parse(query_string: str) -> catalogue.CatalogueQuery:
    return catalogue.parse_query(QueryDict(query_string), catalogue.facet_vocabularies())


def test_two_filters_that_each_empty_the_list_both_count_zero(db):
    ExamplePageFactory(title="Moestuin A", summary="De moestuin.", kind="programma")
    ExamplePageFactory(title="Iets", summary="Iets anders.", kind="beleid")
    # No example has an age range, so the age alone empties the list, as the kind does.
    query = parse("q=moestuin&mode=lexical&kind=beleid&age=3")
    result = catalogue.run(query)
    assert result.total == 0
    counts = {c.name: n for c, n in catalogue.counts_without_each_filter(query, result)}
    assert counts == {"kind": 0, "age": 0}


def test_without_the_kind_filter_the_search_results_come_back(db):
    ExamplePageFactory(title="Moestuin A", summary="De moestuin.", kind="programma")
    ExamplePageFactory(title="Moestuin B", summary="De moestuin.", kind="project")
    query = parse("q=moestuin&mode=lexical&kind=beleid")
    result = catalogue.run(query)
    assert result.total == 0
    [(constraint, count)] = catalogue.counts_without_each_filter(query, result)
    assert constraint.name == "kind"
    assert count == 2


def test_an_unknown_word_gets_the_closest_known_spelling(db):
    ExamplePageFactory(title="Spelen", summary="Samen opvoeding bespreken in de moestuin.")
    found = suggestions.spelling(bitmaps.current(), query_terms("moestiun"))
    assert found == {"moestiun": "moestuin"}


def test_known_words_get_no_spelling_advice(db):
    ExamplePageFactory(title="Spelen", summary="De moestuin.")
    assert suggestions.spelling(bitmaps.current(), query_terms("moestuin")) == {}


def test_nonsense_gets_no_spelling_advice(db):
    ExamplePageFactory(title="Spelen", summary="De moestuin.")
    assert suggestions.spelling(bitmaps.current(), query_terms("xqzwv")) == {}
