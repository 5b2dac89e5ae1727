"""The labelled search questions (benchmarks/data/) and the evaluation's metrics."""

import json
import re
from collections import Counter

import pytest
from benchmarks.search_eval import (
    PERSONAS,
    QUESTION_FILES,
    Outcome,
    hit_at,
    misses,
    read_questions,
    reciprocal_rank,
    score,
)

from voorbeeldenbank.examples.demo import EXAMPLES_DIR

DEVELOPMENT, HELDOUT = QUESTION_FILES
DEMO = {
    path.stem: json.loads(path.read_text(encoding="utf-8")) for path in EXAMPLES_DIR.glob("*.json")
}


def name_variants(name: str) -> set[str]:
    """A name as a visitor might type it: whole, without its bracketed part, the bracketed part
    alone, each side of " - ", and with its hyphens as spaces or dropped."""
    parts = {name, re.sub(r"\s*\(.*?\)", "", name), *re.findall(r"\((.*?)\)", name)}
    parts |= {side for part in list(parts) for side in part.split(" - ")}
    parts |= {part.replace("-", " ") for part in parts} | {part.replace("-", "") for part in parts}
    return {part.strip().lower() for part in parts if len(part.strip()) > 1}


def names() -> dict[str, set[str]]:
    return {
        slug: set().union(
            *(name_variants(n) for n in [data["name"], data["short_name"], *data["organisations"]])
        )
        for slug, data in DEMO.items()
    }


def contains(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text.lower()) is not None


@pytest.mark.parametrize(("path", "minimum"), [(DEVELOPMENT, 60), (HELDOUT, 25)])
def test_each_question_file_has_enough_well_formed_questions(path, minimum):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["description"]
    questions = data["questions"]
    assert len(questions) >= minimum
    for row in questions:
        assert set(row) == {"q", "expected", "persona", "note"}, row
        assert 1 <= len(row["expected"]) <= 3, row["q"]
        assert len(set(row["expected"])) == len(row["expected"]), row["q"]
        assert set(row["expected"]) <= set(DEMO), row["q"]
        assert row["persona"] in PERSONAS, row["q"]
        assert 2 <= len(row["q"].split()) <= 15, row["q"]


def test_no_question_occurs_twice_within_or_across_the_files():
    counted = Counter(
        " ".join(row["q"].lower().split())
        for path in QUESTION_FILES
        for row in read_questions(path)
    )
    assert [q for q, n in counted.items() if n > 1] == []


def named(text: str) -> list[str]:
    """The example names (or organisation names) that occur in a text."""
    return [
        phrase for variants in names().values() for phrase in variants if contains(text, phrase)
    ]


def test_no_question_names_an_example_or_its_organisation():
    found = [(row["q"], named(row["q"])) for path in QUESTION_FILES for row in read_questions(path)]
    assert [(q, phrases) for q, phrases in found if phrases] == []


def test_the_name_check_catches_a_name_written_differently():
    assert named("vrijwilligers van humanitas home start")
    assert named("werkt het eigen toekomst plan ook in utrecht")
    assert named("ervaringen met het maatjesproject")
    assert named("wat doet de GIZ precies")
    assert not named("maatje voor mijn zoon")


def test_every_example_is_expected_for_at_least_four_questions():
    expected = Counter(
        slug for path in QUESTION_FILES for row in read_questions(path) for slug in row["expected"]
    )
    assert {slug: expected[slug] for slug in DEMO if expected[slug] < 4} == {}


def test_hits_count_only_expected_slugs_within_the_first_k():
    ranking = ["a", "b", "c", "d"]
    assert hit_at(ranking, ["a"], 1)
    assert not hit_at(ranking, ["b"], 1)
    assert hit_at(ranking, ["c", "x"], 3)
    assert not hit_at(ranking, ["d"], 3)
    assert not hit_at([], ["a"], 3)


def test_the_reciprocal_rank_is_that_of_the_first_expected_result():
    assert reciprocal_rank(["a", "b", "c"], ["a"]) == 1.0
    assert reciprocal_rank(["a", "b", "c"], ["c", "b"]) == 0.5
    assert reciprocal_rank(["a", "b", "c"], ["c"]) == pytest.approx(1 / 3)
    assert reciprocal_rank(["a", "b"], ["z"]) == 0.0


def test_scores_average_over_a_hand_made_ranking():
    outcomes = [
        Outcome("first", ["a"], "ouder", ["a", "b", "c"]),  # rank 1
        Outcome("third", ["c"], "ouder", ["a", "b", "c"]),  # rank 3
        Outcome("fourth", ["d"], "jongere", ["a", "b", "c", "d"]),  # rank 4: a top-3 miss
        Outcome("nothing", ["a"], "jongere", []),  # zero results
    ]
    scores = score(outcomes)
    assert scores.questions == 4
    assert scores.top1 == 0.25
    assert scores.top3 == 0.5
    assert scores.mrr == pytest.approx((1 + 1 / 3 + 1 / 4 + 0) / 4)
    assert scores.zero_results == 0.25
    assert [o.q for o in misses(outcomes)] == ["fourth", "nothing"]
    assert score([]).questions == 0
