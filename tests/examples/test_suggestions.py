"""Element suggestions: the classifier, its calibration, evidence spans, storage, retraining."""

import numpy as np
import pytest

from voorbeeldenbank.core.constants import ELEMENT_KEYS
from voorbeeldenbank.examples.models import ElementModelVersion, ExamplePage
from voorbeeldenbank.examples.suggestions import store, training
from voorbeeldenbank.examples.suggestions.classifier import (
    best_f1_threshold,
    fit_calibrated,
    fit_logistic,
    fold_of,
    unsure_threshold,
)
from voorbeeldenbank.examples.suggestions.model import ElementModel
from voorbeeldenbank.examples.suggestions.suggest import NoModel, suggest, suggest_with
from voorbeeldenbank.examples.suggestions.text import sentence_spans, windows

from .suggestion_helpers import small_model, small_rows, store_small_model

TEXT = (
    "  De ouderkamer is elke ochtend open, zonder afspraak en gratis.\n\n"
    "Ouders helpen elkaar met oppassen en boodschappen! Ze vertellen elkaar dat twijfelen "
    "over de opvoeding heel gewoon is. De school betaalt de koffie."
)


def synthetic(n: int = 200, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.3).astype(float)
    direction = rng.normal(size=16)
    x = rng.normal(size=(n, 16)) + np.outer(y * 2 - 1, direction) * 0.8
    return x.astype(np.float32), y


def test_logistic_regression_learns_a_separable_set():
    x, y = synthetic()
    weights, bias = fit_logistic(x[:150], y[:150], l2=0.1)
    predicted = (x[150:] @ weights + bias) > 0
    assert (predicted == (y[150:] > 0)).mean() > 0.9


def test_calibration_puts_the_thresholds_between_the_classes_and_unsure_below_yes():
    x, y = synthetic(300)
    folds = fold_of([str(i % 10) for i in range(len(y))])
    part = fit_calibrated(x, y, folds)
    probabilities = part.probability(x)
    assert 0 < part.low <= part.high < 1
    assert probabilities[y > 0].mean() > part.high > probabilities[y == 0].mean()
    assert ((probabilities >= part.high) == (y > 0)).mean() > 0.9


def test_the_best_f1_cut_separates_cleanly_split_scores():
    scores = np.array([0.1, 0.2, 0.3, 0.7, 0.8, 0.9])
    y = np.array([0, 0, 0, 1, 1, 1.0])
    cut = best_f1_threshold(scores, y)
    assert 0.3 < cut <= 0.7
    assert unsure_threshold(scores, y, cut) <= cut


def test_folds_keep_a_group_together():
    groups = ["a", "a", "b", "c", "c", "c", "d", "e"]
    folds = fold_of(groups, folds=3)
    assert len({folds[i] for i, g in enumerate(groups) if g == "c"}) == 1


def test_sentence_spans_point_into_the_original_text():
    spans = sentence_spans(TEXT)
    sentences = [TEXT[s:e] for s, e in spans]
    assert sentences[0] == "De ouderkamer is elke ochtend open, zonder afspraak en gratis."
    assert sentences[1] == "Ouders helpen elkaar met oppassen en boodschappen!"
    assert len(sentences) == 4
    assert windows(4, size=3) == [(0, 3), (1, 4)]
    assert windows(2, size=3) == [(0, 2)]
    assert windows(7) == [(0, 5), (1, 6), (2, 7)]
    assert windows(5) == [(0, 5)]


@pytest.fixture(scope="module")
def model() -> ElementModel:
    return small_model()


def test_a_suggestion_has_all_eight_elements_in_order_with_evidence_inside_the_text(model):
    suggestion = suggest_with(model, TEXT)

    assert [e.key for e in suggestion.elements] == list(ELEMENT_KEYS)
    assert suggestion.model == "test-model"
    for element in suggestion.elements:
        assert 0.0 <= element.score <= 1.0
        assert element.present in {"yes", "no", "unsure"}
        for evidence in element.evidence:
            assert 0 <= evidence.start < evidence.end <= len(TEXT)
            assert TEXT[evidence.start : evidence.end] == evidence.sentence
        if element.present == "no":
            assert element.evidence == []


def test_it_finds_the_obvious_element_and_points_at_its_sentence(model):
    text = (
        "Het buurthuis organiseert sinds 2021 activiteiten. Ouders kunnen zonder afspraak en "
        "gratis binnenlopen, er is geen verwijzing nodig."
    )
    access = suggest_with(model, text).by_key["toegang_laagdrempelig"]
    assert access.present in {"yes", "unsure"}
    assert "zonder afspraak" in access.evidence[0].sentence


def test_a_text_without_sentences_gets_no_elements(model):
    suggestion = suggest_with(model, "   ")
    assert [e.present for e in suggestion.elements] == ["no"] * 8


def test_the_model_survives_a_round_trip_through_bytes(model):
    again = ElementModel.from_bytes(model.to_bytes())
    assert again.version == model.version
    assert again.terms == model.terms
    assert len(model.terms) > 50
    x = np.random.default_rng(3).normal(size=(3, 384)).astype(np.float32)
    docs = [frozenset({"buurvrouw", "oppassen"}), frozenset({"diagnose"}), frozenset()]
    words = model.word_scores(docs)
    assert np.allclose(again.word_scores(docs), words)
    assert np.allclose(again.probabilities(x, words), model.probabilities(x, words))


def test_a_model_stored_before_the_word_feature_still_suggests(model):
    """Read as embedding only (the word weight counts as zero) until the next training."""
    import io

    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        version=np.array("old"),
        keys=np.array(model.keys),
        weights=model.weights[:, :384],
        bias=model.bias,
        platt=model.platt,
        high=model.high,
        low=model.low,
    )
    old = ElementModel.from_bytes(buffer.getvalue())
    assert old.terms == ()
    assert old.ratios.shape == (8, 0)
    suggestion = suggest_with(old, "Een buurvrouw past op. Zo hoeven de ouders niets te regelen.")
    assert [e.key for e in suggestion.elements] == list(ELEMENT_KEYS)
    x = np.random.default_rng(4).normal(size=(2, 384)).astype(np.float32)
    expected = model.platt[:, 0] * (x @ model.weights[:, :384].T + model.bias) + model.platt[:, 1]
    assert np.allclose(old.probabilities(x, np.ones((2, 8))), 1 / (1 + np.exp(-expected)))


@pytest.mark.django_db
def test_without_a_model_suggest_says_so():
    ElementModelVersion.objects.all().delete()
    with pytest.raises(NoModel):
        suggest(TEXT)


@pytest.mark.django_db
def test_every_process_picks_up_the_newest_model():
    store_small_model("first")
    assert store.current().version == "first"
    store_small_model("second")
    assert store.current().version == "second"
    assert suggest(TEXT).model == "second"


def test_publishing_an_example_retrains_and_stores_a_new_version(
    demo_content, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.ELEMENT_MODEL_TRAIN_IN_BACKGROUND = True
    rows = tuple(small_rows())
    monkeypatch.setattr(training, "labelled_paragraphs", lambda: rows)
    before = set(ElementModelVersion.objects.values_list("version", flat=True))
    example = ExamplePage.objects.live().first().specific

    with django_capture_on_commit_callbacks(execute=True):
        example.save_revision().publish()

    row = ElementModelVersion.objects.first()
    assert row.version not in before
    assert row.version.startswith("e5-words-lr-")
    bank = training.bank_items()
    assert row.trained_on == len(rows) + 8 + len(bank)
    assert store.current().version == row.version


def test_publishing_does_not_train_when_background_training_is_off(
    demo_content, settings, django_capture_on_commit_callbacks
):
    settings.ELEMENT_MODEL_TRAIN_IN_BACKGROUND = False
    count = ElementModelVersion.objects.count()
    example = ExamplePage.objects.live().first().specific
    with django_capture_on_commit_callbacks(execute=True):
        example.save_revision().publish()
    assert ElementModelVersion.objects.count() == count


def test_a_retraining_embeds_only_the_sentences_it_has_not_seen(monkeypatch):
    from voorbeeldenbank.core import embeddings
    from voorbeeldenbank.examples.suggestions.model import SentenceMemo, paragraph_vectors

    asked: list[str] = []

    def fake(texts: list[str]) -> np.ndarray:
        asked.extend(texts)
        rng = np.random.default_rng(len(asked))
        vectors = rng.normal(size=(len(texts), embeddings.DIM)).astype(np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    monkeypatch.setattr(embeddings, "embed_passages", fake)
    memo = SentenceMemo()
    texts = ["Ouders helpen elkaar. De school is open.", "Een buurvrouw past op."]
    first = paragraph_vectors(texts, embed=memo.embed)
    assert sorted(asked) == [
        "De school is open.",
        "Een buurvrouw past op.",
        "Ouders helpen elkaar.",
    ]

    asked.clear()
    again = paragraph_vectors(
        [*texts, "Een buurvrouw past op. Opa kookt elke dinsdag voor het gezin."], embed=memo.embed
    )
    assert asked == ["Opa kookt elke dinsdag voor het gezin."]
    assert np.allclose(again[:2], first)

    # Another embedding function (another model) never gets the old vectors.
    monkeypatch.setattr(embeddings, "embed_passages", lambda texts: fake(texts) * -1)
    asked.clear()
    paragraph_vectors(texts[1:], embed=memo.embed)
    assert asked == ["Een buurvrouw past op."]
