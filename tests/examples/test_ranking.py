"""Lexical ranking: best match over lemmas, any word, compounds, synonyms, describing words."""

import pytest
from django.http import QueryDict

from tests.factories import ExamplePageFactory
from voorbeeldenbank.core.compounds import split_compound
from voorbeeldenbank.examples import catalogue
from voorbeeldenbank.examples.models import CatalogueState, ExamplePage, SearchSynonym
from voorbeeldenbank.examples.search.analysis import query_terms, synonym_groups

pytestmark = pytest.mark.django_db


def search(q: str, mode: str = "lexical", **params: str | list[str]) -> list[str]:
    query = QueryDict(mutable=True)
    query["q"] = q
    query["mode"] = mode
    for name, value in params.items():
        query.setlist(name, value if isinstance(value, list) else [value])
    result = catalogue.run(catalogue.parse_query(query, catalogue.facet_vocabularies()))
    slugs = dict(ExamplePage.objects.filter(pk__in=result.ids).values_list("pk", "slug"))
    return [slugs[pk] for pk in result.ids]


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("opvoedondersteuning", ("opvoed", "ondersteuning")),
        ("gezinsondersteuning", ("gezin", "ondersteuning")),
        ("ouderbetrokkenheid", ("ouder", "betrokkenheid")),
        ("armoedebestrijding", ("armoede", "bestrijding")),
        ("kinderen", ()),
        ("ondersteuning", ()),
    ],
)
def test_compounds_split_into_known_words_and_plain_words_stay_whole(word, parts):
    assert split_compound(word) == parts


def test_a_compound_in_the_query_finds_its_parts_in_the_text(db):
    page = ExamplePageFactory(title="Praten", summary="Ondersteuning bij het opvoeden, thuis.")
    assert page.slug in search("opvoedondersteuning")


def test_a_part_in_the_query_finds_the_compound_in_the_text(db):
    page = ExamplePageFactory(title="Samen", summary="Gezinsondersteuning door de buren.")
    assert page.slug in search("ondersteuning")


def test_stop_words_do_not_count(db):
    page = ExamplePageFactory(title="Zwemmen", summary="De zwemles.")
    other = ExamplePageFactory(title="Fietsen", summary="Het is de fietsles van de buurt.")
    results = search("de zwemles")
    assert results == [page.slug]
    assert other.slug not in results


def test_a_document_matching_more_query_words_ranks_higher(db):
    one = ExamplePageFactory(title="Een", summary="Een zwemles voor iedereen.")
    two = ExamplePageFactory(title="Twee", summary="Een zwemles met opvoedvragen.")
    assert search("zwemles opvoedvragen")[:2] == [two.slug, one.slug]


def test_a_rare_word_counts_for_more_than_a_common_one(db):
    for n in range(4):
        ExamplePageFactory(title=f"Gewoon {n}", summary="Een knutselmiddag voor iedereen.")
    rare = ExamplePageFactory(title="Zeldzaam", summary="Een boomhut bouwen.")
    common = ExamplePageFactory(title="Vaak", summary="Nog een knutselmiddag.")
    results = search("boomhut knutselmiddag")
    assert results.index(rare.slug) < results.index(common.slug)


def test_a_shorter_text_with_the_word_ranks_above_a_longer_one(db):
    filler = " ".join(f"woord{n}" for n in range(200))
    short = ExamplePageFactory(title="Kort", summary="Over de moestuin.")
    long = ExamplePageFactory(title="Lang", summary=f"Over de moestuin. {filler}")
    assert search("moestuin")[:2] == [short.slug, long.slug]


def test_an_exact_name_comes_first(db):
    body = ExamplePageFactory(title="Iets", summary="Zeepkist zeepkist zeepkist, de zeepkist.")
    name = ExamplePageFactory(title="Zeepkist", short_name="Zeepkist", summary="Kort.")
    for mode in ("lexical", "hybrid", "semantic"):
        assert search("zeepkist", mode=mode)[0] == name.slug
    assert search("zeepkist in de wijk")[0] == name.slug
    assert body.slug in search("zeepkist")


def test_element_names_are_searchable_like_the_facet_counts_them(demo_content):
    facet = catalogue.run(catalogue.CatalogueQuery(selected={"element": ["toegang_laagdrempelig"]}))
    found = catalogue.run(catalogue.CatalogueQuery(q="laagdrempelig", mode="lexical"))
    assert set(facet.ids) <= set(found.ids)
    assert facet.total >= 10


def test_quadrant_words_and_kind_are_searchable(demo_content):
    collective = set(demo_content.filter(scale="collectief").values_list("slug", flat=True))
    assert collective <= set(search("collectief"))
    policy = set(demo_content.filter(kind="beleid").values_list("slug", flat=True))
    assert policy
    assert policy <= set(search("beleid"))


def test_a_synonym_of_the_redactie_widens_the_search(db):
    SearchSynonym.objects.all().delete()
    page = ExamplePageFactory(title="Spelen", summary="Samen spelen met jonge kinderen.")
    ExamplePageFactory(title="Anders", summary="Huiswerk voor tieners.")
    assert page.slug not in search("peuters")

    SearchSynonym.objects.create(terms="peuter, jong kind")
    assert page.slug in search("peuters")


def test_a_synonym_phrase_counts_only_where_all_its_words_occur(db):
    SearchSynonym.objects.all().delete()
    SearchSynonym.objects.create(terms="peuter, jong kind")
    both = ExamplePageFactory(title="Spelen", summary="Samen spelen met jonge kinderen.")
    one = ExamplePageFactory(title="Jong geleerd", summary="Een cursus voor volwassenen.")
    results = search("peuters")
    assert both.slug in results
    assert one.slug not in results


def test_a_compound_part_counts_only_with_the_other_parts(db):
    both = ExamplePageFactory(title="Praten", summary="Ondersteuning bij het opvoeden.")
    one = ExamplePageFactory(title="Fietsen", summary="Ondersteuning bij het fietsen.")
    results = search("opvoedondersteuning")
    assert both.slug in results
    assert one.slug not in results


def test_saving_a_synonym_changes_the_catalogue_version(db):
    before = CatalogueState.current_version()
    SearchSynonym.objects.create(terms="tiener, puber")
    assert CatalogueState.current_version() != before


def test_typed_words_weigh_more_than_their_synonyms_and_parts():
    groups = synonym_groups([["peuter", "jong kind"]])
    terms = {t.lemma: t for t in query_terms("peuters en opvoedondersteuning", groups)}
    assert terms["peuter"].weight == 1.0
    assert terms["jong"].source == "synonym"
    assert terms["jong"].weight < 1.0
    assert terms["ondersteuning"].source == "part"
    assert terms["ondersteuning"].weight < 1.0


def test_results_sort_by_relevance_newest_or_name(db):
    older = ExamplePageFactory(title="Bbb zandbak", summary="Zandbak.")
    newer = ExamplePageFactory(title="Aaa", summary="Iets over een zandbak en nog een zandbak.")
    assert search("zandbak", sort="az")[:2] == [newer.slug, older.slug]
    assert search("zandbak", sort="newest")[:2] == [newer.slug, older.slug]
    assert search("", sort="newest")[0] == newer.slug
    assert search("zandbak bbb")[0] == older.slug


def test_an_unknown_mode_or_sort_is_reported_and_ignored(db):
    params = QueryDict("q=ouders&mode=magisch&sort=willekeurig")
    query = catalogue.parse_query(params, catalogue.facet_vocabularies())
    assert query.mode == "hybrid"
    assert query.sort == ""
    assert len(query.errors) == 2


def test_facets_filter_the_ranked_results(demo_content):
    unfiltered = search("jongeren")
    filtered = search("jongeren", kind="programma")
    assert filtered
    assert [slug for slug in unfiltered if slug in filtered] == filtered


def test_a_text_with_the_exact_phrase_comes_before_one_with_the_words_apart(db):
    apart = ExamplePageFactory(
        title="Los", summary="Koken doen we samen, koken en nog eens koken, samen en samen."
    )
    exact = ExamplePageFactory(title="Vast", summary="Elke week samen koken in de buurt.")
    assert search("samen koken")[:2] == [exact.slug, apart.slug]
    assert search('iets met "samen koken" erin')[0] == exact.slug
