"""Load the starter lexicon (demo_content/lexicon.json) and the allowed names
(demo_content/allowed_names.json) into the database (idempotent)."""

import json
from pathlib import Path

from django.db import transaction

from .models import AllowedName, LexiconEntry

LEXICON_FILE = Path(__file__).resolve().parent / "demo_content" / "lexicon.json"
ALLOWED_NAMES_FILE = LEXICON_FILE.with_name("allowed_names.json")
FIELDS = (
    "term",
    "category",
    "alternatives",
    "explanation",
    "example_before",
    "example_after",
    "source",
    "match_compounds",
    "variants",
    "advice_only",
    "not_near",
)


def read_rows() -> list[dict]:
    return json.loads(LEXICON_FILE.read_text(encoding="utf-8"))


def read_allowed_names() -> list[dict]:
    return json.loads(ALLOWED_NAMES_FILE.read_text(encoding="utf-8"))


def entry_values(row: dict) -> dict:
    values = {name: row.get(name, "") for name in FIELDS}
    values["variants"] = "\n".join(row.get("variants", []))
    values["alternatives"] = "\n".join(row["alternatives"])
    values["not_near"] = "\n".join(row.get("not_near", []))
    values["match_compounds"] = bool(row.get("match_compounds", True))
    values["advice_only"] = bool(row.get("advice_only", False))
    return values


def load_allowed_names() -> None:
    existing = {name.name: name for name in AllowedName.objects.all()}
    for row in read_allowed_names():
        allowed = existing.get(row["name"]) or AllowedName(name=row["name"])
        if allowed.pk and allowed.reason == row["reason"]:
            continue  # unchanged: saving would rebuild every process's index
        allowed.reason = row["reason"]
        allowed.save()


@transaction.atomic
def load_lexicon() -> list[LexiconEntry]:
    """Create missing entries and update changed ones, each with a revision for the history."""
    load_allowed_names()
    entries = []
    existing = {entry.term: entry for entry in LexiconEntry.objects.all()}
    for row in read_rows():
        values = entry_values(row)
        entry = existing.get(row["term"]) or LexiconEntry()
        if entry.pk and all(getattr(entry, name) == value for name, value in values.items()):
            entries.append(entry)
            continue
        for name, value in values.items():
            setattr(entry, name, value)
        entry.save()
        entry.save_revision(log_action=False)
        entries.append(entry)
    return entries
