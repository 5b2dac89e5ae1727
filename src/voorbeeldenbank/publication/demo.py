"""Demo content of the publication app: the report's chapters, and a first edition built from
the demo examples, so that a fresh install has a report to download (both idempotent)."""

import json
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

from .builder import BuildAlreadyRunning, run_build, start_build
from .constants import BuildStatus
from .models import Edition, ReportChapter

CHAPTERS_FILE = Path(__file__).resolve().parent / "demo_content" / "chapters.json"
FIRST_EDITION_NOTE = (
    "De eerste editie, samengesteld uit de voorbeelden waarmee de voorbeeldenbank begint."
)


def load_chapters() -> list[ReportChapter]:
    """Create or update one chapter per kind from the demo texts."""
    chapters = []
    for row in json.loads(CHAPTERS_FILE.read_text(encoding="utf-8")):
        chapter, _created = ReportChapter.objects.update_or_create(
            kind=row["kind"], defaults={"title": row["title"], "body": row["body"]}
        )
        chapters.append(chapter)
    return chapters


def load_first_edition(log: Callable[[str], None] = lambda message: None) -> Edition | None:
    """Build edition 1 in this process when there is no edition yet; the newest otherwise.

    Skipped when `DEMO_BUILD_EDITION` is off (the test settings: a build takes seconds) or
    while another build runs. A build that fails is logged and leaves no edition behind.
    """
    existing = Edition.objects.order_by("-number").first()
    if existing is not None or not settings.DEMO_BUILD_EDITION:
        return existing
    try:
        build = start_build(None, release_note=FIRST_EDITION_NOTE)
    except BuildAlreadyRunning:
        log("edition: another build is running, none built")
        return None
    log("edition 1: building (PDF and web version)")
    build = run_build(build.pk)
    if build.status != BuildStatus.DONE or build.edition is None:
        log(f"edition 1 not built: {build.error}")
        return None
    log(f"edition {build.edition.number}: {build.edition.page_count} pages")
    return build.edition
