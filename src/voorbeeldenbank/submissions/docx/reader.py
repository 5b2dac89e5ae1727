"""Turn a Word body into a flat list of paragraphs and tables of visible plain text.

Only text is read. Deleted (tracked) text, hidden text, struck-through text, field codes,
text boxes, drawings and embedded objects are skipped; hyperlink targets are read as text
and never followed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from docx.document import Document as DocxDocument
from lxml import etree

from .cleaning import clean_lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
BOOKMARK_PREFIX = "_vb_"

_SKIPPED = {
    f"{W}{tag}"
    for tag in (
        "pPr",
        "rPr",
        "del",
        "moveFrom",
        "delText",
        "instrText",
        "txbxContent",
        "drawing",
        "pict",
        "object",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
    )
}
_CONTAINERS = {f"{W}{tag}" for tag in ("sdt", "sdtContent", "customXml", "ins", "moveTo")}
_HIDING = (f"{W}vanish", f"{W}strike", f"{W}dstrike")


@dataclass
class Para:
    text: str
    bookmarks: tuple[str, ...] = ()
    links: tuple[str, ...] = ()

    @property
    def lines(self) -> list[str]:
        return clean_lines(self.text)


@dataclass
class Table:
    # rows -> cells -> paragraphs
    rows: list[list[list[Para]]] = field(default_factory=list)


Block = Para | Table
# Called once per paragraph and table row; raises to stop reading (see budget.py).
Tick = Callable[[], None]


def no_limit() -> None:
    return None


def _switched_on(element: etree._Element) -> bool:
    return element.get(f"{W}val", "true").casefold() not in ("0", "false", "off", "none")


def _is_hidden_run(run: etree._Element) -> bool:
    properties = run.find(f"{W}rPr")
    if properties is None:
        return False
    return any(
        node is not None and _switched_on(node)
        for node in (properties.find(tag) for tag in _HIDING)
    )


class _ParagraphReader:
    def __init__(self, link_targets: dict[str, str]) -> None:
        self.link_targets = link_targets
        self.parts: list[str] = []
        self.bookmarks: list[str] = []
        self.links: list[str] = []

    def read(self, element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == f"{W}t":
                self.parts.append(child.text or "")
            elif tag in (f"{W}tab", f"{W}ptab"):
                self.parts.append(" ")
            elif tag in (f"{W}br", f"{W}cr"):
                self.parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                self.parts.append("-")
            elif tag == f"{W}bookmarkStart":
                name = child.get(f"{W}name", "")
                if name.startswith(BOOKMARK_PREFIX):
                    self.bookmarks.append(name[len(BOOKMARK_PREFIX) :])
            elif tag == f"{W}r":
                if not _is_hidden_run(child):
                    self.read(child)
            else:
                if tag == f"{W}hyperlink" and child.get(R_ID) in self.link_targets:
                    self.links.append(self.link_targets[child.get(R_ID, "")])
                self.read(child)


def _paragraph(element: etree._Element, link_targets: dict[str, str]) -> Para:
    reader = _ParagraphReader(link_targets)
    reader.read(element)
    return Para("".join(reader.parts), tuple(reader.bookmarks), tuple(reader.links))


def _cell_paragraphs(cell: etree._Element, link_targets: dict[str, str], tick: Tick) -> list[Para]:
    paragraphs: list[Para] = []
    for block in _walk(cell, link_targets, tick):
        if isinstance(block, Para):
            paragraphs.append(block)
        else:  # a table inside a cell: its text still belongs to this cell
            paragraphs.extend(p for row in block.rows for c in row for p in c)
    return paragraphs


def _table(element: etree._Element, link_targets: dict[str, str], tick: Tick) -> Table:
    # iter() also reaches nested tables; each row and cell is kept only by its own table.
    table = Table()
    for row in element.iter(f"{W}tr"):
        if _nearest(row, f"{W}tbl") is not element:
            continue
        tick()
        table.rows.append(
            [
                _cell_paragraphs(cell, link_targets, tick)
                for cell in row.iter(f"{W}tc")
                if _nearest(cell, f"{W}tr") is row
            ]
        )
    return table


def _nearest(node: etree._Element, tag: str) -> etree._Element | None:
    parent = node.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _walk(element: etree._Element, link_targets: dict[str, str], tick: Tick) -> Iterator[Block]:
    for child in element:
        if child.tag == f"{W}p":
            tick()
            yield _paragraph(child, link_targets)
        elif child.tag == f"{W}tbl":
            yield _table(child, link_targets, tick)
        elif child.tag in _CONTAINERS:
            yield from _walk(child, link_targets, tick)


def read_blocks(document: DocxDocument, tick: Tick = no_limit) -> list[Block]:
    """The body's paragraphs and tables in document order."""
    link_targets = {
        rel_id: rel.target_ref for rel_id, rel in document.part.rels.items() if rel.is_external
    }
    return list(_walk(document.element.body, link_targets, tick))
