"""Full-text search in Dutch: inflected forms find each other (runs on SQLite and PostgreSQL)."""

import pytest
from django.http import QueryDict

from tests.factories import ExamplePageFactory
from voorbeeldenbank.examples import catalogue

pytestmark = pytest.mark.django_db


def search(q: str, **filters) -> list[str]:
    params = QueryDict(mutable=True)
    params["q"] = q
    for name, values in filters.items():
        params.setlist(name, values)
    query = catalogue.parse_query(params, catalogue.facet_vocabularies())
    result = catalogue.run(query)
    from voorbeeldenbank.examples.models import ExamplePage

    slugs = dict(ExamplePage.objects.filter(pk__in=result.ids).values_list("pk", "slug"))
    return [slugs[pk] for pk in result.ids]


def test_gezin_finds_a_text_that_only_says_gezinnen(demo_content):
    page = ExamplePageFactory(title="Plural only", summary="Steun voor gezinnen in de buurt.")
    assert page.slug in search("gezin")
    assert page.slug in search("gezinnen")


def test_kind_finds_a_text_that_only_says_kinderen(demo_content):
    page = ExamplePageFactory(title="Kinderen only", summary="Samen spelen met kinderen.")
    assert page.slug in search("kind")


def test_jongere_and_jongeren_find_the_same_examples(demo_content):
    assert search("jongere") == search("jongeren")
    assert search("jongeren")


def test_any_word_matches_and_more_matched_words_rank_higher(demo_content):
    only_one = ExamplePageFactory(title="Alleen zwemles", summary="Zwemles in de wijk.")
    both = ExamplePageFactory(title="Zwemles en opvoeden", summary="Zwemles en opvoedvragen.")
    results = search("zwemles opvoedvragen", mode=["lexical"])
    assert results.index(both.slug) < results.index(only_one.slug)


def test_a_match_in_the_name_ranks_above_a_match_in_the_body(demo_content):
    body = ExamplePageFactory(title="Iets anders", summary="Hier staat zeepkist ergens.")
    name = ExamplePageFactory(title="Zeepkist", summary="Een korte beschrijving.")
    # Lexical: pages made by the factory have no embeddings, so in hybrid mode the demo
    # examples that are closest in meaning would join the list between them.
    assert search("zeepkist", mode=["lexical"])[:2] == [name.slug, body.slug]


def test_drafts_are_never_found(demo_content):
    draft = ExamplePageFactory(title="Geheimzinnig concept", draft=True)
    assert draft.slug not in search("geheimzinnig")


def test_an_unpublished_example_leaves_the_index(demo_content):
    page = ExamplePageFactory(title="Tijdelijk voorbeeld")
    assert page.slug in search("tijdelijk")
    page.unpublish()
    assert page.slug not in search("tijdelijk")


def test_a_query_of_only_stopwords_returns_everything(demo_content):
    assert len(search("de het een")) == demo_content.count()


def test_unknown_words_return_nothing(demo_content):
    assert search("xyzzyqwerty") == []


def test_search_combines_with_facets(demo_content):
    results = search("jongeren", kind=["programma"])
    assert results
    assert set(results) <= set(search("jongeren"))
    assert all(slug in {p.slug for p in demo_content.filter(kind="programma")} for slug in results)
