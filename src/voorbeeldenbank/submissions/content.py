"""Helpers around the content dict (shape: docs/submissions.md): cleaning, completeness, merging."""

from __future__ import annotations

import html
from typing import Any

import nh3
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from voorbeeldenbank.core.constants import ELEMENT_KEYS
from voorbeeldenbank.core.models import Element

# What must be filled before "indienen"; the rest may stay empty.
REQUIRED: dict[str, Promise] = {
    "title": _("naam van het voorbeeld"),
    "kind": _("soort"),
    "formality": _("informeel of formeel"),
    "scale": _("individueel of collectief"),
    "summary": _("in een notendop"),
}


def clean_text(value: Any) -> str:
    """Plain text only: drop any markup (script content included) and keep the words."""
    if value is None:
        return ""
    cleaned = nh3.clean(str(value), tags=set())
    # nh3 escapes what it keeps; we store plain text and escape on output instead.
    return html.unescape(cleaned).replace("\x00", "").strip()


def threshold_rule(threshold: int, total: int) -> str:
    """How many elements an example shows: said in these words on the site and in the Word
    template, so that neither promises what the other does not."""
    return _(
        "De voorbeelden in de bank laten minstens %(threshold)d van de %(total)d elementen van "
        "de visie zien, elk aanwezig én toegelicht. Heeft uw voorbeeld er minder, dan kunt u het "
        "toch insturen; de redactie kijkt er dan extra naar. Het aantal elementen is geen cijfer "
        "voor de kwaliteit: wat past, hangt af van de doelgroep en de situatie."
    ) % {"threshold": threshold, "total": total}


def missing_required(content: dict[str, Any]) -> list[Promise]:
    missing = [label for key, label in REQUIRED.items() if not content.get(key)]
    approver = content.get("approver") or {}
    if not approver.get("email"):
        missing.append(_("e-mailadres van de contactpersoon die goedkeurt"))
    return missing


def is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | dict):
        return not any(
            not is_empty(item) for item in (value.values() if isinstance(value, dict) else value)
        )
    return False


def merge(current: dict[str, Any], incoming: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Fill empty fields of `current` from `incoming`; never overwrite what was typed.

    Returns the merged content and the keys where both had a different value (conflicts).
    """
    merged = dict(current)
    conflicts: list[str] = []
    for key, value in incoming.items():
        if is_empty(value):
            continue
        mine = merged.get(key)
        if isinstance(value, dict) and isinstance(mine, dict):
            sub, sub_conflicts = merge(mine, value)
            merged[key] = sub
            conflicts.extend(f"{key}.{name}" for name in sub_conflicts)
        elif is_empty(mine):
            merged[key] = value
        elif mine != value:
            conflicts.append(key)
    return merged, conflicts


def element_rows(content: dict[str, Any]) -> list[dict[str, Any]]:
    """The eight elements in the vision's order, with what the submitter said about each."""
    elements = content.get("elements") or {}
    titles = {element.key: element for element in Element.objects.all()}
    rows = []
    for key in ELEMENT_KEYS:
        entry = elements.get(key) or {}
        explanation = str(entry.get("explanation") or "")
        rows.append(
            {
                "key": key,
                "element": titles.get(key),
                "present": bool(entry.get("present")),
                "explanation": explanation,
                "explained": bool(entry.get("present")) and bool(explanation.strip()),
            }
        )
    return rows
