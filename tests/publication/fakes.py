"""A stand-in for the renderer, for tests about the build workflow rather than the PDF.

A real WeasyPrint render takes seconds; the workflow tests only need something PDF-shaped.
"""

from typing import Any

import pytest

from voorbeeldenbank.publication import builder, content, parts, render
from voorbeeldenbank.publication.models import EditionBuild

FAKE_PDF = b"%PDF-1.7\n% a stand-in edition for tests\n%%EOF\n"
FAKE_PAGES = 7
FAKE_PARTS = 3


def use_fake_renderer(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Replace the renderer's entry points (content, web HTML, PDF); returns their calls."""
    calls: dict[str, Any] = {"html": [], "pdf": 0}

    def edition_context(*, number, published_on, examples=None, release_note="") -> dict:
        calls["context"] = {
            "number": number,
            "published_on": published_on,
            "release_note": release_note,
        }
        calls["slugs"] = [page.slug for page in examples] if examples is not None else None
        return {"number": number, "published_on": published_on}

    def render_edition_html(context: dict, *, for_pdf: bool) -> str:
        calls["html"].append(for_pdf)
        return f"<!DOCTYPE html><html lang='nl'><title>Editie {context['number']}</title></html>"

    def edition_pdf(context: dict, *, progress=None, **options: Any) -> tuple[bytes, int]:
        calls["pdf"] += 1
        if progress is not None:
            for done in range(FAKE_PARTS + 1):
                progress(done, FAKE_PARTS)
        return FAKE_PDF, FAKE_PAGES

    monkeypatch.setattr(content, "edition_context", edition_context)
    monkeypatch.setattr(render, "render_edition_html", render_edition_html)
    monkeypatch.setattr(parts, "edition_pdf", edition_pdf)
    return calls


def build_edition_now(user: Any = None, *, dry_run: bool = False) -> EditionBuild:
    """Start and run a build in this process, as `manage.py build_edition` does."""
    build = builder.start_build(user, dry_run=dry_run)
    return builder.run_build(build.pk)
