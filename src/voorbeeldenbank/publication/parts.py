"""An edition's PDF, laid out part by part so memory stays bounded, then joined into one.

WeasyPrint holds every laid-out page until it writes the PDF (about 1 MB per page), so one
2,500-page document needs gigabytes. Here the edition is split into parts: the front (cover and
contents), the opening chapters, the examples a few dozen at a time, and the closing chapters.
Each part is laid out, written to a temporary file and dropped before the next one starts.

What a single document would work out by itself is carried over between parts:
- page numbers continue: each part starts its page counter where the previous one ended;
- the contents need every chapter's and example's page number, so the front is laid out first
  with placeholder numbers (to learn how many pages it takes), and again at the end with the
  real numbers, which the other parts reported through their anchors;
- links to an anchor in another part are written as `pdfjoin.PART_LINK` URIs, which
  `pdfjoin.join` turns back into links inside the one PDF.
"""

import gc
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from . import pdfjoin, render

# Examples per part: about 250 pages, a few hundred MB while laid out.
EXAMPLES_PER_PART = 50
Progress = Callable[[int, int], None]

ID = re.compile(r'\bid="([^"]+)"')
FRAGMENT_LINK = re.compile(r'\bhref="#([^"]+)"')


@dataclass
class Part:
    kind: str  # front | opening | examples | closing (the template's sections)
    examples: list[dict] = field(default_factory=list)
    first_page: int = 1
    # Bookmarks at the top of this part's own outline have this level in the edition's outline.
    outline_level: int = 1


def plan(context: dict, examples_per_part: int = EXAMPLES_PER_PART) -> list[Part]:
    """The parts of an edition, in order."""
    entries = context["examples"]
    chunks = [
        entries[start : start + examples_per_part]
        for start in range(0, len(entries), max(1, examples_per_part))
    ]
    return [
        Part("front"),
        Part("opening"),
        *(Part("examples", examples=chunk, outline_level=2) for chunk in chunks),
        Part("closing"),
    ]


def edition_pdf(
    context: dict,
    *,
    progress: Progress | None = None,
    examples_per_part: int = EXAMPLES_PER_PART,
) -> tuple[bytes, int]:
    """The edition as one tagged PDF, and its page count."""
    from weasyprint.text.fonts import FontConfiguration

    parts = plan(context, examples_per_part)
    total = len(parts)
    fonts = FontConfiguration()
    report = progress or (lambda done, total: None)
    with tempfile.TemporaryDirectory(prefix="editie-") as folder:
        paths = [Path(folder) / f"deel-{index:03}.pdf" for index in range(total)]
        front, body = parts[0], parts[1:]
        report(0, total)
        placeholders = _placeholders(context)
        front_pages = _page_count(render.render_part_html(context, front, placeholders), fonts)
        for _attempt in range(2):
            numbers = _lay_out_body(context, body, paths[1:], front_pages, fonts, report, total)
            pages = _write_front(context, front, numbers, front_pages, paths[0], fonts)
            if pages == front_pages:
                break
            # The real numbers made the contents longer than the placeholders did (not seen in
            # practice): lay out the rest again after the longer contents.
            front_pages = pages
        else:
            raise RuntimeError(_("De inhoudsopgave bleef van lengte veranderen."))
        report(total, total)
        output = Path(folder) / "editie.pdf"
        page_count = pdfjoin.join(
            paths, output, outline_levels=[part.outline_level for part in parts]
        )
        return output.read_bytes(), page_count


def _lay_out_body(
    context: dict,
    body: list[Part],
    paths: list[Path],
    first_page: int,
    fonts: Any,
    report: Progress,
    total: int,
) -> dict[str, int]:
    """Lay out and write every part after the front; return each anchor's page number."""
    numbers: dict[str, int] = {}
    page = first_page + 1
    for index, (part, path) in enumerate(zip(body, paths, strict=True), start=1):
        part.first_page = page
        html = _link_across_parts(render.render_part_html(context, part))
        document = render.layout(html, font_config=fonts)
        for offset, laid_out in enumerate(document.pages):
            for anchor in laid_out.anchors:
                numbers.setdefault(anchor, page + offset)
        page += len(document.pages)
        path.write_bytes(render.write_pdf(document))
        # Drop this part's pages before laying out the next: that is the point of parts.
        del document
        gc.collect()
        report(index, total)
    return numbers


def _write_front(
    context: dict, front: Part, numbers: dict[str, int], pages: int, path: Path, fonts: Any
) -> int:
    """Lay out the cover and contents with the real page numbers; pad to `pages` pages so the
    numbers the other parts already carry stay right."""
    html = _link_across_parts(render.render_part_html(context, front, numbers))
    document = render.layout(html, font_config=fonts)
    if len(document.pages) < pages:
        # Shorter numbers can shorten the contents: blank pages keep the others' numbering,
        # as printed reports leave a page blank before a chapter.
        blank = '<div class="blank-page" aria-hidden="true"></div>' * (pages - len(document.pages))
        document = render.layout(html.replace("</body>", f"{blank}</body>"), font_config=fonts)
    if len(document.pages) == pages:
        path.write_bytes(render.write_pdf(document))
    return len(document.pages)


def _page_count(html: str, fonts: Any) -> int:
    return len(render.layout(_link_across_parts(html), font_config=fonts).pages)


def _placeholders(context: dict) -> dict[str, str]:
    """Page numbers as wide as the real ones will be, for the first layout of the contents."""
    estimate = 100 + 8 * len(context["examples"])
    widest = "8" * len(str(estimate))
    anchors = ["visie", "kwadrant", "interviews", "voorbeelden", "elementenmatrix"]
    anchors += ["verbeterthemas", "colofon"]
    anchors += [chapter["anchor"] for chapter in context["intro_chapters"]]
    if context.get("closing_chapter"):
        anchors.append(context["closing_chapter"]["anchor"])
    anchors += [entry["anchor"] for entry in context["examples"]]
    return dict.fromkeys(anchors, widest)


def _link_across_parts(html: str) -> str:
    """Links to anchors that are not in this part point to the part link scheme instead."""
    own = set(ID.findall(html))

    def replace(match: re.Match[str]) -> str:
        if match[1] in own:
            return match[0]
        return f'href="{pdfjoin.PART_LINK}{match[1]}"'

    return FRAGMENT_LINK.sub(replace, html)
