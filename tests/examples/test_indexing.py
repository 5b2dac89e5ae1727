import pytest
from django.core.management import call_command
from django.http import QueryDict

from tests.factories import ExamplePageFactory
from voorbeeldenbank.examples.models import ExamplePage, SearchDocument, SearchTerm

pytestmark = pytest.mark.django_db


def test_publishing_indexes_facets_and_lemmas(demo_content):
    page = ExamplePageFactory(
        title="Speelgroep",
        summary="Ouders met peuters ontmoeten elkaar.",
        elements=("gelijkwaardigheid",),
    )
    document = SearchDocument.objects.get(page=page)
    assert "element:gelijkwaardigheid" in document.facets.split()
    assert "kind:programma" in document.facets.split()
    lemmas = set(SearchTerm.objects.filter(document=document).values_list("lemma", flat=True))
    assert {"speelgroep", "ouder", "peuter"} <= lemmas


def test_a_restricted_page_is_not_indexed(demo_content):
    from wagtail.models import PageViewRestriction

    page = ExamplePageFactory(title="Besloten")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    page.save_revision().publish()
    assert not SearchDocument.objects.filter(page=page).exists()


def test_the_rebuild_command_indexes_every_live_example(demo_content, capsys):
    SearchDocument.objects.all().delete()
    call_command("rebuild_catalogue_index")
    assert SearchDocument.objects.count() == ExamplePage.objects.live().count()
    assert "13" in capsys.readouterr().out


def test_restricting_a_live_example_takes_it_out_of_the_catalogue_and_back(demo_content):
    from wagtail.models import PageViewRestriction

    from voorbeeldenbank.examples import catalogue

    page = ExamplePageFactory(title="Straks besloten")

    def listed() -> bool:
        query = catalogue.parse_query(QueryDict(), catalogue.facet_vocabularies())
        return page.pk in catalogue.run(query).ids

    assert listed()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert not listed()
    restriction.delete()
    assert listed()


def test_every_change_to_the_index_gives_a_new_version(demo_content):
    from voorbeeldenbank.examples.models import CatalogueState

    before = CatalogueState.current_version()
    page = ExamplePageFactory(title="Nieuw")
    middle = CatalogueState.current_version()
    page.unpublish()
    assert len({before, middle, CatalogueState.current_version()}) == 3
