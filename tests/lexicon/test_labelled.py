"""The labelled sentences: precision and recall of the check against hand-made labels."""

from benchmarks.taalcheck_eval import SECOND_LOOK, evaluate, read_labelled

TARGET = 0.95
# The second look was written after the change, on cases the check was not built on; it is
# held to a lower bar and its misses are listed in docs/lexicon.md.
SECOND_LOOK_TARGET = 0.90


def test_the_labelled_set_is_large_and_mostly_clean():
    rows = read_labelled()
    texts = [row["text"] for row in rows]

    assert len(rows) >= 150
    assert len(set(texts)) == len(texts)
    assert sum(1 for row in rows if not row["expected"]) >= len(rows) / 2
    # The near-misses the check must leave alone are in the set.
    assert any("kindertijd" in text for text in texts)
    assert any("behandelen" in text and "onderwerp" in text for text in texts)
    for row in rows:
        for match in row["expected"]:
            assert match in row["text"], row


def test_precision_and_recall_reach_the_targets(index):
    result = evaluate(index, read_labelled())

    assert result.precision >= TARGET, result.false_positives
    assert result.recall >= TARGET, result.misses


def test_the_evaluation_counts_errors(index):
    """A wrong label must lower the scores, or the test above proves nothing."""
    rows = [
        {"text": "Het probleemgezin.", "expected": []},
        {"text": "Een gewone zin.", "expected": ["gewone"]},
    ]

    result = evaluate(index, rows)

    assert result.precision == 0.0
    assert result.recall == 0.0
    assert [match for match, _text in result.false_positives] == ["probleemgezin"]


def test_the_second_look_is_apart_from_the_first_set():
    first = {row["text"] for row in read_labelled()}
    second = read_labelled(SECOND_LOOK)

    assert len(second) >= 50
    assert not first & {row["text"] for row in second}
    assert sum(1 for row in second if not row["expected"]) >= len(second) / 3
    for row in second:
        for match in row["expected"]:
            assert match in row["text"], row


def test_the_second_look_reaches_its_targets(index):
    result = evaluate(index, read_labelled(SECOND_LOOK))

    assert result.precision >= SECOND_LOOK_TARGET, result.false_positives
    assert result.recall >= SECOND_LOOK_TARGET, result.misses
