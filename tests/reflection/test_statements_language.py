"""The scan's own texts pass the project's language check: no lexicon word, B1 readability."""

import pytest

from voorbeeldenbank.lexicon.check import check_text
from voorbeeldenbank.reflection.demo import rows

pytestmark = pytest.mark.django_db


def test_every_element_has_three_or_four_statements_and_two_or_three_questions(demo_content):
    from voorbeeldenbank.core.constants import ELEMENT_KEYS

    data = rows()
    assert list(data) == list(ELEMENT_KEYS)
    for parts in data.values():
        assert 3 <= len(parts["statements"]) <= 4
        assert 2 <= len(parts["questions"]) <= 3
        assert all(dutch and english for dutch, english in parts["statements"] + parts["questions"])


@pytest.mark.parametrize("key", list(rows()))
def test_the_dutch_texts_of_each_element_read_at_b1_without_lexicon_findings(demo_content, key):
    parts = rows()[key]
    text = "\n\n".join(dutch for dutch, _english in parts["statements"] + parts["questions"])
    result = check_text(text)
    assert [finding.match for finding in result.findings] == []
    assert result.readability.meets_b1, (key, result.readability.score)
