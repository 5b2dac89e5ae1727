"""Load the starter lexicon (demo_content/lexicon.json) into the database (idempotent)."""

import json
from pathlib import Path

from django.db import transaction

from .models import LexiconEntry

LEXICON_FILE = Path(__file__).resolve().parent / "demo_content" / "lexicon.json"
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
)


def read_rows() -> list[dict]:
    return json.loads(LEXICON_FILE.read_text(encoding="utf-8"))


def entry_values(row: dict) -> dict:
    values = {name: row.get(name, "") for name in FIELDS}
    values["variants"] = "\n".join(row.get("variants", []))
    values["alternatives"] = "\n".join(row["alternatives"])
    values["match_compounds"] = bool(row.get("match_compounds", True))
    return values


@transaction.atomic
def load_lexicon() -> list[LexiconEntry]:
    """Create missing entries and update changed ones, each with a revision for the history."""
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
