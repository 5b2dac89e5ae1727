"""Search by meaning: passages, their embeddings, the in-memory matrix and the semantic mode."""

import threading

import numpy as np
import pytest
from wagtail.models import PageViewRestriction

from tests.factories import ExamplePageFactory
from voorbeeldenbank.core import embeddings
from voorbeeldenbank.examples import catalogue, semantic
from voorbeeldenbank.examples.models import Passage, SemanticState
from voorbeeldenbank.examples.passages import chunks, embed_missing, split_long, sync_passages

pytestmark = pytest.mark.django_db


def test_embeddings_are_normalised_and_the_same_every_time():
    first = embeddings.embed_query("steun voor ouders in de buurt")
    again = embeddings.embed_query("steun voor ouders in de buurt")
    assert first.shape == (embeddings.DIM,)
    assert np.linalg.norm(first) == pytest.approx(1.0, abs=1e-3)
    assert np.allclose(first, again)


def test_a_question_is_closer_to_a_text_about_it_than_to_an_unrelated_one():
    question = embeddings.embed_query(
        "waar kan ik terecht met vragen over de opvoeding van mijn peuter"
    )
    passages = embeddings.embed_passages(
        [
            "Ouders van jonge kinderen praten met een ervaren moeder over opvoeden.",
            "De gemeente legt een nieuw fietspad aan langs het kanaal.",
        ]
    )
    related, unrelated = passages @ question
    assert related > unrelated


def test_a_long_text_is_cut_at_sentence_ends():
    sentence = "Dit is een zin van precies tien woorden lang, echt waar."
    pieces = split_long(" ".join([sentence] * 30), max_words=50)
    assert len(pieces) > 1
    assert all(piece.endswith("waar.") for piece in pieces)
    assert all(len(piece.split()) <= 50 for piece in pieces)


def test_an_example_is_cut_into_facts_summary_and_one_passage_per_element(db):
    page = ExamplePageFactory(
        title="Buurtkracht", summary="Buren helpen elkaar.", elements=("gelijkwaardigheid",)
    )
    found = chunks(page)
    sections = [chunk.section for chunk in found]
    assert sections[0] == "facts"
    assert "Buurtkracht" in found[0].text
    assert "notendop" in sections
    assert "element:gelijkwaardigheid" in sections


def test_an_unchanged_text_keeps_its_vector(db, monkeypatch):
    page = ExamplePageFactory(title="Buurtkracht", summary="Buren helpen elkaar.")
    embed_missing()
    calls: list[int] = []
    original = embeddings.embed_passages

    def counting(texts):
        calls.append(len(texts))
        return original(texts)

    monkeypatch.setattr(embeddings, "embed_passages", counting)
    sync_passages(page)
    assert embed_missing() == 0
    assert calls == []

    page.summary = "Buren helpen elkaar, ook in het weekend."
    page.save()
    sync_passages(page)
    assert embed_missing() == 1
    assert calls == [1]


def test_the_matrix_follows_the_version(db):
    page = ExamplePageFactory(title="Buurtkracht", summary="Buren helpen elkaar.")
    embed_missing()
    before = semantic.current()
    assert page.pk in before.page_ids
    assert semantic.current() is before

    SemanticState.bump()
    assert semantic.current() is not before


def _empty_matrix(version: int) -> semantic.Matrix:
    nothing = np.zeros(0, dtype=np.int64)
    return semantic.Matrix(
        version=version,
        vectors=np.zeros((0, embeddings.DIM), np.float16),
        centroids=np.zeros((0, embeddings.DIM), np.float32),
        passage_ids=nothing,
        page_ids=nothing,
        starts=nothing,
        ends=nothing,
    )


def test_after_a_change_the_old_matrix_answers_while_the_new_one_loads(
    settings, monkeypatch, caplog
):
    settings.SEMANTIC_RELOAD_IN_BACKGROUND = True
    database = {"version": 1}
    release = threading.Event()

    def build(version: int) -> semantic.Matrix:
        if version > 1:
            assert release.wait(10), "the test never let the reload finish"
        if version == 3:
            raise RuntimeError("the database went away")
        return _empty_matrix(version)

    monkeypatch.setattr(semantic, "build", build)
    monkeypatch.setattr(semantic, "_version", lambda: database["version"])
    monkeypatch.setattr(semantic, "_matrix", None)

    first = semantic.current()  # no matrix yet in this process: built at once
    assert first.version == 1

    database["version"] = 2
    assert semantic.current() is first  # no reader waits for the reload
    release.set()
    semantic.wait_for_reload(timeout=10)
    second = semantic.current()
    assert second.version == 2

    # A reload that fails is logged; the matrix it had keeps answering.
    database["version"] = 3
    assert semantic.current() is second
    semantic.wait_for_reload(timeout=10)
    assert semantic.current() is second  # (and tries again, in the background)
    semantic.wait_for_reload(timeout=10)
    assert "Reloading the passage vectors for version 3 failed" in caplog.text


def test_unpublishing_removes_the_passages_and_the_example_from_the_ranking(db):
    page = ExamplePageFactory(title="Moestuinclub", summary="Samen groente kweken met kinderen.")
    embed_missing()
    assert page.pk in [hit.page_id for hit in semantic.rank("groente kweken")]

    page.unpublish()
    assert not Passage.objects.filter(page=page).exists()
    assert page.pk not in [hit.page_id for hit in semantic.rank("groente kweken")]


def test_a_restricted_example_has_no_passages(db):
    page = ExamplePageFactory(title="Besloten", summary="Alleen voor leden.")
    assert Passage.objects.filter(page=page).exists()
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    assert not Passage.objects.filter(page=page).exists()


def test_the_semantic_mode_finds_a_text_without_any_of_the_query_words(db):
    page = ExamplePageFactory(
        title="Samen koken", summary="Vaders en hun kinderen maken samen een maaltijd klaar."
    )
    ExamplePageFactory(title="Huiswerk", summary="Studenten helpen scholieren met rekenen.")
    embed_missing()
    query = catalogue.CatalogueQuery(q="mannen die met hun kroost eten bereiden", mode="semantic")
    ids = catalogue.run(query).ids
    assert ids[0] == page.pk
    lexical = catalogue.run(
        catalogue.CatalogueQuery(q="mannen die met hun kroost eten bereiden", mode="lexical")
    )
    assert page.pk not in lexical.ids


def _unit(values: list[float]) -> np.ndarray:
    vector = np.zeros(embeddings.DIM, dtype=np.float32)
    vector[: len(values)] = values
    return vector / np.linalg.norm(vector)


def test_the_centroids_first_pick_keeps_the_best_pages(db, monkeypatch):
    from voorbeeldenbank.examples.passages import to_bytes

    pages = [ExamplePageFactory(title=f"Pagina {n}", summary="Tekst.") for n in range(6)]
    Passage.objects.filter(page__in=pages).delete()
    # Page n: one passage pointing at dimension n, one general passage.
    for n, page in enumerate(pages):
        Passage.objects.create(
            page=page,
            position=0,
            section="notendop",
            label="A",
            text=f"a{n}",
            text_hash=f"a{n}",
            vector=to_bytes(_unit([0] * n + [1])),
        )
        Passage.objects.create(
            page=page,
            position=1,
            section="wat_werkt",
            label="B",
            text=f"b{n}",
            text_hash=f"b{n}",
            vector=to_bytes(_unit([0, 0, 0, 0, 0, 0, 1])),
        )
    SemanticState.bump()
    query = _unit([0, 0, 1, 0.5])
    exact = semantic.rank_vector(query)
    monkeypatch.setattr(semantic, "CANDIDATES", 2)
    staged = semantic.rank_vector(query)
    assert [hit.page_id for hit in staged[:2]] == [hit.page_id for hit in exact[:2]]
    assert staged[0].page_id == pages[2].pk
    first = Passage.objects.get(page=pages[2], position=0)
    assert staged[0].passage_id == first.pk
    assert staged[0].score == pytest.approx(float(query @ _unit([0, 0, 1])), abs=1e-2)
