""" "Lijkt op": similar examples by meaning (hand-made passage vectors) and by shared elements."""

import numpy as np
import pytest
from wagtail.models import PageViewRestriction

from tests.factories import ExamplePageFactory
from voorbeeldenbank.core import embeddings
from voorbeeldenbank.core.constants import ELEMENT_KEYS
from voorbeeldenbank.examples.models import Passage, SemanticState
from voorbeeldenbank.examples.passages import to_bytes
from voorbeeldenbank.examples.related import related

pytestmark = pytest.mark.django_db

ALL_ELEMENTS = ELEMENT_KEYS


def direction(*weights: float) -> np.ndarray:
    """A unit vector in the first few dimensions (far from the demo's real embeddings)."""
    vector = np.zeros(embeddings.DIM, np.float32)
    vector[: len(weights)] = weights
    return vector / np.linalg.norm(vector)


def give_vector(page, vector: np.ndarray | None) -> None:
    Passage.objects.filter(page=page).update(vector=None if vector is None else to_bytes(vector))
    SemanticState.bump()


def ids(found) -> list[int]:
    return [item.page_id for item in found]


def test_the_closest_in_meaning_comes_first_and_the_page_itself_is_never_listed():
    target = ExamplePageFactory(title="Doel")
    near = ExamplePageFactory(title="Dichtbij")
    middle = ExamplePageFactory(title="Halverwege")
    far = ExamplePageFactory(title="Ver weg")
    give_vector(target, direction(1))
    give_vector(near, direction(1, 0.1))
    give_vector(middle, direction(1, 1))
    give_vector(far, direction(0, 1))

    found = ids(related(target.pk, limit=50))
    assert target.pk not in found
    assert found.index(near.pk) < found.index(middle.pk) < found.index(far.pk)
    assert found[:2] == [near.pk, middle.pk]


def test_shared_elements_decide_between_examples_equally_close_in_meaning():
    target = ExamplePageFactory(title="Doel", elements=("gelijkwaardigheid", "steun_informeel"))
    sharing = ExamplePageFactory(title="Deelt", elements=("gelijkwaardigheid", "steun_informeel"))
    other = ExamplePageFactory(title="Anders", elements=("brede_context",))
    for page in (target, sharing, other):
        give_vector(page, direction(1))

    found = related(target.pk)
    assert ids(found)[:2] == [sharing.pk, other.pk]
    assert [element.key for element in found[0].shared_elements] == [
        "gelijkwaardigheid",
        "steun_informeel",
    ]
    assert "Gelijkwaardig" in found[0].reason or "gelijkwaardig" in found[0].reason.lower()
    assert found[0].reason.startswith("Ook:")


def test_having_many_elements_is_no_reason_to_be_alike():
    target = ExamplePageFactory(title="Doel", elements=("gelijkwaardigheid", "vraag_leidend"))
    same_set = ExamplePageFactory(title="Zelfde", elements=("gelijkwaardigheid", "vraag_leidend"))
    everything = ExamplePageFactory(title="Alles", elements=ALL_ELEMENTS)
    for page in (target, same_set, everything):
        give_vector(page, None)

    found = ids(related(target.pk, limit=100))
    assert found.index(same_set.pk) < found.index(everything.pk)


def test_a_draft_or_a_restricted_example_is_never_listed():
    keys = ("gelijkwaardigheid", "vraag_leidend", "brede_context")
    target = ExamplePageFactory(title="Doel", elements=keys)
    draft = ExamplePageFactory(title="Concept", draft=True, elements=keys)
    restricted = ExamplePageFactory(title="Besloten", elements=keys)
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    give_vector(target, direction(1))

    found = ids(related(target.pk, limit=100))
    assert draft.pk not in found
    assert restricted.pk not in found


def test_without_vectors_only_examples_sharing_elements_are_listed():
    target = ExamplePageFactory(title="Doel", elements=("niet_problematiseren",))
    sharing = ExamplePageFactory(title="Deelt", elements=("niet_problematiseren", "brede_context"))
    unrelated = ExamplePageFactory(title="Niets", elements=())
    give_vector(target, None)

    found = related(target.pk, limit=100)
    assert sharing.pk in ids(found)
    assert unrelated.pk not in ids(found)
    assert all(item.shared_elements for item in found)


def test_an_example_not_in_the_catalogue_has_no_related_examples():
    draft = ExamplePageFactory(title="Concept", draft=True, elements=("brede_context",))
    assert related(draft.pk) == []


def test_the_example_page_shows_the_related_examples(client):
    target = ExamplePageFactory(title="Doel", elements=("gelijkwaardigheid",))
    near = ExamplePageFactory(title="Buurman van het doel", elements=("gelijkwaardigheid",))
    give_vector(target, direction(1))
    give_vector(near, direction(1, 0.1))

    html = client.get(target.url).content.decode()
    assert 'id="lijkt-op"' in html
    assert near.url in html
    assert "Buurman van het doel" in html


def test_the_english_page_marks_the_dutch_names(client):
    target = ExamplePageFactory(title="Doel", elements=("gelijkwaardigheid",))
    near = ExamplePageFactory(title="Buurman van het doel", elements=("gelijkwaardigheid",))
    give_vector(target, direction(1))
    give_vector(near, direction(1, 0.1))

    html = client.get(f"/en{target.url}").content.decode()
    assert 'lang="nl">Buurman van het doel</a>' in html


def test_the_api_detail_lists_the_related_examples(client):
    from tests.api.demo_data import detail_url

    target = ExamplePageFactory(title="Doel", elements=("gelijkwaardigheid",))
    near = ExamplePageFactory(title="Buurman van het doel", elements=("gelijkwaardigheid",))
    give_vector(target, direction(1))
    give_vector(near, direction(1, 0.1))

    body = client.get(detail_url(target.slug)).json()
    first = body["related"][0]
    assert set(first) == {"slug", "name", "url", "api_url", "shared_elements", "score"}
    assert first["slug"] == near.slug
    assert first["api_url"].endswith(detail_url(near.slug))
    assert first["shared_elements"][0]["key"] == "gelijkwaardigheid"
    assert target.slug not in [item["slug"] for item in body["related"]]


def edition_article(html: str, slug: str) -> str:
    start = html.index(f'id="voorbeeld-{slug}"')
    return html[start : html.index("</article>", start)]


def test_the_edition_links_to_related_examples_within_itself():
    import datetime

    from voorbeeldenbank.publication import content, render

    target = ExamplePageFactory(title="Doel", slug="doel", elements=("gelijkwaardigheid",))
    near = ExamplePageFactory(title="Buurman", slug="buurman", elements=("gelijkwaardigheid",))
    give_vector(target, direction(1))
    give_vector(near, direction(1, 0.1))

    def edition() -> str:
        context = content.edition_context(number=1, published_on=datetime.date(2026, 1, 1))
        return render.render_edition_html(context, for_pdf=False)

    html = edition()
    article = edition_article(html, "doel")
    assert "Lijkt op" in article
    assert 'href="#voorbeeld-buurman"' in article
    assert 'href="#voorbeeld-doel"' not in article
    assert edition() == html
