"""An edition's PDF is laid out in parts and joined: the joined PDF must read as one document.

The demo edition is rendered with four examples per part (conftest.py), so it is joined from
seven parts: front, opening, four example parts and the closing part.
"""

import re
from pathlib import Path

import pikepdf
import pytest
from django.template import Context, Template

from tests.publication.conftest import EXAMPLES_PER_PART, poppler
from voorbeeldenbank.publication import parts, pdfjoin, render

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def joined(edition_pdf):
    with pikepdf.open(edition_pdf["path"]) as pdf:
        yield pdf


def parent_tree(pdf: pikepdf.Pdf) -> dict[int, object]:
    nums = list(pdf.Root.StructTreeRoot.ParentTree.Nums)
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def annotations(pdf: pikepdf.Pdf):
    for page in pdf.pages:
        yield from page.obj.get("/Annots", [])


def test_it_is_made_of_several_parts(edition_pdf):
    examples = len(edition_pdf["titles"])
    expected = 3 + -(-examples // EXAMPLES_PER_PART)
    assert edition_pdf["progress"][0] == (0, expected)
    assert edition_pdf["progress"][-1] == (expected, expected)
    assert [done for done, _total in edition_pdf["progress"]] == list(range(expected + 1))


def test_every_page_maps_its_marked_content_to_the_one_structure_tree(joined):
    tree = parent_tree(joined)
    root = joined.Root.StructTreeRoot
    assert int(root.ParentTreeNextKey) == len(tree)
    keys = [int(page.obj.StructParents) for page in joined.pages]
    assert len(set(keys)) == len(joined.pages)
    page_ids = {page.obj.objgen for page in joined.pages}
    for page in joined.pages:
        elements = tree[int(page.obj.StructParents)]
        stream = page.obj.Contents
        data = (
            b"".join(s.read_bytes() for s in stream)
            if isinstance(stream, pikepdf.Array)
            else stream.read_bytes()
        )
        mcids = [int(m) for m in re.findall(rb"/MCID (\d+)", data)]
        assert mcids, "every page has tagged content"
        assert max(mcids) < len(elements)
        for element in elements:
            if "/Pg" in element:
                assert element.Pg.objgen in page_ids


def test_all_parts_hang_under_one_document_element(joined):
    root = joined.Root.StructTreeRoot
    document = root.K[0]
    assert pikepdf.Name.Document == document.S
    assert len(root.K) == 1
    children = list(document.K)
    assert len(children) >= len(joined.pages)
    assert all(child.P.objgen == document.objgen for child in children)
    headings = [child for child in children if child.get("/S") == pikepdf.Name.Part]
    assert headings, "the parts' <main> elements are in the tree"


def test_every_annotation_has_its_own_structure_parent(joined):
    tree = parent_tree(joined)
    seen = set()
    for annotation in annotations(joined):
        key = int(annotation.StructParent)
        assert key in tree
        assert key not in seen
        seen.add(key)
    assert seen


def test_links_between_parts_work_and_none_is_left_as_a_part_uri(joined, edition_pdf):
    names = {bytes(name) for name in list(joined.Root.Names.Dests.Names)[0::2]}
    internal = [bytes(a.Dest) for a in annotations(joined) if "/Dest" in a]
    uris = [bytes(a.A.URI) for a in annotations(joined) if "/A" in a]
    assert not [uri for uri in uris if uri.startswith(pdfjoin.PART_LINK.encode())]
    assert set(internal) <= names
    # "Terug naar inhoud" closes every example: a link back across parts to the contents.
    pages_back = {
        index
        for index, page in enumerate(joined.pages)
        for annotation in page.obj.get("/Annots", [])
        if "/Dest" in annotation and bytes(annotation.Dest) == b"inhoud"
    }
    assert len(pages_back) == len(edition_pdf["titles"])
    # The contents link to every example, which live in other parts.
    for slug_anchor in (name for name in names if name.startswith(b"voorbeeld-")):
        if not slug_anchor.endswith(b"-titel"):
            assert slug_anchor in internal


def test_page_numbers_continue_across_parts(edition_pdf):
    path = edition_pdf["path"]
    for number in (2, 12, 13, edition_pdf["pages"]):
        lines = [
            line
            for line in poppler(
                "pdftotext", "-layout", "-f", str(number), "-l", str(number), path, "-"
            ).splitlines()
            if line.strip()
        ]
        assert lines[-1].split()[-1] == str(number)


def test_the_running_texts_are_on_pages_of_every_part(edition_pdf):
    last = str(edition_pdf["pages"])
    text = poppler("pdftotext", "-layout", "-f", last, "-l", last, edition_pdf["path"], "-")
    assert "Editie 1" in text
    assert "Voorbeeldenbank Normaliseren" in text


# The pieces ---------------------------------------------------------------------------------


def test_links_to_anchors_in_other_parts_are_rewritten_and_own_anchors_kept():
    html = '<h1 id="a">x</h1><a href="#a">own</a> <a href="#b">other</a> <a href="https://x.nl/#c">web</a>'
    rewritten = parts._link_across_parts(html)
    assert 'href="#a"' in rewritten
    assert f'href="{pdfjoin.PART_LINK}b"' in rewritten
    assert 'href="https://x.nl/#c"' in rewritten


def test_the_plan_keeps_the_report_order_and_splits_the_examples():
    context = {"examples": [{"anchor": str(i)} for i in range(7)]}
    planned = parts.plan(context, examples_per_part=3)
    assert [part.kind for part in planned] == [
        "front",
        "opening",
        "examples",
        "examples",
        "examples",
        "closing",
    ]
    assert [len(part.examples) for part in planned if part.kind == "examples"] == [3, 3, 1]
    assert {part.outline_level for part in planned if part.kind == "examples"} == {2}


@pytest.mark.parametrize(
    "text",
    ['Editie "1"', "a\\b", "</style><script>alert(1)</script>", "Ouders & kinderen · ’t is\nnieuw"],
)
def test_css_strings_cannot_break_out_of_the_style_element(text):
    rendered = Template("{% load edition_tags %}{{ value|css_string }}").render(
        Context({"value": text})
    )
    assert rendered[0] == rendered[-1] == '"'
    inner = rendered[1:-1]
    # Only plain characters and six-digit hex escapes: no quote, raw backslash, < or newline.
    assert re.fullmatch(r"(?:[A-Za-z0-9 .,-]|\\[0-9a-f]{6})*", inner)
    # Decoding the CSS escapes gives the text back.
    decoded = re.sub(r"\\([0-9a-f]{6})", lambda m: chr(int(m[1], 16)), inner)
    assert decoded == text


def test_a_part_that_is_not_tagged_is_refused(tmp_path):
    untagged = tmp_path / "los.pdf"
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.save(untagged)
    with pytest.raises(ValueError, match="not a tagged PDF"):
        pdfjoin.join([untagged], Path(tmp_path / "uit.pdf"))


def test_joining_nothing_is_refused(tmp_path):
    with pytest.raises(ValueError, match="No parts"):
        pdfjoin.join([], tmp_path / "uit.pdf")


def fake_layout(monkeypatch, front_pages_written: list[int]) -> list[int]:
    """Stand-ins for the layout steps; returns the first page each body layout started on."""
    starts: list[int] = []
    monkeypatch.setattr(render, "render_part_html", lambda *args, **kwargs: "<html></html>")
    monkeypatch.setattr(parts, "_page_count", lambda html, fonts: 2)

    def lay_out_body(context, body, paths, first_page, fonts, report, total):
        starts.append(first_page)
        return {}

    def write_front(context, front, numbers, pages, path, fonts):
        return front_pages_written.pop(0) if front_pages_written else pages

    monkeypatch.setattr(parts, "_lay_out_body", lay_out_body)
    monkeypatch.setattr(parts, "_write_front", write_front)

    def join(paths, output, **kwargs):
        output.write_bytes(b"%PDF-")
        return 9

    monkeypatch.setattr(pdfjoin, "join", join)
    return starts


def test_a_longer_contents_lays_out_the_rest_again_after_it(monkeypatch):
    starts = fake_layout(monkeypatch, front_pages_written=[3])

    pdf, pages = parts.edition_pdf({"examples": [], "intro_chapters": []})

    assert (pdf, pages) == (b"%PDF-", 9)
    # First after the two placeholder pages, then after the three real ones.
    assert starts == [2, 3]


def test_a_contents_that_keeps_growing_fails_with_a_message(monkeypatch):
    fake_layout(monkeypatch, front_pages_written=[3, 4])

    with pytest.raises(RuntimeError, match="inhoudsopgave bleef van lengte veranderen"):
        parts.edition_pdf({"examples": [], "intro_chapters": []})
