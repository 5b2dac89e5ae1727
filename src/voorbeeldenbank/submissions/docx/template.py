"""The Word template of the format, in Dutch or English, for submitters to fill in."""

from __future__ import annotations

import io
from itertools import count

from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from voorbeeldenbank.examples.constants import ELEMENT_THRESHOLD, Kind

from ..content import threshold_rule
from . import labels
from .elements import ElementSpec, element_specs
from .reader import BOOKMARK_PREFIX
from .vocabulary import ELEMENT_PREFIX, row_bookmark

HINT_STYLE = "Invulhulp"
DOCUMENT_LANGUAGES = {"nl": "nl-NL", "en": "en-GB"}


class _Writer:
    def __init__(self) -> None:
        self.document: DocxDocument = Document()
        self._ids = count(1)
        hint = self.document.styles.add_style(HINT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        hint.base_style = self.document.styles["Normal"]
        hint.font.italic = True
        # Dark grey keeps the hints readable (contrast above 4.5:1) yet clearly not content.
        hint.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        hint.font.size = Pt(10)

    def mark(self, paragraph: Paragraph, key: str) -> None:
        """A hidden bookmark: the section's machine key survives edits of the visible text.

        It is collapsed at the start of the paragraph, so typing over the heading text keeps it.
        """
        bookmark_id = str(next(self._ids))
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), bookmark_id)
        start.set(qn("w:name"), BOOKMARK_PREFIX + key)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), bookmark_id)
        properties = paragraph._p.pPr
        if properties is not None:
            properties.addnext(start)
        else:
            paragraph._p.insert(0, start)
        start.addnext(end)

    def heading(self, text: str, key: str, level: int = 1) -> None:
        self.mark(self.document.add_heading(text, level=level), key)

    def hint(self, text: str) -> None:
        self.document.add_paragraph(text, style=HINT_STYLE)

    def space(self, style: str | None = None) -> None:
        self.document.add_paragraph("", style=style)

    def table(self, scope: str, rows: list[tuple[str, str, str]]) -> Table:
        table = self.document.add_table(rows=0, cols=2)
        table.style = self.document.styles["Table Grid"]
        for key, label, extra in rows:
            label_cell, _value_cell = table.add_row().cells
            paragraph = label_cell.paragraphs[0]
            paragraph.add_run(label).bold = True
            if extra:
                paragraph.add_run(f" ({extra})")
            self.mark(paragraph, row_bookmark(scope, key))
        return table


def _choices(values: list[str]) -> str:
    return _("%(first)s of %(last)s") % {"first": ", ".join(values[:-1]), "last": values[-1]}


def _fact_extras() -> dict[str, str]:
    dimension = [_("mix"), _("buiten het kwadrant")]
    return {
        "kind": _choices([str(choice.label).lower() for choice in Kind]),
        "since_year": _("jaartal"),
        "places": _("gescheiden door komma's"),
        "organisations": _("gescheiden door komma's"),
        "age_min": _("in jaren"),
        "age_max": _("in jaren"),
        "formality": _choices([_("informeel"), _("formeel"), *dimension]),
        "scale": _choices([_("individueel"), _("collectief"), *dimension]),
    }


def _introduction(writer: _Writer, elements: list[ElementSpec]) -> None:
    document = writer.document
    document.add_heading(_("Een voorbeeld insturen voor de Voorbeeldenbank Normaliseren"), 0)
    document.add_paragraph(
        _(
            "Met dit document beschrijft u een aanpak uit de praktijk die past bij de visie op "
            "normaliseren: steun bij opgroeien en opvoeden die zo gewoon, dichtbij en licht "
            "mogelijk is, zonder van gewone zorgen een probleem te maken."
        )
    )
    document.add_paragraph(threshold_rule(ELEMENT_THRESHOLD, len(elements)))
    document.add_paragraph(
        _(
            "Zo werkt het. Schrijf onder elke kop en laat de tekst van de koppen staan. Vul de "
            "tabellen in de rechterkolom in. De grijze hulpteksten mag u laten staan. Weet u "
            "iets niet, laat het dan leeg. Upload het bestand daarna op de site; u ziet meteen "
            "wat er is herkend en kunt het daar verder aanvullen."
        )
    )


def _write(writer: _Writer, elements: list[ElementSpec]) -> None:
    _introduction(writer, elements)
    extras = _fact_extras()
    facts = {row.key: row for row in labels.FACT_ROWS}
    writer.heading(str(labels.FACTS.text), labels.FACTS.key)
    writer.table(
        labels.FACTS.key,
        [(key, str(facts[key].text), extras.get(key, "")) for key in labels.TEMPLATE_FACT_KEYS],
    )
    for heading in (labels.SUMMARY, labels.DEEPENING):
        writer.heading(str(heading.text), heading.key)
        writer.hint(str(labels.HINTS[heading.key]))
        writer.space()
    for heading in (labels.FOR_WHOM, labels.BY_WHOM, labels.WHAT_IS_NEEDED, labels.FURTHER):
        writer.heading(str(heading.text), heading.key, level=2)
        writer.hint(str(labels.HINTS[heading.key]))
        writer.space()
    writer.heading(str(labels.ELEMENTS.text), labels.ELEMENTS.key)
    writer.hint(str(labels.HINTS[labels.ELEMENTS.key]))
    for number, element in enumerate(elements, start=1):
        writer.heading(f"{number}. {element.display_title}", ELEMENT_PREFIX + element.key, 2)
        writer.hint(element.display_summary)
        writer.document.add_paragraph(f"{labels.PRESENT.text}: {labels.PRESENT_CHOICES}")
        writer.hint(str(labels.HINTS["element"]))
        writer.space()
    for heading in (labels.WHAT_WORKS, labels.IMPROVEMENTS):
        writer.heading(str(heading.text), heading.key)
        writer.hint(str(labels.HINTS[heading.key]))
        writer.space("List Bullet")
    writer.heading(str(labels.LINKS.text), labels.LINKS.key)
    writer.hint(str(labels.HINTS[labels.LINKS.key]))
    writer.space()
    for heading, rows in (
        (labels.CONTACT, labels.CONTACT_ROWS),
        (labels.APPROVER, labels.APPROVER_ROWS),
    ):
        writer.heading(str(heading.text), heading.key)
        writer.hint(str(labels.HINTS[heading.key]))
        writer.table(heading.key, [(row.key, str(row.text), "") for row in rows])


def _set_language(document: DocxDocument, language: str) -> None:
    code = DOCUMENT_LANGUAGES.get(language, language)
    document.core_properties.language = code
    # Screen readers and spelling checks take the language from the default run properties.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    run_defaults = defaults.find(qn("w:rPrDefault"))
    properties = run_defaults.find(qn("w:rPr")) if run_defaults is not None else None
    if properties is None:
        return
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), code)


def build_template(language: str = "nl") -> bytes:
    """The format as a .docx in `language` (a site language; Dutch is the source)."""
    with translation.override(language):
        elements = element_specs()
        writer = _Writer()
        _write(writer, elements)
        properties = writer.document.core_properties
        properties.title = _("Voorbeeld insturen – Voorbeeldenbank Normaliseren")
        properties.author = ""
        properties.last_modified_by = ""
        properties.comments = ""
        _set_language(writer.document, language)
    buffer = io.BytesIO()
    writer.document.save(buffer)
    return buffer.getvalue()
