"""The one PDF wrapper: Django templates to HTML, and HTML to tagged PDF (PDF/UA-1) with WeasyPrint.

WeasyPrint is imported inside the functions: it loads Pango and fonts, which web requests that
never make a PDF should not pay for.
"""

from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from voorbeeldenbank.examples.models import ExamplePage

from .content import EDITION_LANGUAGE, shift_headings, single_example_context

STYLESHEET = "css/edition-print.css"
PDF_VARIANT = "pdf/ua-1"
# The cover (publication/_cover.html) opens the edition and holds its title.
COVER = '<header class="cover" id="omslag">'


def stylesheet() -> SafeString:
    """The edition's CSS, inlined: an edition's HTML file must look the same in ten years, so it
    cannot depend on whatever the site serves under /static/ by then."""
    path = finders.find(STYLESHEET)
    if not path:
        raise ImproperlyConfigured(f"Stylesheet {STYLESHEET} not found by the static finders.")
    # Our own file; inside <style> it must not be HTML-escaped.
    return mark_safe(Path(path).read_text(encoding="utf-8"))


def render_edition_html(context: dict, *, for_pdf: bool) -> str:
    """The whole edition as one HTML document: the web version, or the source of the PDF.

    The PDF keeps an h1 per chapter: its bookmarks and running headers come from them. A web
    page has one h1, the title on the cover; everything after the cover moves down a level.
    """
    with translation.override(context.get("language", EDITION_LANGUAGE)):
        html = render_to_string(
            "publication/edition.html",
            {**context, "for_pdf": for_pdf, "stylesheet": stylesheet()},
        )
    if for_pdf:
        return html
    cover_end = html.index("</header>", html.index(COVER))
    return html[:cover_end] + shift_headings(html[cover_end:], 1)


def layout(html: str, *, base_url: str | None = None, font_config: Any = None) -> Any:
    """Lay out HTML as pages (a WeasyPrint Document), ready to be written as tagged PDF."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # Everything an edition needs is inline; never let rendering reach out to the network
    # (a link in editor-written text must not turn into a request from the server).
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
        pdf_variant=PDF_VARIANT, font_config=font_config
    )


def write_pdf(document: Any) -> bytes:
    """The laid-out document as tagged PDF/UA-1, fonts embedded (subsetted)."""
    return document.write_pdf(pdf_variant=PDF_VARIANT, custom_metadata=True)


def html_to_pdf(html: str, *, base_url: str | None = None) -> tuple[bytes, int]:
    """A tagged PDF/UA-1 of the HTML, with its page count."""
    document = layout(html, base_url=base_url)
    return write_pdf(document), len(document.pages)


def render_part_html(context: dict, part: Any, page_numbers: dict[str, Any] | None = None) -> str:
    """One part of the edition's PDF (see parts.py) as an HTML document."""
    with translation.override(context.get("language", EDITION_LANGUAGE)):
        return render_to_string(
            "publication/edition_part.html",
            {
                **context,
                "part": part,
                "page_numbers": page_numbers,
                "for_pdf": True,
                "stylesheet": stylesheet(),
            },
        )


def render_example_html(page: ExamplePage, *, for_pdf: bool = True) -> str:
    context = single_example_context(page)
    with translation.override(context["language"]):
        return render_to_string(
            "publication/example.html",
            {**context, "for_pdf": for_pdf, "stylesheet": stylesheet()},
        )


def example_pdf(page: ExamplePage) -> bytes:
    """One example in the report's format, as a tagged PDF (the download on its page)."""
    pdf, _pages = html_to_pdf(render_example_html(page))
    return pdf
