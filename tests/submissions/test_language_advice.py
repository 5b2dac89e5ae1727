"""Language advice on the review step: shown when the lexicon is there, never blocking."""

import pytest

from voorbeeldenbank.submissions import lexicon as adapter
from voorbeeldenbank.submissions.constants import State

pytestmark = pytest.mark.django_db

check = pytest.importorskip("voorbeeldenbank.lexicon.check")


def finding(text: str, word: str):
    start = text.index(word)
    return check.Finding(
        start=start,
        end=start + len(word),
        match=word,
        term=word,
        category="problematiseren",
        category_label="Problematiserend",
        alternatives=["vraag"],
        explanation="Maakt van een gewone vraag een probleem.",
        slug="probleemgezin",
    )


@pytest.fixture
def fake_lexicon(monkeypatch):
    def check_text(text):
        found = [finding(text, "probleemgezin")] if "probleemgezin" in text else []
        return type("Result", (), {"findings": found})()

    monkeypatch.setattr(check, "check_text", check_text)


def test_the_adapter_returns_findings_per_section(fake_lexicon):
    advice = adapter.language_advice(
        {"summary": "Voor elk probleemgezin een buddy.", "for_whom": "Ouders."}
    )
    assert [str(section["label"]) for section in advice] == ["In een notendop"]
    assert advice[0]["findings"][0].match == "probleemgezin"


def test_the_review_step_shows_advice_but_submitting_still_works(submitter, fake_lexicon):
    submission = submitter.submission
    submission.content["summary"] = "Voor elk probleemgezin een buddy."
    submission.save()
    text = submitter.client.get(submitter.url("review")).content.decode()
    assert "Taaladvies" in text
    assert "Maakt van een gewone vraag een probleem." in text
    submitter.client.post(submitter.url("submit"))
    submission.refresh_from_db()
    assert submission.state == State.INGEDIEND


def test_no_advice_section_when_nothing_is_found(submitter, fake_lexicon):
    assert "Taaladvies" not in submitter.client.get(submitter.url("review")).content.decode()
