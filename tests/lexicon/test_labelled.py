"""The labelled sentences: precision and recall of the check against hand-made labels."""

from benchmarks.taalcheck_eval import evaluate, read_labelled

TARGET = 0.95


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
