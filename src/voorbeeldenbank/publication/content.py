"""What an edition of the report shows, gathered from published content only.

Everything here reads live, public examples (drafts and pages behind a view restriction never
appear) and prefetches every part of the format, so the number of queries does not grow with
the number of examples.
"""

import datetime
import re
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.query import PageQuerySet
from wagtail.rich_text import expand_db_html

from voorbeeldenbank.core.models import Element
from voorbeeldenbank.examples import bitmaps, related, semantic, tables
from voorbeeldenbank.examples.constants import ELEMENT_THRESHOLD
from voorbeeldenbank.examples.format import FORMAT
from voorbeeldenbank.examples.format.spec import Attr
from voorbeeldenbank.examples.models import (
    ExamplePage,
    Quote,
)
from voorbeeldenbank.examples.prefetch import public_format_parts

from .constants import INTRODUCTORY_CHAPTERS, ChapterKind
from .models import ReportChapter

TITLE = "Voorbeeldenbank Normaliseren"
# Editions are documents of record in the report's language, whatever the visitor's language.
EDITION_LANGUAGE = "nl"
# Opening and closing tags of h3–h6 in editor-written rich text.
HEADING = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)


def shift_headings(html: str, by: int, *, from_level: int = 1) -> str:
    """Move every heading of `from_level` and below `by` levels (kept within h1 to h6)."""

    def move(match: re.Match[str]) -> str:
        level = int(match[2])
        if level < from_level:
            return match[0]
        return f"<{match[1]}h{min(6, max(1, level + by))}"

    return HEADING.sub(move, html)


def anchor(page: ExamplePage) -> str:
    """The id of an example inside an edition; the table partials link to the same id."""
    return f"voorbeeld-{page.slug}"


def with_parts(examples: QuerySet[ExamplePage]) -> PageQuerySet:
    """Live public examples with every part of the format prefetched (one query per part).

    Only public contacts are fetched (examples/prefetch.py): the others must not reach a
    template at all.
    """
    pages = (
        examples
        if isinstance(examples, PageQuerySet)
        else ExamplePage.objects.filter(pk__in=examples.values("pk"))
    )
    return (
        pages.live()
        .public()
        # Start from a clean list: a caller's own prefetches of the same relations would clash.
        .prefetch_related(None)
        .prefetch_related(*public_format_parts())
    )


def example_entries(pages: Iterable[ExamplePage], elements: list[Element]) -> list[dict]:
    """Per example: the page and what its format needs, built from the prefetched parts."""
    entries = []
    for page in pages:
        present = {link.element_id: link for link in page.example_elements.all()}
        quotes: dict[str, list[Quote]] = {}
        for quote in page.quotes.all():
            key = f"element:{quote.element_id}" if quote.element_id else quote.section
            quotes.setdefault(key, []).append(quote)
        entries.append(
            {
                "page": page,
                "anchor": anchor(page),
                "elements": [
                    {
                        "element": element,
                        "link": present.get(element.pk),
                        "quotes": quotes.get(f"element:{element.pk}", []),
                    }
                    for element in elements
                ],
                "present_count": len(present),
                "absent": [element for element in elements if element.pk not in present],
                "quotes": quotes,
                "contacts": page.public_contacts,  # type: ignore[attr-defined]
                "has_deepening": any(
                    getattr(page, field.spec.store.name)
                    for field in FORMAT.in_section("verdieping")
                    if isinstance(field.spec.store, Attr)
                ),
            }
        )
    return entries


def add_related(entries: list[dict], elements: list[Element], limit: int = 5) -> None:
    """ "Lijkt op" per example, linking within the edition: only examples the edition holds.
    Both indexes are read once, so this adds no queries per example; the order depends only on
    the content (ties by title), so a rebuild of the same content gives the same edition."""
    snapshot, matrix = bitmaps.current(), semantic.current()
    by_id = {entry["page"].pk: entry for entry in entries}
    titles = {element.key: element.display_title for element in elements}
    for entry in entries:
        found = [
            item
            for item in related.ranked(entry["page"].pk, limit * 3, snapshot, matrix)
            if item.page_id in by_id
        ][:limit]
        entry["related"] = [
            {
                "title": by_id[item.page_id]["page"].title,
                "anchor": by_id[item.page_id]["anchor"],
                "reason": related.reason(
                    [related.SharedElement(key, titles.get(key, key)) for key in item.shared_keys]
                ),
                "shares_elements": bool(item.shared_keys),
            }
            for item in found
        ]


def improvement_themes(entries: list[dict]) -> list[dict]:
    """Each cross-cutting theme with the examples that name it, most named first."""
    themes: dict[int, dict[str, Any]] = {}
    for entry in entries:
        page = entry["page"]
        for point in page.improvements.all():
            if point.theme is None:
                continue
            theme = themes.setdefault(point.theme_id, {"theme": point.theme, "examples": {}})
            # An example that names a theme twice counts once; dict keeps the examples' order.
            theme["examples"][page.pk] = page
    for theme in themes.values():
        theme["examples"] = list(theme["examples"].values())
        theme["count"] = len(theme["examples"])
    # Ties keep the editors' order of the themes, so the list is stable between editions.
    return sorted(
        themes.values(), key=lambda t: (-t["count"], t["theme"].sort_order, t["theme"].title)
    )


def chapter_entry(chapter: ReportChapter) -> dict:
    """A chapter with its rich text as HTML. Editors write subheadings as h3 (the site's level);
    in an edition the chapter title is an h1, so they move up one level: PDF/UA does not allow
    skipped heading levels."""
    html = shift_headings(expand_db_html(chapter.body), -1, from_level=3)
    return {
        "chapter": chapter,
        "title": chapter.title,
        "anchor": f"hoofdstuk-{chapter.kind}",
        "html": mark_safe(html),
    }


def chapters() -> tuple[list[dict], dict | None]:
    """The introductory chapters in the report's order (missing ones skipped), and the closing."""
    by_kind = {chapter.kind: chapter for chapter in ReportChapter.objects.all()}
    intro = [chapter_entry(by_kind[kind]) for kind in INTRODUCTORY_CHAPTERS if kind in by_kind]
    closing = by_kind.get(ChapterKind.SLOT)
    return intro, chapter_entry(closing) if closing else None


def edition_context(
    *,
    number: int | None,
    published_on: datetime.date,
    examples: QuerySet[ExamplePage] | None = None,
    release_note: str = "",
) -> dict:
    """Everything an edition shows. `number` None is a proof (proefdruk), not an edition.

    `examples` narrows the examples (benchmarks pass synthetic ones); it is always filtered to
    live, public pages. The three overview tables are the website's and cover all live examples.
    """
    if examples is None:
        examples = ExamplePage.objects.all()
    with translation.override(EDITION_LANGUAGE):
        elements = list(Element.objects.all())
        entries = example_entries(with_parts(examples).order_by("title"), elements)
        add_related(entries, elements)
        intro, closing = chapters()
        edition_label = (
            _("Editie %(number)s") % {"number": number} if number is not None else _("Proefdruk")
        )
        subtitle = _("Praktijkvoorbeelden van normaliseren in de zorg voor jeugd")
    return {
        "language": EDITION_LANGUAGE,
        "title": TITLE,
        "subtitle": subtitle,
        "number": number,
        "edition_label": edition_label,
        "published_on": published_on,
        "release_note": release_note,
        "intro_chapters": intro,
        "closing_chapter": closing,
        "elements": elements,
        "quadrant": tables.quadrant(),
        "interviews": tables.interviews(),
        "matrix": tables.matrix(),
        "examples": entries,
        "themes": improvement_themes(entries),
        "element_threshold": ELEMENT_THRESHOLD,
        "colophon": colophon(),
    }


def colophon() -> dict[str, str]:
    return {
        "site_name": getattr(settings, "WAGTAIL_SITE_NAME", TITLE),
        "licence_name": settings.CONTENT_LICENCE_NAME,
        "licence_url": settings.CONTENT_LICENCE_URL,
    }


def living_url(page: ExamplePage) -> str:
    """The page's public address (BASE_URL), where the newest version always is."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    return settings.BASE_URL + parts[2]


def content_date_of(page: ExamplePage) -> datetime.datetime | None:
    """When the content shown was published: the live revision's date, not when a PDF of it
    happens to be made."""
    published = page.last_published_at
    if published is None and page.live_revision_id:
        published = page.live_revision.created_at
    return timezone.localtime(published) if published else None


def single_example_context(page: ExamplePage) -> dict:
    """What a PDF of one example shows; the page must be live and public (else LookupError)."""
    elements = list(Element.objects.all())
    pages = list(with_parts(ExamplePage.objects.filter(pk=page.pk)))
    if not pages:
        raise LookupError(page.pk)
    content_date = content_date_of(pages[0])
    return {
        "language": EDITION_LANGUAGE,
        "title": pages[0].title,
        "page_url": living_url(pages[0]),
        "content_date": content_date,
        # W3C date-time for the PDF's metadata (WeasyPrint reads dcterms.created/modified).
        "content_date_iso": content_date.replace(microsecond=0).isoformat() if content_date else "",
        "site_title": TITLE,
        "entry": example_entries(pages, elements)[0],
        "element_threshold": ELEMENT_THRESHOLD,
        "colophon": colophon(),
    }
