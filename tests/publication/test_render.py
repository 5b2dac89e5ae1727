"""The edition as HTML and as PDF: what it contains, in what order, and what it never shows.

The PDF is rendered once for this module (a few seconds) and checked with poppler-utils, the
way a reader's PDF viewer would see it: pages, tags, fonts, text and bookmarks.
"""

import datetime
import html
import itertools
import re
import xml.etree.ElementTree as ET

import pikepdf
import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from tests.factories import ExamplePageFactory
from tests.publication.conftest import PUBLISHED_ON, poppler
from voorbeeldenbank.examples import bitmaps, semantic
from voorbeeldenbank.examples.constants import FormatSection, SpeakerRole
from voorbeeldenbank.examples.models import (
    EditorialNote,
    ExampleContact,
    ExamplePage,
    ImprovementPoint,
    InterviewRecord,
    Quote,
)
from voorbeeldenbank.publication import content, parts, render
from voorbeeldenbank.publication.constants import INTRODUCTORY_CHAPTERS, ChapterKind
from voorbeeldenbank.publication.models import ReportChapter

pytestmark = pytest.mark.django_db


def edition_html(*, number: int | None = 1, for_pdf: bool = False) -> str:
    context = content.edition_context(number=number, published_on=PUBLISHED_ON)
    return render.render_edition_html(context, for_pdf=for_pdf)


# The HTML ------------------------------------------------------------------------------------


def test_it_contains_every_live_example_once_in_order_and_no_drafts(demo_content):
    draft = ExamplePageFactory(title="Conceptvoorbeeld Zwaluw", slug="concept-zwaluw", draft=True)
    page = edition_html()
    positions = []
    for example in demo_content:
        assert page.count(f'id="voorbeeld-{example.slug}"') == 1, example.slug
        positions.append(page.index(f'id="voorbeeld-{example.slug}"'))
    assert positions == sorted(positions)
    assert draft.title not in page
    assert f"voorbeeld-{draft.slug}" not in page
    assert page.count("Terug naar inhoud") == len(demo_content)


def test_the_sections_follow_the_reports_order(demo_content):
    page = edition_html()
    anchors = [
        'id="omslag"',
        'id="inhoud"',
        *[f'id="hoofdstuk-{kind}"' for kind in INTRODUCTORY_CHAPTERS],
        'id="visie"',
        'id="kwadrant"',
        'id="interviews"',
        'id="voorbeelden"',
        'id="elementenmatrix"',
        'id="hoofdstuk-slot"',
        'id="verbeterthemas"',
        'id="colofon"',
    ]
    positions = [page.index(anchor) for anchor in anchors]
    assert positions == sorted(positions)
    assert '<html lang="nl">' in page


def test_the_three_tables_and_the_chart_are_the_websites(demo_content, client):
    page = edition_html()
    for slug, table in (
        ("kwadrant", "quadrant"),
        ("interviews", "interviews"),
        ("elementenmatrix", "matrix"),
    ):
        website = client.get(f"/{slug}/").content.decode()
        # Links differ on purpose (the edition links to its own copy of each example).
        pattern = re.compile(rf'<table class="{table}">.*?</table>', re.DOTALL)
        in_edition = re.sub(r'href="[^"]*"', "", pattern.search(page)[0])
        on_site = re.sub(r'href="[^"]*"', "", pattern.search(website)[0])
        assert in_edition == on_site
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg"') == 1
    assert 'href="#voorbeeld-pinkies"' in page


def test_it_never_shows_private_contacts_notes_or_interview_records(demo_content):
    record = InterviewRecord.objects.first()
    record.note = "Interviewnotitie alleen voor de redactie"
    record.save()
    private = list(ExampleContact.objects.filter(is_public=False))
    notes = list(EditorialNote.objects.values_list("text", flat=True))
    assert private
    assert notes
    page = html.unescape(edition_html())
    for contact in private:
        assert contact.email not in page
        if contact.name:
            assert contact.name not in page
    for note in notes:
        assert note not in page
    assert record.note not in page


def test_it_shows_public_contacts_and_quotes(demo_content):
    example = ExamplePage.objects.get(slug="ease")
    element_link = example.example_elements.first()
    Quote.objects.create(
        page=example,
        text="Hier mocht ik gewoon zijn.",
        speaker_role=SpeakerRole.JONGERE,
        section=FormatSection.ELEMENTEN,
        element=element_link.element,
    )
    public = ExampleContact.objects.filter(is_public=True, page=example).first()
    page = html.unescape(edition_html())
    assert "Hier mocht ik gewoon zijn." in page
    assert public.url in page


def test_the_improvement_themes_are_counted_from_live_examples(demo_content):
    draft = ExamplePageFactory(draft=True)
    context = content.edition_context(number=1, published_on=PUBLISHED_ON)
    counts = [item["count"] for item in context["themes"]]
    assert counts
    assert counts == sorted(counts, reverse=True)
    for item in context["themes"]:
        expected = (
            ImprovementPoint.objects.filter(theme=item["theme"], page__live=True)
            .exclude(page=draft)
            .values("page")
            .distinct()
            .count()
        )
        assert item["count"] == expected == len(item["examples"])


def test_chapters_come_in_the_reports_order_and_missing_ones_are_skipped(demo_content):
    ReportChapter.objects.filter(kind=ChapterKind.DOEL).delete()
    context = content.edition_context(number=1, published_on=PUBLISHED_ON)
    kinds = [chapter["chapter"].kind for chapter in context["intro_chapters"]]
    assert kinds == [kind for kind in INTRODUCTORY_CHAPTERS if kind != ChapterKind.DOEL]
    assert context["closing_chapter"]["chapter"].kind == ChapterKind.SLOT
    # Editors' h3 subheadings sit under the chapter's h1 in an edition, so they become h2.
    method = next(c for c in context["intro_chapters"] if c["chapter"].kind == ChapterKind.METHODE)
    assert "<h2" in method["html"]
    assert "<h3" not in method["html"]


def heading_levels(html_text: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])\b", html_text)]


def test_the_web_version_has_one_h1_and_no_skipped_levels(demo_content):
    web = edition_html()

    levels = heading_levels(web)
    assert levels.count(1) == 1
    assert re.search(r'<h1 class="cover__title">[^<]*</h1>', web)
    assert levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, (before, after)
    # Chapters, the examples and their sections moved down one level, closing tags alike.
    assert '<h2 id="visie-titel">' in web
    assert '<h3 class="example__title" id="voorbeeld-pinkies-titel">' in web
    assert len(re.findall(r"<h(\d)\b", web)) == len(re.findall(r"</h(\d)>", web))
    for opening, closing in re.findall(r"<h(\d)\b[^>]*>[^<]*</h(\d)>", web):
        assert opening == closing


def test_the_pdf_keeps_a_chapter_h1_for_its_bookmarks(demo_content):
    levels = heading_levels(edition_html(for_pdf=True))

    assert levels.count(1) > 10


def test_a_proof_has_no_number(demo_content):
    page = edition_html(number=None)
    assert "Proefdruk" in page
    assert "Editie 1" not in page


def test_the_release_note_is_printed_in_the_colophon(demo_content, tmp_path):
    note = "Drie nieuwe voorbeelden uit Drenthe.\n\nDe matrix telt nu ook de citaten."
    context = content.edition_context(number=2, published_on=PUBLISHED_ON, release_note=note)
    closing = next(part for part in parts.plan(context) if part.kind == "closing")
    path = tmp_path / "slot.pdf"
    html = render.render_part_html(context, closing)
    path.write_bytes(render.html_to_pdf(html)[0])

    assert "<dt>Over deze editie</dt>" in html[html.index('id="colofon"') :]
    text = " ".join(poppler("pdftotext", str(path), "-").split())
    colophon = text[text.rindex("Titel Voorbeeldenbank") :]
    # The label is not hyphenated in its narrow column.
    assert "Over deze editie" in colophon
    assert "Drie nieuwe voorbeelden uit Drenthe." in colophon
    assert "De matrix telt nu ook de citaten." in colophon
    # Without a note the colophon has no empty heading for it.
    assert "Over deze editie" not in edition_html(number=2)


def test_the_number_of_queries_does_not_grow_with_the_examples(demo_content):
    def queries() -> int:
        # The in-memory indexes ("Lijkt op") are rebuilt once per catalogue version, not per
        # example: load them before counting.
        bitmaps.current(), semantic.current()
        with CaptureQueriesContext(connection) as captured:
            content.edition_context(number=1, published_on=PUBLISHED_ON)
        return len(captured)

    before = queries()
    for _ in range(3):
        ExamplePageFactory(elements=("steun_informeel", "gelijkwaardigheid"))
    assert queries() == before


# The PDF -------------------------------------------------------------------------------------


def test_the_pdf_is_a_tagged_pdf_ua_on_a4(edition_pdf):
    info = poppler("pdfinfo", edition_pdf["path"])
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)[1])
    assert pages == edition_pdf["pages"] > 13
    assert re.search(r"^Tagged:\s+yes", info, re.MULTILINE)
    assert "(A4)" in info
    assert "Voorbeeldenbank Normaliseren" in re.search(r"^Title:.*$", info, re.MULTILINE)[0]
    assert 'pdfuaid:part="1"' in poppler("pdfinfo", "-meta", edition_pdf["path"])


def test_every_font_in_the_pdf_is_embedded(edition_pdf):
    lines = poppler("pdffonts", edition_pdf["path"]).splitlines()
    fonts = lines[2:]  # after the header and the dashes
    assert fonts
    for line in fonts:
        # name, type (one or two words), encoding, then emb sub uni as yes/no.
        flags = re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line)
        assert flags, line
        assert flags[1] == "yes", line


def test_the_pdf_text_has_every_example_and_the_way_back(edition_pdf):
    text = " ".join(poppler("pdftotext", edition_pdf["path"], "-").split())
    for title in edition_pdf["titles"]:
        assert title in text
    assert text.lower().count("terug naar inhoud") == len(edition_pdf["titles"])
    for dutch in ("In een notendop", "Wat werkt?", "Wat kan er nog beter?", "Elementenmatrix"):
        assert dutch in text


def outline(path: str) -> ET.Element:
    xml = poppler("pdftohtml", "-xml", "-i", "-q", "-stdout", "-f", "1", "-l", "1", path)
    found = ET.fromstring(xml).find("outline")
    assert found is not None, "the PDF has no bookmarks"
    return found


def test_the_bookmarks_mirror_the_contents(edition_pdf):
    top = outline(edition_pdf["path"])
    chapters = [item.text for item in top.findall("item")]
    assert chapters[0] == "Inhoud"
    assert "Praktijkvoorbeelden" in chapters
    assert chapters[-1] == "Colofon"
    nested = top.find("outline")
    examples = [(item.text, int(item.get("page"))) for item in nested.findall("item")]
    assert [title for title, _page in examples] == edition_pdf["titles"]
    pages = [page for _title, page in examples]
    assert pages == sorted(set(pages))
    # The printed contents give the same page numbers (known from the parts' anchors).
    contents = poppler("pdftotext", "-layout", "-f", "2", "-l", "3", edition_pdf["path"], "-")
    for title, page in examples:
        assert re.search(re.escape(title) + r"[ .]+" + str(page) + r"\s*$", contents, re.MULTILINE)


def test_each_example_starts_a_page_under_its_own_running_header(edition_pdf):
    nested = outline(edition_pdf["path"]).find("outline")
    for item in nested.findall("item")[:3]:
        page = item.get("page")
        text = poppler("pdftotext", "-f", page, "-l", page, edition_pdf["path"], "-")
        assert text.lstrip().startswith(item.text)


# The single-example PDF ----------------------------------------------------------------------


def test_an_example_page_links_to_its_pdf(demo_content, client):
    response = client.get("/voorbeelden/ease/")
    html = response.content.decode()
    assert 'href="/voorbeelden/ease/pdf/"' in html
    # Not a `download` link: until the worker has made the PDF the address shows a page.
    assert 'href="/voorbeelden/ease/pdf/" download' not in html


# The request, the worker and serving the file: tests/publication/test_example_pdf.py.


def test_the_example_pdf_shows_no_private_contact(demo_content, tmp_path):
    page = ExamplePage.objects.get(slug="ervaringscafe")
    path = tmp_path / "voorbeeld.pdf"
    path.write_bytes(render.example_pdf(page))
    text = " ".join(poppler("pdftotext", str(path), "-").split())
    assert "Ervaringscafé" in text
    assert "In een notendop" in text
    assert "sdierick@kernkracht.nl" not in text
    assert "Sanne Dierick" not in text
    assert re.search(r"^Tagged:\s+yes", poppler("pdfinfo", str(path)), re.MULTILINE)


@override_settings(BASE_URL="https://voorbeeldenbank.example.nl")
def test_the_example_pdf_links_to_the_living_page_and_shows_the_contents_date(
    demo_content, tmp_path
):
    published = datetime.datetime(2025, 6, 1, 10, 30, tzinfo=datetime.UTC)
    ExamplePage.objects.filter(slug="ease").update(last_published_at=published)
    page = ExamplePage.objects.get(slug="ease")
    path = tmp_path / "voorbeeld.pdf"
    path.write_bytes(render.example_pdf(page))

    text = " ".join(poppler("pdftotext", str(path), "-").split())
    assert "Stand van de inhoud: 1 juni 2025." in text
    # A long address may wrap; it is never hyphenated.
    assert "https://voorbeeldenbank.example.nl/voorbeelden/ease/" in "".join(text.split())
    # Not the day the PDF was made.
    assert date_format(timezone.localdate(), "j F Y") not in text
    # The address is a real link, and the file's own dates are the content's.
    with pikepdf.open(path) as pdf:
        uris = {
            str(annotation.A.URI)
            for pdf_page in pdf.pages
            for annotation in pdf_page.get("/Annots", [])
            if "/A" in annotation and "/URI" in annotation.A
        }
        assert "https://voorbeeldenbank.example.nl/voorbeelden/ease/" in uris
        assert str(pdf.docinfo["/ModDate"]).startswith("D:20250601")
        assert str(pdf.docinfo["/CreationDate"]).startswith("D:20250601")
