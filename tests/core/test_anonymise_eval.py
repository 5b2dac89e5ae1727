"""The de-identification benchmark's metrics: coverage, recall and words removed by mistake."""

from benchmarks.anonymise_eval import covered, evaluate, verslag


def test_a_span_is_covered_only_when_all_its_letters_and_digits_are():
    text = "Bel 06-12 of later"

    assert covered(4, 9, text, [(4, 6), (7, 9)])
    assert not covered(4, 9, text, [(4, 6)])


def test_recall_and_removed_words_are_counted_per_category():
    rows = [
        {
            "text": "Bel 06-29384756 gerust.",
            "spans": [{"start": 4, "end": 15, "text": "06-29384756", "category": "TELEFOON"}],
        },
        {"text": "Nummer 123456789 blijft.", "spans": []},
        {"text": "De Jeugdwet geldt.", "spans": []},
    ]

    score = evaluate(rows, [], [], [])

    assert score.recall("TELEFOON") == 1.0
    assert score.gold["TELEFOON"] == 1
    assert score.ordinary_removed == 0
    assert score.clean_changed == 0
    assert score.clean_sentences == 2


def test_a_missed_span_lowers_recall_and_a_wrong_removal_is_counted():
    rows = [
        {
            "text": "Op 14 april kwam ze.",
            "spans": [{"start": 3, "end": 11, "text": "14 april", "category": "PERSOON"}],
        }
    ]
    rows.append({"text": "Bel 155386840 niet.", "spans": []})

    score = evaluate(rows, [], [], [])

    assert score.found["PERSOON"] == 1
    assert score.typed["PERSOON"] == 0
    assert score.ordinary_removed == 1
    assert score.clean_changed == 1


def test_the_long_verslag_has_the_asked_number_of_words():
    rows = [{"text": "Een zin van vijf woorden.", "spans": []}]

    assert len(verslag(rows, words=5000).split()) == 5000
