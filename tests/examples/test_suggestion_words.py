"""The word feature of the element model: log-count ratios, their scores, out of fold."""

import numpy as np

from voorbeeldenbank.examples.suggestions import lexical


def docs_and_labels() -> tuple[list[frozenset[str]], np.ndarray]:
    texts = [
        ("De buurvrouw past op de kinderen.", [1, 0]),
        ("Een buurvrouw helpt met boodschappen.", [1, 0]),
        ("Opa en de buurvrouw halen de kinderen van school.", [1, 0]),
        ("Er volgt een diagnose door de specialist.", [0, 1]),
        ("Na de diagnose komt een behandeling.", [0, 1]),
        ("De specialist stelt een diagnose bij het kind.", [0, 1]),
        ("De school is om acht uur open.", [0, 0]),
        ("De kinderen gaan om acht uur naar school.", [0, 0]),
    ]
    return [lexical.terms(t) for t, _ in texts], np.array([y for _, y in texts], np.float32)


def test_terms_are_lemmas_without_stop_words():
    assert lexical.terms("De kinderen helpen elkaar") == frozenset({"kind", "helpen", "elkaar"})


def test_a_lemma_of_one_element_gets_a_positive_ratio_there_and_a_negative_one_elsewhere():
    docs, labels = docs_and_labels()
    vocab, ratios = lexical.fit_ratios(docs, labels)
    column = vocab.index("buurvrouw")
    assert ratios[0, column] > 1.0
    assert ratios[1, column] < 0.0
    assert ratios[1, vocab.index("diagnose")] > 1.0


def test_a_lemma_in_one_paragraph_only_is_not_in_the_vocabulary():
    docs, labels = docs_and_labels()
    vocab, _ = lexical.fit_ratios(docs, labels)
    assert "opa" not in vocab
    assert "school" in vocab


def test_scores_rank_new_texts_by_their_words_and_ignore_unknown_ones():
    docs, labels = docs_and_labels()
    vocab, ratios = lexical.fit_ratios(docs, labels)
    new = [lexical.terms(t) for t in ("Mijn buurvrouw kookt.", "Een diagnose.", "Xyzzy qwerty.")]
    scores = lexical.scores(new, lexical.index_of(vocab), ratios)
    assert scores.shape == (3, 2)
    assert scores[0, 0] > 0 > scores[0, 1]
    assert scores[1, 1] > 0 > scores[1, 0]
    assert np.allclose(scores[2], 0.0)
    assert lexical.scores([], lexical.index_of(vocab), ratios).shape == (0, 2)


def test_the_score_is_divided_by_the_root_of_the_lemma_count():
    docs, labels = docs_and_labels()
    vocab, ratios = lexical.fit_ratios(docs, labels)
    index = lexical.index_of(vocab)
    one = lexical.scores([frozenset({"buurvrouw"})], index, ratios)[0, 0]
    padded = lexical.scores([frozenset({"buurvrouw", "aaa", "bbb", "ccc"})], index, ratios)[0, 0]
    assert np.isclose(padded, one / 2)


def test_out_of_fold_scores_do_not_know_their_own_paragraph():
    docs, labels = docs_and_labels()
    # Each paragraph its own fold: "opa" is then unseen for its paragraph, and a lemma seen in
    # only one other paragraph falls out of the vocabulary.
    folds = np.arange(len(docs))
    oof = lexical.out_of_fold(docs, labels, folds)
    vocab, ratios = lexical.fit_ratios(docs, labels)
    full = lexical.scores(docs, lexical.index_of(vocab), ratios)
    assert oof.shape == labels.shape
    assert (oof[:3, 0] < full[:3, 0]).all()
    assert (oof[:3, 0] > 0).all()
