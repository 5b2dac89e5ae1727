"""Flesch-Douma: syllables by Dutch vowel groups, sentences, score and level."""

import pytest

from voorbeeldenbank.lexicon.check import check_text
from voorbeeldenbank.lexicon.check.readability import (
    count_sentences,
    flesch_douma,
    level_for,
    syllables,
)


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("kind", 1),
        ("huis", 1),  # ui
        ("boerderij", 3),  # oe, e, ij
        ("vader", 2),
        ("beïnvloeden", 4),  # the diaeresis starts a syllable
        ("patiënt", 3),
        ("mooi", 1),  # ooi counts once
        ("leeuw", 1),
        ("gezinnen", 3),
        ("123", 1),  # a number still counts as one
    ],
)
def test_it_counts_dutch_syllables(word, count):
    assert syllables(word) == count


def test_it_counts_sentences_at_full_stops_question_marks_and_blank_lines():
    text = "Dit is een zin. Is dit er een? Ja!\n\nEen kop zonder punt\n\nEn 3.5 is geen einde"

    assert count_sentences(text) == 5


def test_the_score_follows_the_formula():
    result = flesch_douma(words=10, sentences=2, syllable_total=15)

    assert result is not None
    assert result.score == round(206.835 - 0.93 * 5 - 77 * 1.5, 1)
    assert result.sentences == 2


def test_no_words_means_no_score():
    assert flesch_douma(words=0, sentences=0, syllable_total=0) is None
    assert check_text("").readability is None


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (95, "zeer_makkelijk"),
        (80, "zeer_makkelijk"),
        (65, "makkelijk"),
        (60, "makkelijk"),
        (55, "gemiddeld"),
        (40, "moeilijk"),
        (-20, "zeer_moeilijk"),
    ],
)
def test_scores_map_to_levels(score, level):
    assert level_for(score) == level


def test_short_plain_sentences_reach_b1_and_long_jargon_does_not(index):
    plain = check_text("Ik ga naar huis. Het is laat. Mijn zus wacht op mij.", index)
    jargon = check_text(
        "De gemeentelijke maatwerkvoorzieningen binnen het integrale ondersteuningsaanbod "
        "vereisen een zorgvuldige indicatiestelling door de verantwoordelijke ketenpartners "
        "teneinde de continuïteit van de hulpverlening te waarborgen.",
        index,
    )

    assert plain.readability
    assert plain.readability.meets_b1
    assert jargon.readability
    assert not jargon.readability.meets_b1
    assert jargon.readability.level in {"moeilijk", "zeer_moeilijk"}
