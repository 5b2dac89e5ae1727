"""Sort the document's paragraphs and tables into the sections and table rows of the format."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from . import labels
from .cleaning import truncate
from .reader import Block, Para, Table, Tick, no_limit
from .vocabulary import Vocabulary

TABLE_SECTIONS = set(labels.TABLE_SECTIONS)


@dataclass
class Sections:
    # section key -> its paragraphs, in order (element sections are "el_<key>")
    texts: dict[str, list[Para]] = field(default_factory=lambda: defaultdict(list))
    # scope (facts/contact/approver) -> field -> the value's paragraphs
    rows: dict[str, dict[str, list[Para]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )
    warnings: list[str] = field(default_factory=list)


class _Sorter:
    def __init__(self, vocabulary: Vocabulary, tick: Tick = no_limit) -> None:
        self.vocabulary = vocabulary
        self.tick = tick
        self.section: str | None = None
        self.result = Sections()

    def paragraph(self, para: Para) -> None:
        self.tick()
        text = " ".join(para.lines)
        if not para.bookmarks and (not text or self.vocabulary.is_hint(text)):
            return
        heading = self.vocabulary.heading(text, para.bookmarks)
        if heading:
            self.section, rest = heading
            if rest:
                self._content(Para(rest, links=para.links))
            return
        if text:
            self._content(para)

    def _content(self, para: Para) -> None:
        if self.section is None or self.section in TABLE_SECTIONS:
            scope = self.section or labels.FACTS.key
            for line in para.lines:
                if not self._label_line(scope, line, para.links) and self.section is not None:
                    self._unplaced(line)
            return
        self.result.texts[self.section].append(para)

    def _label_line(self, scope: str, line: str, links: tuple[str, ...] = ()) -> bool:
        """'Label: value' typed as a line instead of a table row."""
        label, colon, value = line.partition(":")
        key = self.vocabulary.row(scope, label) if colon else None
        if key is None:
            return False
        if value.strip():
            self.result.rows[scope][key].append(Para(value.strip(), links=links))
        return True

    def _unplaced(self, line: str) -> None:
        self.result.warnings.append(
            _("%(label)s: tekst zonder bekend label is niet overgenomen: '%(text)s'.")
            % {"label": self._section_label(), "text": truncate(line, 60)}
        )

    def _section_label(self) -> str:
        return next(str(h.text) for h in labels.HEADINGS if h.key == self.section)

    def table(self, table: Table) -> None:
        scope = self._table_scope(table)
        if scope is None:
            self._flatten(table)
            return
        for cells in table.rows:
            self.tick()
            filled = [cell for cell in cells if any(p.lines for p in cell)]
            if not filled:
                continue
            label_cell, values = filled[0], [p for cell in filled[1:] for p in cell]
            label = " ".join(line for p in label_cell for line in p.lines)
            bookmarks = tuple(b for p in label_cell for b in p.bookmarks)
            key = self.vocabulary.row(scope, label, bookmarks)
            if key is not None:
                self.result.rows[scope][key].extend(p for p in values if p.lines)
            elif not values and all(
                self._label_line(scope, line, p.links) for p in label_cell for line in p.lines
            ):
                continue
            else:
                self._unknown_row(scope, label)

    def _unknown_row(self, scope: str, label: str) -> None:
        heading = next(str(h.text) for h in labels.HEADINGS if h.key == scope)
        self.result.warnings.append(
            _("%(label)s: de regel '%(row)s' is niet herkend en niet overgenomen.")
            % {"label": heading, "row": truncate(label, 60)}
        )

    def _table_scope(self, table: Table) -> str | None:
        if self.section in TABLE_SECTIONS:
            return self.section
        known = 0
        for cells in table.rows:
            if cells and self.vocabulary.row(
                labels.FACTS.key,
                " ".join(line for p in cells[0] for line in p.lines),
                tuple(b for p in cells[0] for b in p.bookmarks),
            ):
                known += 1
        # A table of facts without (or before) its heading still reads as the facts.
        return labels.FACTS.key if known >= 2 else None

    def _flatten(self, table: Table) -> None:
        if self.section is None:
            return
        for cells in table.rows:
            texts = [" ".join(line for p in cell for line in p.lines) for cell in cells]
            texts = [text for text in texts if text]
            if texts:
                links = tuple(link for cell in cells for p in cell for link in p.links)
                self.paragraph(Para(" – ".join(texts), links=links))


def sort_blocks(blocks: list[Block], vocabulary: Vocabulary, tick: Tick = no_limit) -> Sections:
    sorter = _Sorter(vocabulary, tick)
    for block in blocks:
        if isinstance(block, Para):
            sorter.paragraph(block)
        else:
            sorter.table(block)
    return sorter.result
