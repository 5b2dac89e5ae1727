"""The demo edition as a real PDF, rendered once per test run (a few seconds) and shared by the
tests that read it with poppler-utils and pikepdf."""

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from voorbeeldenbank.core import demo
from voorbeeldenbank.examples.models import ExamplePage
from voorbeeldenbank.publication import content, parts

PUBLISHED_ON = date(2026, 3, 5)
# Small parts, so the 13 demo examples span four of them and joining the parts is exercised.
EXAMPLES_PER_PART = 4


def poppler(tool: str, *args: str) -> str:
    """Run a poppler-utils tool; a missing tool fails the test (it must not pass unchecked)."""
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is not installed: install the Debian package poppler-utils")
    result = subprocess.run([tool, *args], capture_output=True, check=True, text=True)
    return result.stdout


def live_titles() -> list[str]:
    return list(
        ExamplePage.objects.live().public().order_by("title").values_list("title", flat=True)
    )


@pytest.fixture(scope="session")
def edition_pdf(django_db_setup, django_db_blocker, tmp_path_factory) -> dict:
    progress: list[tuple[int, int]] = []
    with django_db_blocker.unblock():
        if not ExamplePage.objects.exists():
            demo.load()
        titles = live_titles()
        context = content.edition_context(number=1, published_on=PUBLISHED_ON)
        pdf, pages = parts.edition_pdf(
            context,
            examples_per_part=EXAMPLES_PER_PART,
            progress=lambda done, total: progress.append((done, total)),
        )
    path: Path = tmp_path_factory.mktemp("edition") / "editie-1.pdf"
    path.write_bytes(pdf)
    return {"path": str(path), "bytes": pdf, "pages": pages, "titles": titles, "progress": progress}
