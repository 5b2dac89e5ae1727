"""Language advice from the lexicon app, when that app is installed; advice only, never blocking."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.utils.translation import gettext_lazy as _

TEXT_SECTIONS = (
    ("summary", _("In een notendop")),
    ("for_whom", _("Voor wie?")),
    ("by_whom", _("Door wie?")),
    ("what_is_needed", _("Wat is er nodig?")),
    ("deepening", _("Verdieping")),
)


def language_advice(content: dict[str, Any]) -> list[dict[str, Any]]:
    """Per text section the lexicon's findings; [] when the lexicon is not available."""
    if not apps.is_installed("voorbeeldenbank.lexicon"):
        return []
    try:
        from voorbeeldenbank.lexicon.check import check_text
    except ImportError:
        return []
    advice = []
    for key, label in TEXT_SECTIONS:
        text = str(content.get(key) or "")
        if not text.strip():
            continue
        findings = list(getattr(check_text(text), "findings", []) or [])
        if findings:
            advice.append({"label": label, "findings": findings})
    return advice
