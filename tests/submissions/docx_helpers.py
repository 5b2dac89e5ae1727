"""Fill in Word documents in tests the way a person would in Word, and build broken files."""

from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from voorbeeldenbank.submissions.docx.cleaning import label_key
from voorbeeldenbank.submissions.docx.labels import PRESENT


def load(data: bytes) -> DocxDocument:
    return Document(io.BytesIO(data))


def save(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _is_heading(paragraph: Paragraph) -> bool:
    return paragraph.style is not None and paragraph.style.name.startswith(("Heading", "Title"))


def find_heading(document: DocxDocument, text: str) -> int:
    """Index in document.paragraphs of the heading showing `text` (numbering ignored)."""
    wanted = label_key(text)
    for index, paragraph in enumerate(document.paragraphs):
        if _is_heading(paragraph) and label_key(paragraph.text) == wanted:
            return index
    raise AssertionError(f"no heading {text!r}")


def write_under(
    document: DocxDocument, heading: str, lines: list[str], style: str | None = None
) -> None:
    """Type paragraphs at the end of the section under `heading`, leaving hints in place."""
    paragraphs = document.paragraphs
    start = find_heading(document, heading)
    following = next((p for p in paragraphs[start + 1 :] if _is_heading(p)), None)
    for line in lines:
        if following is None:
            document.add_paragraph(line, style=style)
        else:
            following.insert_paragraph_before(line, style=style)


def set_presence(document: DocxDocument, element_title: str, answer: str) -> Paragraph:
    """Replace 'ja/nee' after the element's heading by the user's answer."""
    paragraphs = document.paragraphs
    start = find_heading(document, element_title)
    label = str(PRESENT.text)
    for paragraph in paragraphs[start + 1 :]:
        if paragraph.text.startswith(f"{label}:"):
            paragraph.text = f"{label}: {answer}"
            return paragraph
    raise AssertionError(f"no presence line under {element_title!r}")


def fill_row(document: DocxDocument, label: str, value: str, table_index: int = 0) -> None:
    """Type `value` in the right-hand cell of the row whose label starts with `label`."""
    table = document.tables[table_index]
    for row in table.rows:
        if label_key(row.cells[0].text).startswith(label_key(label)):
            lines = value.split("\n")
            cell = row.cells[1]
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
            return
    raise AssertionError(f"no row {label!r}")


def remove_section(document: DocxDocument, heading: str) -> None:
    """Delete a heading and everything up to the next heading, as a user would."""
    body = document.element.body
    paragraphs = document.paragraphs
    start = paragraphs[find_heading(document, heading)]._p
    node = start
    while node is not None:
        following = node.getnext()
        body.remove(node)
        node = following
        if node is None or node.tag == qn("w:sectPr"):
            break
        if node.tag == qn("w:p") and _is_heading(Paragraph(node, document)):
            break


def add_hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
