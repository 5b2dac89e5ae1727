"""Demo texts for the report's chapters around the examples (idempotent)."""

import json
from pathlib import Path

from .models import ReportChapter

CHAPTERS_FILE = Path(__file__).resolve().parent / "demo_content" / "chapters.json"


def load_chapters() -> list[ReportChapter]:
    """Create or update one chapter per kind from the demo texts."""
    chapters = []
    for row in json.loads(CHAPTERS_FILE.read_text(encoding="utf-8")):
        chapter, _created = ReportChapter.objects.update_or_create(
            kind=row["kind"], defaults={"title": row["title"], "body": row["body"]}
        )
        chapters.append(chapter)
    return chapters
