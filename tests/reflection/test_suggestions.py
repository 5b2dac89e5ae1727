"""Ranking by the example's own explanation of the chosen elements, not by element count."""

import pytest

from voorbeeldenbank.core.models import Element
from voorbeeldenbank.examples.models import ExamplePage
from voorbeeldenbank.examples.passages import embed_missing, sync_passages
from voorbeeldenbank.reflection.suggestions import quote, suggest

pytestmark = pytest.mark.django_db


def test_examples_with_every_chosen_element_come_first(demo_content):
    chosen = list(Element.objects.filter(key__in=["toegang_laagdrempelig", "gelijkwaardigheid"]))
    found = suggest(chosen, limit=20)
    covered = [s.covered for s in found]
    assert covered == sorted(covered, reverse=True)
    with_both = [
        page
        for page in ExamplePage.objects.live()
        if {link.element.key for link in page.example_elements.all()} >= {e.key for e in chosen}
    ]
    assert {s.page.pk for s in found[: len(with_both)]} == {p.pk for p in with_both}


def test_the_example_whose_explanation_means_the_element_most_ranks_first(demo_content):
    """Not the example with the most elements: the one with the fewest, once its explanation
    of the chosen element says what the vision says."""
    element = Element.objects.get(key="niet_problematiseren")
    having = [
        page
        for page in ExamplePage.objects.live()
        if page.example_elements.filter(element=element).exists()
    ]
    fewest = min(having, key=lambda page: page.example_elements.count())
    most = max(having, key=lambda page: page.example_elements.count())
    assert fewest.example_elements.count() < most.example_elements.count()
    link = fewest.example_elements.get(element=element)
    link.explanation = element.summary
    link.save()
    sync_passages(fewest)
    embed_missing()

    found = suggest([element], limit=20)
    assert found[0].page.pk == fewest.pk
    similarities = [s.similarity for s in found]
    assert similarities == sorted(similarities, reverse=True)


def test_a_long_explanation_is_quoted_shortened():
    text = " ".join(f"woord{i}" for i in range(100))
    assert quote(text, words=5) == "woord0 woord1 woord2 woord3 woord4 …"
    assert quote("kort", words=5) == "kort"
