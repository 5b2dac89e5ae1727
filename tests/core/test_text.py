import pytest

from voorbeeldenbank.core.text import fold, lemma, lemmas, tokenize


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("gezinnen", "gezin"),
        ("gezin", "gezin"),
        ("kinderen", "kind"),
        ("jongeren", "jongere"),
        ("jongere", "jongere"),
        ("vrijwilligers", "vrijwilliger"),
        ("coördinatoren", "coordinator"),
        ("steungezinnen", "steungezin"),
        ("buurtgezinnen", "buurtgezin"),
        ("Moeders", "moeder"),
    ],
)
def test_it_maps_inflections_and_compounds_to_one_lemma(word, expected):
    assert lemma(word) == expected


def test_it_does_not_turn_young_people_into_the_adjective_young():
    assert lemma("jongeren") != lemma("jong")


def test_it_drops_stopwords_and_keeps_order():
    assert lemmas("De kinderen en de ouders in het gezin") == ["kind", "ouder", "gezin"]


def test_it_tokenizes_hyphens_and_apostrophes_as_part_of_words():
    assert tokenize("Pijnacker-Nootdorp, baby's!") == ["pijnacker-nootdorp", "baby's"]


def test_it_folds_accents():
    assert fold("Coördinatie café") == "coordinatie cafe"
