"""Language advice on the submission: the lexicon's findings, advice only, never blocking."""

from __future__ import annotations

from typing import Any

from voorbeeldenbank.lexicon import check

from .draft import checked_texts, draft_of


def language_advice(content: dict[str, Any]) -> list[dict[str, Any]]:
    """Per text the language check reads (the format's `checked` fields), its findings."""
    advice = []
    for label, text in checked_texts(draft_of(content)):
        findings = list(check.check_text(text).findings)
        if findings:
            advice.append({"label": label, "findings": findings})
    return advice
